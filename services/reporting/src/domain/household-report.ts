import type {
  InspectionMethodV1,
  LeadSourceV1,
  MeasureCategoryV1,
  MonitoringCategoryV1,
  InspectionAreaV1,
} from '@relapse-watch/contracts';
import type { Counters } from './counters';

/** One campaign's inspection of the household: its latest round. */
export interface InspectionRecord {
  readonly round: number;
  readonly completedOn: string;
  readonly late: boolean;
  readonly methods: readonly InspectionMethodV1[];
  readonly visited: boolean;
  /** "Did the household get the how-to-apply leaflet?" (area 7), null when not answered. */
  readonly applicationGuide: boolean | null;
  /** "Did the household get the assistance policy leaflet?" (area 7), null when not answered. */
  readonly assistancePolicyLeaflet: boolean | null;
}

/** One identification of the household as a monitoring subject (a case that reached it). */
export interface Identification {
  readonly caseId: string;
  readonly identifiedOn: string;
  readonly category: MonitoringCategoryV1;
  readonly riskTypes: readonly string[];
  readonly leadSource: LeadSourceV1 | null;
}

/** The household's current or last monitoring case. */
export interface MonitoringRecord {
  readonly caseId: string;
  readonly openedOn: string;
  readonly leadSource: LeadSourceV1;
  readonly state: 'lead' | 'identified' | 'eliminated' | 'closed';
  readonly overdue: boolean;
}

/** A measure of the current case, by its last known status. */
export interface MeasureRecord {
  readonly category: MeasureCategoryV1;
  readonly status: 'planned' | 'started' | 'ended' | 'cancelled';
}

/** An inspection's data-quality issue about the household. */
export interface IssueRecord {
  readonly rule: string;
  readonly raisedOn: string;
  readonly resolvedOn: string | null;
}

/** A rectification item of the seven areas about the household. */
export interface RectificationRecord {
  readonly area: InspectionAreaV1;
  readonly dueOn: string;
  readonly closedOn: string | null;
  readonly closedOverdue: boolean;
}

/** An elimination of risk, with how long the household had been monitored. */
export interface EliminationRecord {
  readonly caseId: string;
  readonly eliminatedOn: string;
  readonly yearsMonitored: number;
}

/**
 * What the reporting keeps of one household: the facts its reports count, folded from the
 * registry's, the inspection's and the assistance's integration events — never personal data —
 * and the contribution it last added to its five units, so the next change adds the difference.
 */
export interface HouseholdReport {
  readonly householdId: string;
  /** The village the household lives in ('' until an event names it). */
  readonly villageCode: string;
  readonly registered: boolean;
  readonly baseStatus: 'ordinary' | 'poverty-alleviated' | null;
  readonly relocated: boolean;
  readonly urbanHukou: boolean;
  /** Some member can work (labour capacity skilled, ordinary or weak). */
  readonly labourCapable: boolean;
  /** Per-capita net income per calendar year, in fen (null when the figure has no divisor). */
  readonly income: Readonly<Record<string, number | null>>;
  /** Rules of the registry's open data-quality warnings. */
  readonly registryWarnings: readonly string[];
  readonly inspections: Readonly<Record<string, InspectionRecord>>;
  readonly identifications: readonly Identification[];
  readonly monitoring: MonitoringRecord | null;
  readonly measures: Readonly<Record<string, MeasureRecord>>;
  readonly eliminations: readonly EliminationRecord[];
  /** Days the household's monitoring reopened (a relapse). */
  readonly relapses: readonly string[];
  readonly issues: Readonly<Record<string, IssueRecord>>;
  readonly rectifications: Readonly<Record<string, RectificationRecord>>;
  /** What the household last added to each of its units. */
  readonly contribution: Counters;
  /** The village that contribution was added to ('' before the first). */
  readonly contributedTo: string;
}

/** A household the reporting has not heard of yet. */
export function newHouseholdReport(householdId: string): HouseholdReport {
  return {
    householdId,
    villageCode: '',
    registered: false,
    baseStatus: null,
    relocated: false,
    urbanHukou: false,
    labourCapable: false,
    income: {},
    registryWarnings: [],
    inspections: {},
    identifications: [],
    monitoring: null,
    measures: {},
    eliminations: [],
    relapses: [],
    issues: {},
    rectifications: {},
    contribution: {},
    contributedTo: '',
  };
}

/** Whether the household is a monitoring subject now (identified, not yet eliminated). */
export function isMonitored(household: HouseholdReport): boolean {
  return household.monitoring?.state === 'identified';
}
