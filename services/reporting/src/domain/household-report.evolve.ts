import type {
  AssistanceMeasurePlannedV1,
  DataQualityIssueRaisedV1,
  DataQualityIssueResolvedV1,
  HouseholdDataQualityWarningsChangedV1,
  HouseholdIncomeRecordedV1,
  HouseholdInspectionCompletedV1,
  HouseholdMembersChangedV1,
  HouseholdRegisteredV1,
  HouseholdStatusChangedV1,
  MeasureEventV1,
  MonitoringCaseOpenedV1,
  MonitoringSubjectIdentifiedV1,
  RectificationItemClosedV1,
  RectificationItemRaisedV1,
  RiskEliminatedV1,
  CaseEventV1,
} from '@relapse-watch/contracts';
import type { HouseholdReport, InspectionRecord, MeasureRecord } from './household-report';

// Labour capacities that count as "has labour capacity" (有劳动能力): weak labour still works.
const CAPABLE = new Set(['skilled', 'ordinary', 'weak']);

/** The household after a registry event about it; the same object for an event it does not count. */
export function evolveRegistryFacts(household: HouseholdReport, name: string, data: unknown): HouseholdReport {
  switch (name) {
    case 'HouseholdRegistered': {
      const event = data as HouseholdRegisteredV1;
      return {
        ...household,
        villageCode: event.villageCode,
        registered: true,
        baseStatus: event.status.kind,
        relocated: event.flags.relocatedToResettlementSite,
        urbanHukou: event.flags.urbanHukou,
      };
    }
    case 'HouseholdStatusChanged': {
      const event = data as HouseholdStatusChangedV1;
      return {
        ...household,
        villageCode: event.villageCode,
        baseStatus: event.status.kind,
        relocated: event.flags.relocatedToResettlementSite,
        urbanHukou: event.flags.urbanHukou,
      };
    }
    case 'HouseholdMembersChanged': {
      const event = data as HouseholdMembersChangedV1;
      return { ...household, labourCapable: event.members.some((member) => CAPABLE.has(member.labourCapacity)) };
    }
    case 'HouseholdIncomeRecorded': {
      const event = data as HouseholdIncomeRecordedV1;
      // Reports count calendar years; a figure for the 12 months before an application is the case's, not the year's.
      if (event.period.kind !== 'calendar-year') return household;
      return { ...household, income: { ...household.income, [event.period.year]: event.perCapitaNetIncomeFen } };
    }
    case 'HouseholdDataQualityWarningsChanged': {
      const event = data as HouseholdDataQualityWarningsChangedV1;
      return { ...household, registryWarnings: event.openWarnings.map((warning) => warning.rule).sort() };
    }
    default:
      return household;
  }
}

function leafletAnswer(event: HouseholdInspectionCompletedV1, question: string): boolean | null {
  const answer = event.areas.find((area) => area.area === 'policy-awareness')?.answers[question];
  return typeof answer === 'boolean' ? answer : null;
}

