import { assertNever, type IsoDate } from '@relapse-watch/domain-kernel';

import type {
  HouseholdFacts,
  IncomeFacts,
  IncomePeriod,
  MemberFacts,
  RegistryWarningFacts,
  RigidExpenditureFacts,
} from '@relapse-watch/inspection-rules';
import type { DataQualityWarningV1, HouseholdMemberV1 } from '@relapse-watch/contracts';
import { unitCodesOf, type HouseholdFactsDocument } from './household-facts.document';
import type { HouseholdFactsEvent } from './registry-facts.events';

/**
 * Folds one registry event into a household's facts (STYLE.md shape 5). Returns the document
 * unchanged (the same object) when the event changes nothing: a redelivery of the last event
 * folded, or an event about a household not registered here. The latter cannot happen while
 * the registry publishes in order (one household is one key, HouseholdRegistered comes first);
 * it would mean the topic lost the registration (retention), and inventing a household from a
 * partial event would be worse than leaving it out.
 */
export function evolveHouseholdFacts(
  doc: HouseholdFactsDocument | null,
  event: HouseholdFactsEvent,
): HouseholdFactsDocument | null {
  if (doc?.lastEventId === event.id) return doc;
  if (event.type === 'HouseholdRegistered') return doc === null ? registered(event) : doc;
  if (doc === null) return null;
  const facts = { ...foldInto(doc, event), villageCode: event.data.villageCode };
  return { ...facts, ...unitCodesOf(facts.villageCode), lastEventId: event.id };
}

function registered(event: Extract<HouseholdFactsEvent, { type: 'HouseholdRegistered' }>): HouseholdFactsDocument {
  const { householdId, villageCode, householdNumber, status, flags } = event.data;
  return {
    householdId,
    villageCode,
    householdNumber,
    status: { ...status },
    flags: { relocatedToResettlementSite: flags.relocatedToResettlementSite, urbanHukou: flags.urbanHukou },
    members: [],
    incomes: [],
    rigidExpenditures: [],
    riskEvents: [],
    threePlusOne: null,
    openWarnings: [],
    warningsRaised: 0,
    legacyMonitoring: null,
    registeredOn: event.learntOn,
    ...unitCodesOf(villageCode),
    lastEventId: event.id,
  };
}

function foldInto(facts: HouseholdFacts, event: Exclude<HouseholdFactsEvent, { type: 'HouseholdRegistered' }>) {
  switch (event.type) {
    case 'HouseholdMembersChanged':
      return { ...facts, members: event.data.members.map((m) => memberFacts(m, facts.members, event.learntOn)) };
    case 'HouseholdIncomeRecorded': {
      const { period, netIncomeFen, perCapitaNetIncomeFen, divisorMembers, components } = event.data;
      const income: IncomeFacts = {
        period: { ...period },
        netIncomeFen,
        perCapitaNetIncomeFen,
        divisorMembers,
        transferFen: components.transferFen,
        recordedOn: event.learntOn,
      };
      return { ...facts, incomes: replacePeriod(facts.incomes, income) };
    }
    case 'HouseholdRigidExpenditureRecorded': {
      const { period, medicalAfterReimbursementFen, educationFen, disasterLossFen, totalFen } = event.data;
      const expenditure: RigidExpenditureFacts = {
        period: { ...period },
        medicalAfterReimbursementFen,
        educationFen,
        disasterLossFen,
        totalFen,
        recordedOn: event.learntOn,
      };
      return { ...facts, rigidExpenditures: replacePeriod(facts.rigidExpenditures, expenditure) };
    }
    case 'HouseholdRiskReported': {
      const { riskEventId, kind, occurredOn, lossFen } = event.data;
      if (facts.riskEvents.some((risk) => risk.riskEventId === riskEventId)) return facts;
      const riskEvents = [...facts.riskEvents, { riskEventId, kind, occurredOn, lossFen }];
      // Stable: reports of one day keep the order they arrived in.
      return { ...facts, riskEvents: riskEvents.sort((a, b) => compare(a.occurredOn, b.occurredOn)) };
    }
    case 'HouseholdThreePlusOneStatusChanged':
      return { ...facts, threePlusOne: { ...event.data.threePlusOne, recordedOn: event.learntOn } };
    case 'HouseholdStatusChanged': {
      const { status, flags } = event.data;
      const { relocatedToResettlementSite, urbanHukou } = flags;
      return { ...facts, status: { ...status }, flags: { relocatedToResettlementSite, urbanHukou } };
    }
    case 'HouseholdDataQualityWarningsChanged':
      return {
        ...facts,
        openWarnings: event.data.openWarnings.map((w) => warningFacts(w, facts.openWarnings, event.learntOn)),
        warningsRaised: facts.warningsRaised + (event.data.change === 'raised' ? 1 : 0),
      };
    case 'HouseholdLegacyMonitoringRecordNoted': {
      const { category, identifiedOn, riskTypes, riskEliminated } = event.data;
      return {
        ...facts,
        legacyMonitoring: { category, identifiedOn, riskTypes: [...riskTypes], eliminated: riskEliminated },
      };
    }
    default:
      return assertNever(event);
  }
}

/** A member without personal data; the health date carries over while the health stays the same. */
function memberFacts(member: HouseholdMemberV1, before: readonly MemberFacts[], learntOn: IsoDate): MemberFacts {
  const previous = before.find((m) => m.memberId === member.memberId);
  const sameHealth = previous !== undefined && JSON.stringify(previous.health) === JSON.stringify(member.health);
  return {
    memberId: member.memberId,
    relationToHead: member.relationToHead,
    health: { ...member.health },
    healthSince: sameHealth ? previous.healthSince : learntOn,
    labourCapacity: member.labourCapacity,
    employment: { ...member.employment },
    schooling: member.schooling,
    medicalInsuranceEnrolled: member.medicalInsuranceEnrolled,
    livesInHousehold: member.livesInHousehold,
  };
}

/** An open warning; one open before (same rule, field and member) keeps the date it was raised on. */
function warningFacts(
  warning: DataQualityWarningV1,
  before: readonly RegistryWarningFacts[],
  learntOn: IsoDate,
): RegistryWarningFacts {
  const memberId = warning.evidence.memberId;
  const previous = before.find((w) => w.rule === warning.rule && w.field === warning.field && w.memberId === memberId);
  return { rule: warning.rule, field: warning.field, memberId, raisedOn: previous?.raisedOn ?? learntOn };
}

/** The last day a period covers: what records are ordered by. */
function periodEnd(period: IncomePeriod): IsoDate {
  return period.kind === 'calendar-year' ? `${period.year}-12-31` : period.endingOn;
}

function samePeriod(a: IncomePeriod, b: IncomePeriod): boolean {
  return a.kind === b.kind && periodEnd(a) === periodEnd(b);
}

/** A later record of a period replaces the earlier one; oldest period first. */
function replacePeriod<R extends { readonly period: IncomePeriod }>(records: readonly R[], record: R): R[] {
  const kept = records.filter((r) => !samePeriod(r.period, record.period));
  return [...kept, record].sort((a, b) => compare(periodEnd(a.period), periodEnd(b.period)));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
