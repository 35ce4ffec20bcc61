// Spec-only support: a seeded county of households with plain attributes, the integration events
// those attributes give, and the figures the reports must show computed straight from the
// attributes (never through the fold), so a spec compares two independent computations.
import type { ReportEvent } from '../domain/report-event';

export const PROVINCE = '510000000000';
/** The province as the contracts name it: its two digits. */
export const PROVINCE_DIGITS = '51';
export const COUNTY = '511923000000';
export const TOWNSHIPS = ['511923100000', '511923101000'] as const;
export const VILLAGES = ['511923100201', '511923100202', '511923101201'] as const;
export const CAMPAIGN = { campaignId: 'c-2024', teamsInPlaceBy: '2024-08-16', inspectBy: '2024-08-30' };
export const LINE_2024_FEN = 760_000;
/** A key region of the first township and, again, one of its villages (counted once). */
export const KEY_REGION = {
  regionId: 'kr-1',
  kind: 'priority-county',
  divisionCodes: ['511923100000', '511923100201'],
} as const;

/** One generated household's attributes. */
export interface ScenarioHousehold {
  readonly householdId: string;
  readonly villageCode: string;
  readonly povertyAlleviated: boolean;
  readonly labourCapable: boolean;
  /** Per-capita income in fen for 2023 and 2024. */
  readonly income: { readonly 2023: number; readonly 2024: number };
  readonly inspection: {
    /** The day it completed: in time from the launch to the `inspectBy` day, late in the week after. */
    readonly completedOn: string;
    readonly late: boolean;
    readonly methods: readonly string[];
    readonly guide: boolean;
    readonly leaflet: boolean;
  } | null;
  readonly monitoring: {
    readonly source: 'self-application' | 'cadre-inspection' | 'department-warning';
    readonly identifiedOn: string | null;
    readonly category: 'unstable-poverty-alleviated' | 'marginal-prone-to-poverty' | 'sudden-severe-hardship';
    readonly riskTypes: readonly string[];
    readonly measure: 'industry' | 'health' | null;
    readonly eliminated: { readonly on: string; readonly years: number } | null;
  } | null;
  readonly issue: { readonly raisedOn: string; readonly resolvedOn: string | null } | null;
  readonly rectification: { readonly closed: boolean; readonly late: boolean } | null;
}

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An inspection's day, spread by the household's index (not the generator, so the other attributes stay as they were). */
function inspectionDay(index: number, late: boolean): { completedOn: string; late: boolean } {
  // By the index over the villages' count, so each village gets every day.
  const spread = Math.floor(index / 3);
  const day = late ? new Date(Date.UTC(2024, 7, 31 + (spread % 6))) : new Date(Date.UTC(2024, 7, 13 + (spread % 18)));
  return { completedOn: day.toISOString().slice(0, 10), late };
}

/** `count` households spread over {@link VILLAGES}. */
export function scenarioHouseholds(count: number, seed = 7): ScenarioHousehold[] {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const households: ScenarioHousehold[] = [];
  for (let i = 0; i < count; i++) {
    const povertyAlleviated = next() < 0.4;
    const monitored = next() < 0.3;
    const identified = monitored && next() < 0.8;
    households.push({
      householdId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      villageCode: VILLAGES[i % VILLAGES.length],
      povertyAlleviated,
      labourCapable: next() < 0.7,
      income: { 2023: Math.floor(next() * 2_000_000), 2024: Math.floor(next() * 2_000_000) },
      inspection:
        next() < 0.8
          ? {
              ...inspectionDay(i, next() < 0.2),
              methods: next() < 0.5 ? ['household-visit'] : ['household-visit', 'online-communication'],
              guide: next() < 0.9,
              leaflet: next() < 0.6,
            }
          : null,
      monitoring: monitored
        ? {
            source: pick(['self-application', 'cadre-inspection', 'department-warning'] as const),
            identifiedOn: identified ? pick(['2023-05-10', '2024-03-02', '2024-09-15']) : null,
            category: pick([
              'unstable-poverty-alleviated',
              'marginal-prone-to-poverty',
              'sudden-severe-hardship',
            ] as const),
            riskTypes: next() < 0.5 ? ['illness'] : ['illness', 'unstable-work'],
            measure: identified ? pick(['industry', 'health', null] as const) : null,
            eliminated: identified && next() < 0.3 ? { on: '2024-11-20', years: pick([0, 1]) } : null,
          }
        : null,
      issue: next() < 0.2 ? { raisedOn: '2024-08-20', resolvedOn: next() < 0.5 ? '2024-08-25' : null } : null,
      rectification: next() < 0.15 ? { closed: next() < 0.5, late: next() < 0.5 } : null,
    });
  }
  return households;
}

