import type {
  CampaignLaunchedV1,
  InspectionTeamV1,
  KeyRegionDesignatedV1,
  ThresholdPublishedV1,
} from '@relapse-watch/contracts';
import { counterDelta, isEmptyDelta, type Counters } from './counters';
import { householdContribution } from './household-contribution';
import { newHouseholdReport, type HouseholdReport } from './household-report';
import { evolveAssistanceFacts, evolveInspectionFacts, evolveRegistryFacts } from './household-report.evolve';
import { localDateOf, type ReportEvent } from './report-event';
import {
  campaignOf,
  contextIds,
  newProvinceYear,
  newVillage,
  villageContribution,
  withKeyRegion,
  withTeam,
  withThreshold,
  type CampaignContext,
  type ProvinceYearContext,
  type VillageContext,
} from './reporting-context';

/**
 * The documents the fold reads and writes, already at hand (the caller loads what
 * {@link householdsNeeded} names before folding): synchronous, so the fold stays pure.
 */
export interface ReportingDocuments {
  household(householdId: string): HouseholdReport | null;
  putHousehold(household: HouseholdReport): void;
  /** Notes a household whose facts changed since its contribution was last settled. */
  markUnsettled(householdId: string): void;
  /** The households noted by {@link markUnsettled} since the last call, in the order first noted; forgets them. */
  takeUnsettled(): string[];
  /** Every household of a province the reporting knows (loaded for a line published for it). */
  householdsOfProvince(provinceCode: string): Iterable<HouseholdReport>;
  context<T>(id: string): T | null;
  /** Every context document whose id starts with `prefix`, in id order. */
  contexts<T>(prefix: string): Iterable<T>;
  putContext(id: string, document: unknown): void;
  /** Adds the counts to the village and to each unit above it. */
  addToUnits(villageCode: string, delta: Counters): void;
}

/** What a fold of the event needs loaded besides the (always loaded) context documents. */
export interface DocumentsNeeded {
  readonly householdIds: readonly string[];
  /** Every household of this province (a newly published line changes who is below it). */
  readonly provinceCode: string | null;
}

const NOTHING: DocumentsNeeded = { householdIds: [], provinceCode: null };

/** The household a household-level event is about (registry, inspection and assistance events all name it). */
function householdIdOf(event: ReportEvent): string | null {
  const id = (event.data as { householdId?: unknown } | null)?.householdId;
  return typeof id === 'string' ? id : null;
}

/** Events the fold reads as context (campaigns, teams, lines, key regions), never as a household's. */
export const CONTEXT_EVENT_NAMES: ReadonlySet<string> = new Set([
  'CampaignLaunched',
  'InspectionTeamFormed',
  'InspectionTeamChanged',
  'ThresholdPublished',
  'KeyRegionDesignated',
]);

/**
 * The household whose facts {@link foldReportEvent} changes with `event`, or null when it changes
 * none (a context event, or an event naming no household): what a fold split by household
 * partitions on.
 */
export function householdOfEvent(event: ReportEvent): string | null {
  return CONTEXT_EVENT_NAMES.has(event.name) ? null : householdIdOf(event);
}

/** The documents the fold of `event` reads, for a caller that loads them first. */
export function householdsNeeded(event: ReportEvent): DocumentsNeeded {
  if (event.name === 'ThresholdPublished')
    // The contracts name the province by its two digits; stored households by the 12-digit code.
    return {
      householdIds: [],
      provinceCode: (event.data as ThresholdPublishedV1).provinceCode.slice(0, 2).padEnd(12, '0'),
    };
  const householdId = householdIdOf(event);
  return householdId === null ? NOTHING : { householdIds: [householdId], provinceCode: null };
}

function provinceYears(documents: ReportingDocuments, villageCode: string) {
  const provinceCode = villageCode.slice(0, 2).padEnd(12, '0');
  return (year: number) => documents.context<ProvinceYearContext>(contextIds.provinceYear(provinceCode, year));
}

function campaigns(documents: ReportingDocuments) {
  return (campaignId: string) => documents.context<CampaignContext>(contextIds.campaign(campaignId));
}

/** Stores a village's new facts and moves its units by the difference in what it contributes. */
function putVillage(documents: ReportingDocuments, village: VillageContext): void {
  const contribution = villageContribution(village, campaigns(documents));
  const delta = counterDelta(village.contribution, contribution);
  if (!isEmptyDelta(delta)) documents.addToUnits(village.villageCode, delta);
  documents.putContext(contextIds.village(village.villageCode), { ...village, contribution });
}

/**
 * Adds to the units what each household changed since its contribution was last settled: the
 * difference between what it contributes now and what it contributed then (to the village it
 * counted in then, which a move changes). Facts change event by event; contributions settle once
 * per batch (the projector) or once at the end (an as-of report): the unit sums telescope to the
 * same totals, so the result does not depend on how often it is called.
 *
 * @param villageHasHouseholds told the village of each registered household settled (by default
 *   {@link markVillageWithHouseholds}).
 */