/** The household after an inspection event about it. */
export function evolveInspectionFacts(household: HouseholdReport, name: string, data: unknown): HouseholdReport {
  switch (name) {
    case 'HouseholdInspectionCompleted': {
      const event = data as HouseholdInspectionCompletedV1;
      const earlier = household.inspections[event.campaignId];
      if (earlier !== undefined && earlier.round > event.round) return household;
      const record: InspectionRecord = {
        round: event.round,
        completedOn: event.completedOn,
        late: event.late,
        methods: [...event.methods].sort(),
        visited: event.visited,
        applicationGuide: leafletAnswer(event, 'application-guide'),
        assistancePolicyLeaflet: leafletAnswer(event, 'assistance-policy'),
      };
      return {
        ...household,
        villageCode: event.villageCode,
        inspections: { ...household.inspections, [event.campaignId]: record },
      };
    }
    case 'DataQualityIssueRaised': {
      const event = data as DataQualityIssueRaisedV1;
      const issue = { rule: event.rule, raisedOn: event.raisedOn, resolvedOn: null };
      return { ...household, issues: { ...household.issues, [event.issueId]: issue } };
    }
    case 'DataQualityIssueResolved': {
      const event = data as DataQualityIssueResolvedV1;
      const issue = household.issues[event.issueId] ?? { rule: event.rule, raisedOn: event.resolvedOn };
      return {
        ...household,
        issues: { ...household.issues, [event.issueId]: { ...issue, resolvedOn: event.resolvedOn } },
      };
    }
    case 'RectificationItemRaised': {
      const event = data as RectificationItemRaisedV1;
      const item = { area: event.area, dueOn: event.dueOn, closedOn: null, closedOverdue: false };
      return { ...household, rectifications: { ...household.rectifications, [event.itemId]: item } };
    }
    case 'RectificationItemClosed': {
      const event = data as RectificationItemClosedV1;
      const item = { area: event.area, dueOn: event.dueOn, closedOn: event.closedOn, closedOverdue: event.overdue };
      return { ...household, rectifications: { ...household.rectifications, [event.itemId]: item } };
    }
    default:
      return household;
  }
}

function withMeasure(household: HouseholdReport, event: MeasureEventV1, status: MeasureRecord['status']) {
  if (household.monitoring?.caseId !== event.caseId) return household;
  return { ...household, measures: { ...household.measures, [event.measureId]: { category: event.category, status } } };
}

/** The household after a monitoring case event about it (events of a case no longer current change nothing). */
export function evolveAssistanceFacts(household: HouseholdReport, name: string, data: unknown): HouseholdReport {
  const event = data as CaseEventV1;
  const current = household.monitoring?.caseId === event.caseId ? household.monitoring : null;
  const located = { ...household, villageCode: event.villageCode };
  switch (name) {
    case 'MonitoringCaseOpened': {
      const opened = data as MonitoringCaseOpenedV1;
      if (current !== null) return household;
      const monitoring = {
        caseId: opened.caseId,
        openedOn: opened.on,
        leadSource: opened.lead.source,
        state: 'lead' as const,
        overdue: false,
      };
      return { ...located, monitoring, measures: {} };
    }
    case 'MonitoringSubjectIdentified': {
      const identified = data as MonitoringSubjectIdentifiedV1;
      if (current === null || household.identifications.some((i) => i.caseId === identified.caseId)) return household;
      const identification = {
        caseId: identified.caseId,
        identifiedOn: identified.on,
        category: identified.category,
        riskTypes: [...identified.riskTypes].sort(),
        leadSource: current.leadSource,
      };
      return {
        ...located,
        monitoring: { ...current, state: 'identified' },
        identifications: [...household.identifications, identification],
      };
    }
    case 'LeadDismissed':
    case 'IdentificationRejected':
      return current === null ? household : { ...located, monitoring: { ...current, state: 'closed' } };
    case 'MonitoringCaseOverdue':
      return current === null ? household : { ...located, monitoring: { ...current, overdue: true } };
    case 'RiskEliminated': {
      const eliminated = data as RiskEliminatedV1;
      if (current === null || current.state !== 'identified') return household;
      const record = {
        caseId: eliminated.caseId,
        eliminatedOn: eliminated.on,
        identifiedOn: eliminated.identifiedOn,
      };
      return {
        ...located,
        monitoring: { ...current, state: 'eliminated' },
        eliminations: [...household.eliminations, record],
      };
    }
    case 'MonitoringCaseReopened':
      return { ...located, relapses: [...household.relapses, event.on] };
    case 'AssistanceMeasurePlanned':
      return withMeasure(located, data as AssistanceMeasurePlannedV1, 'planned');
    case 'AssistanceMeasureStarted':
      return withMeasure(located, data as MeasureEventV1, 'started');
    case 'AssistanceMeasureEnded':
      return withMeasure(located, data as MeasureEventV1, 'ended');
    case 'AssistanceMeasureCancelled':
      return withMeasure(located, data as MeasureEventV1, 'cancelled');
    default:
      return household;
  }
}