/** The integration events the households' attributes give, in a plausible order, as the inbox would hold them. */
export function scenarioEvents(households: readonly ScenarioHousehold[]): ReportEvent[] {
  const events: ReportEvent[] = [];
  const add = (context: string, name: string, subject: string, time: string, divisionCode: string, data: unknown) =>
    events.push({
      position: events.length + 1,
      id: `event-${events.length + 1}`,
      context,
      name,
      version: 1,
      subject,
      time,
      divisionCode,
      data,
    });
  add('inspection', 'CampaignLaunched', CAMPAIGN.campaignId, '2024-08-12T01:00:00.000Z', PROVINCE, {
    ...CAMPAIGN,
    provinceCode: PROVINCE_DIGITS,
    year: 2024,
    launchedOn: '2024-08-12',
  });
  add('registry', 'ThresholdPublished', `${PROVINCE}-2024`, '2024-01-05T01:00:00.000Z', PROVINCE, {
    provinceCode: PROVINCE_DIGITS,
    year: 2024,
    line: 'monitoring-threshold',
    revision: 1,
    amountFen: LINE_2024_FEN,
  });
  add('registry', 'KeyRegionDesignated', `${PROVINCE}-2024`, '2024-02-01T01:00:00.000Z', PROVINCE, {
    provinceCode: PROVINCE_DIGITS,
    year: 2024,
    regionId: KEY_REGION.regionId,
    kind: KEY_REGION.kind,
    divisionCodes: KEY_REGION.divisionCodes,
    reason: '重点帮扶 / priority assistance',
    effectiveFrom: '2024-02-01',
  });
  add('inspection', 'InspectionTeamFormed', 't-1', '2024-08-15T02:00:00.000Z', TOWNSHIPS[0], {
    campaignId: CAMPAIGN.campaignId,
    teamId: 't-1',
    villageCodes: [VILLAGES[0], VILLAGES[1]],
    disbanded: false,
  });
  add('inspection', 'InspectionTeamFormed', 't-2', '2024-08-20T02:00:00.000Z', TOWNSHIPS[1], {
    campaignId: CAMPAIGN.campaignId,
    teamId: 't-2',
    villageCodes: [VILLAGES[2]],
    disbanded: false,
  });
  for (const h of households) {
    const { householdId: id, villageCode: village } = h;
    const registry = (name: string, time: string, data: object) =>
      add('registry', name, id, time, village, { householdId: id, villageCode: village, ...data });
    registry('HouseholdRegistered', '2024-01-10T01:00:00.000Z', {
      status: h.povertyAlleviated ? { kind: 'poverty-alleviated', yearLeftPoverty: 2019 } : { kind: 'ordinary' },
      flags: { relocatedToResettlementSite: false, urbanHukou: false },
    });
    registry('HouseholdMembersChanged', '2024-01-10T01:00:01.000Z', {
      members: [{ labourCapacity: h.labourCapable ? 'ordinary' : 'lost' }],
    });
    for (const year of [2023, 2024] as const)
      registry('HouseholdIncomeRecorded', `${year + 1}-01-15T01:00:00.000Z`, {
        period: { kind: 'calendar-year', year },
        perCapitaNetIncomeFen: h.income[year],
      });
    if (h.inspection !== null)
      add('inspection', 'HouseholdInspectionCompleted', id, `${h.inspection.completedOn}T03:00:00.000Z`, village, {
        campaignId: CAMPAIGN.campaignId,
        householdId: id,
        villageCode: village,
        round: 1,
        completedOn: h.inspection.completedOn,
        late: h.inspection.late,
        methods: h.inspection.methods,
        visited: h.inspection.methods.includes('household-visit'),
        areas: [
          {
            area: 'policy-awareness',
            outcome: 'no-risk',
            answers: { 'application-guide': h.inspection.guide, 'assistance-policy': h.inspection.leaflet },
          },
        ],
      });
    if (h.issue !== null) {
      const issue = { issueId: `i-${id}`, campaignId: CAMPAIGN.campaignId, householdId: id, villageCode: village };
      add('inspection', 'DataQualityIssueRaised', id, '2024-08-20T03:00:00.000Z', village, {
        ...issue,
        rule: 'income.recompute',
        raisedOn: h.issue.raisedOn,
      });
      if (h.issue.resolvedOn !== null)
        add('inspection', 'DataQualityIssueResolved', id, '2024-08-25T04:00:00.000Z', village, {
          ...issue,
          rule: 'income.recompute',
          resolvedOn: h.issue.resolvedOn,
        });
    }
    if (h.rectification !== null) {
      const item = {
        itemId: `r-${id}`,
        campaignId: CAMPAIGN.campaignId,
        householdId: id,
        villageCode: village,
        area: 'assistance-measures',
        dueOn: '2024-10-01',
      };
      add('inspection', 'RectificationItemRaised', id, '2024-08-26T03:00:00.000Z', village, item);
      if (h.rectification.closed)
        add('inspection', 'RectificationItemClosed', id, '2024-10-05T03:00:00.000Z', village, {
          ...item,
          closedOn: '2024-10-05',
          overdue: h.rectification.late,
        });
    }
    const m = h.monitoring;
    if (m === null) continue;
    const caseEvent = (name: string, on: string, data: object = {}) =>
      add('assistance', name, id, `${on}T05:00:00.000Z`, village, {
        caseId: `case-${id}`,
        householdId: id,
        villageCode: village,
        on,
        ...data,
      });
    caseEvent('MonitoringCaseOpened', '2023-03-01', { lead: { source: m.source } });
    if (m.identifiedOn === null) continue;
    caseEvent('MonitoringSubjectIdentified', m.identifiedOn, { category: m.category, riskTypes: m.riskTypes });
    if (m.measure !== null) {
      caseEvent('AssistanceMeasurePlanned', m.identifiedOn, { measureId: `m-${id}`, category: m.measure });
      caseEvent('AssistanceMeasureStarted', m.identifiedOn, { measureId: `m-${id}`, category: m.measure });
    }
    if (m.eliminated !== null)
      caseEvent('RiskEliminated', m.eliminated.on, {
        identifiedOn: m.identifiedOn,
        yearsMonitored: m.eliminated.years,
      });
  }
  return events;
}