export function settleHouseholds(
  documents: ReportingDocuments,
  villageHasHouseholds: (villageCode: string) => void = (villageCode) =>
    markVillageWithHouseholds(documents, villageCode),
): void {
  for (const householdId of documents.takeUnsettled()) {
    const household = documents.household(householdId);
    if (household === null) continue;
    const village = household.villageCode;
    const contribution = village === '' ? {} : householdContribution(household, provinceYears(documents, village));
    const before = household.contributedTo;
    if (before !== '' && before !== village) {
      documents.addToUnits(before, counterDelta(household.contribution, {}));
      if (village !== '') documents.addToUnits(village, contribution);
    } else if (village !== '') {
      const delta = counterDelta(household.contribution, contribution);
      if (!isEmptyDelta(delta)) documents.addToUnits(village, delta);
    }
    documents.putHousehold({ ...household, contribution, contributedTo: village });
    if (household.registered && village !== '') villageHasHouseholds(village);
  }
}

/**
 * Counts the village in once it has a registered household (its `villages` count and its teams'
 * coverage move its units). What {@link settleHouseholds} does for each settled household's
 * village; a fold split over threads does it once per village on the thread that keeps the contexts.
 */
export function markVillageWithHouseholds(documents: ReportingDocuments, villageCode: string): void {
  const context = documents.context<VillageContext>(contextIds.village(villageCode)) ?? newVillage(villageCode);
  if (!context.hasHouseholds) putVillage(documents, { ...context, hasHouseholds: true });
}

function foldHouseholdEvent(documents: ReportingDocuments, event: ReportEvent, householdId: string): void {
  const before = documents.household(householdId) ?? newHouseholdReport(householdId);
  const evolve =
    event.context === 'registry'
      ? evolveRegistryFacts
      : event.context === 'inspection'
        ? evolveInspectionFacts
        : event.context === 'assistance'
          ? evolveAssistanceFacts
          : null;
  if (evolve === null) return;
  const after = evolve(before, event.name, event.data);
  if (after === before) return;
  documents.putHousehold(after);
  documents.markUnsettled(householdId);
}

function foldTeam(documents: ReportingDocuments, team: InspectionTeamV1, on: string): void {
  const id = contextIds.team(team.campaignId, team.teamId);
  const before = documents.context<{ villageCodes: readonly string[] }>(id)?.villageCodes ?? [];
  const villages = new Set([...before, ...team.villageCodes]);
  for (const villageCode of [...villages].sort()) {
    const village = documents.context<VillageContext>(contextIds.village(villageCode)) ?? newVillage(villageCode);
    putVillage(documents, withTeam(village, team, on));
  }
  documents.putContext(id, { villageCodes: team.disbanded ? [] : [...team.villageCodes].sort() });
}

function foldThreshold(documents: ReportingDocuments, event: ThresholdPublishedV1): void {
  const id = contextIds.provinceYear(event.provinceCode, event.year);
  const before = documents.context<ProvinceYearContext>(id) ?? newProvinceYear(event.provinceCode, event.year);
  const after = withThreshold(before, event);
  if (after === before) return;
  documents.putContext(id, after);
  // Who is below the line changed for every household with an income of that year in the province.
  for (const household of documents.householdsOfProvince(event.provinceCode))
    if (household.income[event.year] !== undefined) documents.markUnsettled(household.householdId);
}

/**
 * Folds one integration event into the reporting's documents: the facts of the household it is
 * about (its units move when {@link settleHouseholds} runs), or the campaign, team, village or
 * province-year context it changes. Events of contracts the reports do not count change nothing.
 * Deterministic: the same events in the same order, settled, give the same documents.
 *
 * @param utcOffsetMinutes the officials' time zone, for the day a team was formed.
 */
export function foldReportEvent(documents: ReportingDocuments, event: ReportEvent, utcOffsetMinutes: number): void {
  switch (event.name) {
    case 'CampaignLaunched': {
      const campaign = campaignOf(event.data as CampaignLaunchedV1);
      documents.putContext(contextIds.campaign(campaign.campaignId), campaign);
      const yearId = contextIds.provinceYear(campaign.provinceCode, campaign.year);
      const year =
        documents.context<ProvinceYearContext>(yearId) ?? newProvinceYear(campaign.provinceCode, campaign.year);
      if (!(year.campaignIds ?? []).includes(campaign.campaignId))
        documents.putContext(yearId, { ...year, campaignIds: [...(year.campaignIds ?? []), campaign.campaignId] });
      // Teams of the campaign may have come first (another message key, so no order between them).
      for (const village of documents.contexts<VillageContext>(contextIds.village('')))
        if (village.teams[campaign.campaignId] !== undefined) putVillage(documents, village);
      return;
    }
    case 'InspectionTeamFormed':
    case 'InspectionTeamChanged':
      return foldTeam(documents, event.data as InspectionTeamV1, localDateOf(event.time, utcOffsetMinutes));
    case 'ThresholdPublished':
      return foldThreshold(documents, event.data as ThresholdPublishedV1);
    case 'KeyRegionDesignated': {
      const data = event.data as KeyRegionDesignatedV1;
      const id = contextIds.provinceYear(data.provinceCode, data.year);
      const before = documents.context<ProvinceYearContext>(id) ?? newProvinceYear(data.provinceCode, data.year);
      documents.putContext(id, withKeyRegion(before, data));
      return;
    }
    default: {
      const householdId = householdIdOf(event);
      if (householdId !== null) foldHouseholdEvent(documents, event, householdId);
    }
  }
}
