import type { IsoDate } from '@relapse-watch/domain-kernel';
import {
  MEASURE_CATEGORIES,
  type MeasureCategory,
  type MeasureStatus,
  type PlanFlag,
} from '../../domain/assistance-plan/assistance-plan.values';
import type { CasePhase, CaseStep } from '../../domain/monitoring-case/monitoring-case.steps';
import type {
  CaseProcedure,
  CaseSuggestion,
  LeadSource,
  MonitoringCategory,
  OverdueStep,
  RejectionLevel,
} from '../../domain/monitoring-case/monitoring-case.values';

/** Collection of the case list: one document per monitoring case, under its case id. */
export const CASE_LIST_COLLECTION = 'assistance-cases';

/** A step the deadline watcher marked overdue: its deadline and the day the mark was made. */
export interface OverdueMark {
  readonly step: OverdueStep;
  readonly dueOn: IsoDate;
  readonly markedOn: IsoDate;
}

/** The public notice in force (posted, neither closed nor withdrawn by an upheld objection). */
export interface OpenNotice {
  readonly noticeNumber: number;
  readonly procedure: CaseProcedure;
  readonly postedOn: IsoDate;
  readonly closesNoEarlierThan: IsoDate;
}

/** One measure of the case's plan, as much as the counts need. */
export interface MeasureEntry {
  readonly measureId: string;
  readonly category: MeasureCategory;
  readonly status: MeasureStatus;
}

/** Measures of one category per status. */
export type MeasureStatusCounts = Readonly<Record<MeasureStatus, number>>;

/**
 * One monitoring case as lists read it. Flat wherever a list filters or sorts (the read stores
 * compare scalars only, never inside arrays): the tiers' codes as the inspection's documents carry
 * them, and booleans beside the arrays they summarise. No findings, reasons or objections' text:
 * those may hold personal data and stay in the case's stream.
 */
export interface CaseListDocument {
  readonly caseId: string;
  readonly householdId: string;
  readonly provinceCode: string;
  readonly cityCode: string;
  readonly countyCode: string;
  readonly townshipCode: string;
  readonly villageCode: string;
  readonly phase: CasePhase;
  /** Not dismissed, rejected or eliminated, and not followed by a relapse case. */
  readonly running: boolean;
  /** The step the case waits for; null once it ended or relapsed into another case. */
  readonly waitingFor: CaseStep | null;
  /** The source of the lead that opened the case. */
  readonly leadSource: LeadSource;
  /** Leads received, the opening one included. */
  readonly leads: number;
  readonly openedOn: IsoDate;
  readonly acceptBy: IsoDate;
  /** Set at acceptance, like every deadline after the first. */
  readonly homeVerificationBy: IsoDate | null;
  readonly procedureBy: IsoDate | null;
  readonly acceptedOn: IsoDate | null;
  readonly dismissedOn: IsoDate | null;
  readonly homeVerifiedOn: IsoDate | null;
  /** The identification turned down: when and at which level. */
  readonly rejectedOn: IsoDate | null;
  readonly rejectedAt: RejectionLevel | null;
  /** Every overdue mark, kept after the step is done (the reports count late steps). */
  readonly overdueSteps: readonly OverdueMark[];
  /** A marked step is not done yet: the list officials chase (a case that ended has done its steps). */
  readonly overdue: boolean;
  /**
   * The earliest deadline of a step neither done nor marked, while the case runs; null when none
   * waits. The deadline watcher reads the cases in this order and stops at today.
   */
  readonly nextDueOn: IsoDate | null;
  /** `nextDueOn` is set (the read stores cannot filter on "not null"). */
  readonly awaitingDeadline: boolean;
  readonly openNotice: OpenNotice | null;
  readonly unresolvedObjections: number;
  /** The county's decision (null until identified). */
  readonly category: MonitoringCategory | null;
  readonly riskTypes: readonly string[];
  readonly identifiedOn: IsoDate | null;
  /** Identified at some point, eliminated since or not (what the review lists scan). */
  readonly identified: boolean;
  /** The monitoring-subject overlay holds today: identified and not eliminated. */
  readonly monitored: boolean;
  /** What the rules suggested, shown beside the decision (the identification's, else the lead's). */
  readonly suggestion: CaseSuggestion | null;
  /** Elimination requests the guard refused. */
  readonly eliminationRefusals: number;
  readonly eliminatedOn: IsoDate | null;
  readonly followUpVisits: number;
  /** The eliminated episode this case follows (a relapse), or null. */
  readonly previousCaseId: string | null;
  /** The next episode's case after a relapse, and the day it was linked. */
  readonly relapseCaseId: string | null;
  readonly relapsedOn: IsoDate | null;
  /** The plan's flags as last recorded by the plan (empty before its first flags event). */
  readonly planFlags: readonly PlanFlag[];
  readonly developmentMeasureMissing: boolean;
  readonly socialSecurityMissing: boolean;
  /** The labour capacity the plan's flags were last judged on; null before the first. */
  readonly hasLabourCapacity: boolean | null;
  readonly measures: readonly MeasureEntry[];
  /** Measures per category and status, every category present. */
  readonly measureCounts: Readonly<Record<MeasureCategory, MeasureStatusCounts>>;
}

/** The codes of the tiers above a village, as every service's documents carry them. */
export function tierCodesOf(villageCode: string) {
  const unit = (digits: number) => villageCode.slice(0, digits).padEnd(12, '0');
  return { provinceCode: unit(2), cityCode: unit(4), countyCode: unit(6), townshipCode: unit(9) };
}

/** Measure counts per category and status over the measures. */
export function measureCountsOf(measures: readonly MeasureEntry[]): CaseListDocument['measureCounts'] {
  const counts = Object.fromEntries(
    MEASURE_CATEGORIES.map((category) => {
      const of = measures.filter((m) => m.category === category);
      const count = (status: MeasureStatus) => of.filter((m) => m.status === status).length;
      return [
        category,
        {
          planned: count('planned'),
          'in-progress': count('in-progress'),
          ended: count('ended'),
          cancelled: count('cancelled'),
        },
      ];
    }),
  );
  return counts as CaseListDocument['measureCounts'];
}

/**
 * Indexes: each tier's code (every list is by unit), the phase, and the two scans that read
 * an ordered prefix — the deadline watcher's (by next deadline) and the review lists' (by the
 * day of identification).
 */
export const CASE_LIST_INDEXES: readonly (readonly string[])[] = [
  ['provinceCode'],
  ['cityCode'],
  ['countyCode'],
  ['townshipCode'],
  ['villageCode'],
  ['phase'],
  ['overdue'],
  ['awaitingDeadline', 'nextDueOn'],
  ['identified', 'identifiedOn'],
];
