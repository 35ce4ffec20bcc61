import { apiGet } from './client';

// The assistance service's case reads (`/api/assistance`), as far as the dashboard shows them.

/** Where a case stands, named after the last step done (the service's `CASE_PHASES`, in order). */
export const CASE_PHASES = [
  'lead',
  'accepted',
  'home-verified',
  'compared',
  'village-reviewed',
  'notice-posted',
  'notice-closed',
  'township-reviewed',
  'identified',
  'elimination-proposed',
  'elimination-verified',
  'elimination-village-reviewed',
  'elimination-notice-posted',
  'elimination-notice-closed',
  'elimination-township-reviewed',
  'eliminated',
  'dismissed',
  'rejected',
] as const;
export type CasePhase = (typeof CASE_PHASES)[number];

/** The step a case waits for. */
export type CaseStep =
  | 'lead-decision'
  | 'home-verification'
  | 'department-comparison'
  | 'village-review'
  | 'public-notice'
  | 'public-notice-close'
  | 'township-review'
  | 'identification-decision'
  | 'elimination-proposal'
  | 'elimination-verification'
  | 'elimination-decision'
  | 'follow-up';

/** The three categories of monitoring subject. */
export const MONITORING_CATEGORIES = [
  'unstable-poverty-alleviated',
  'marginal-prone-to-poverty',
  'sudden-severe-hardship',
] as const;
export type MonitoringCategory = (typeof MONITORING_CATEGORIES)[number];

/** The steps with a working-day limit. */
export type DeadlineStep = 'accept' | 'home-verification' | 'procedure';

/** A deadline of a case as of the server's today. */
export interface CaseDeadline {
  readonly step: DeadlineStep;
  readonly dueOn: string;
  readonly done: boolean;
  /** Past its day, not done (whether or not the watcher marked it yet). */
  readonly overdue: boolean;
  /** Null when done, or when the holiday calendar has no schedule for the year. */
  readonly workingDaysLeft: number | null;
}

/** One case of a list. */
export interface CaseListItem {
  readonly caseId: string;
  readonly householdId: string;
  readonly villageCode: string;
  readonly phase: CasePhase;
  readonly running: boolean;
  readonly waitingFor: CaseStep | null;
  readonly leadSource: string;
  readonly openedOn: string;
  /** A step the watcher marked overdue is not done yet. */
  readonly overdue: boolean;
  readonly category: MonitoringCategory | null;
  readonly identifiedOn: string | null;
  readonly planFlags: readonly string[];
  readonly deadlines: readonly CaseDeadline[];
}

/** A page of cases. */
export interface CaseListPage {
  readonly items: readonly CaseListItem[];
  readonly total: number;
}

/** Who did a step. */
export interface StepActor {
  readonly userId: string;
  readonly role: string;
}

/** A step of the procedure: who, when, why (and what else the step recorded). */
export interface StepRecord {
  readonly actor: StepActor;
  readonly on: string;
  readonly reason: string | null;
  readonly [more: string]: unknown;
}

/** A measure of the case's plan. */
export interface MeasureRecord {
  readonly measureId: string;
  readonly plan: {
    readonly category: string;
    readonly kind: string;
    readonly responsibleDepartment: string;
    readonly plannedStart: string;
    readonly plannedEnd: string | null;
    readonly amountFen: number;
  };
  readonly status: 'planned' | 'in-progress' | 'ended' | 'cancelled';
  readonly actualStart: string | null;
  readonly actualEnd: string | null;
}

/** Shared steps of both procedures. */
interface SharedSteps {
  readonly villageReview: StepRecord | null;
  readonly townshipReview: StepRecord | null;
  readonly rejection: StepRecord | null;
}

/** One case with its procedure, deadlines and plan. */
export interface CaseDetail {
  readonly caseId: string;
  readonly householdId: string;
  readonly villageCode: string;
  readonly phase: CasePhase;
  readonly waitingFor: CaseStep | null;
  readonly today: string;
  readonly summary: (CaseListItem & { readonly riskTypes: readonly string[] }) | null;
  readonly procedure: {
    readonly opening: StepRecord & { readonly lead: { readonly source: string; readonly referenceId: string } };
    readonly leads: readonly (StepRecord & { readonly source: string })[];
    readonly identification: SharedSteps & {
      readonly acceptance: StepRecord | null;
      readonly dismissal: StepRecord | null;
      readonly homeVerification: StepRecord | null;
      readonly comparison: StepRecord | null;
      readonly identification: StepRecord | null;
    };
    readonly notices: readonly { readonly posted: StepRecord; readonly closed: StepRecord | null }[];
    readonly objections: readonly { readonly raised: StepRecord; readonly resolution: StepRecord | null }[];
    readonly elimination:
      | (SharedSteps & {
          readonly proposal: StepRecord;
          readonly verification: StepRecord | null;
          readonly grant: StepRecord | null;
        })
      | null;
    readonly followUpVisits: readonly StepRecord[];
  };
  readonly deadlines: readonly CaseDeadline[];
  readonly plan: {
    readonly opened: boolean;
    readonly flags: readonly string[];
    readonly measures: readonly MeasureRecord[];
  };
}

/** The case list's filters as the API names them. */
export interface CaseQuery {
  readonly divisionCode: string;
  readonly phase?: CasePhase;
  readonly overdue?: boolean;
  readonly category?: MonitoringCategory;
  readonly limit: number;
  readonly offset: number;
}

/** The query string of {@link CaseQuery}. */
export function caseListPath(query: CaseQuery): string {
  const params = new URLSearchParams({ divisionCode: query.divisionCode });
  if (query.phase !== undefined) params.set('phase', query.phase);
  if (query.overdue !== undefined) params.set('overdue', String(query.overdue));
  if (query.category !== undefined) params.set('category', query.category);
  params.set('limit', String(query.limit));
  params.set('offset', String(query.offset));
  return `/api/assistance/cases?${params.toString()}`;
}

/**
 * The deadline an official chases: the earliest one not done (the step's own limit before the
 * whole procedure's), or null when nothing waits.
 */
export function currentDeadline(deadlines: readonly CaseDeadline[]): CaseDeadline | null {
  const open = deadlines.filter((d) => !d.done);
  if (open.length === 0) return null;
  return open.reduce((a, b) => (b.dueOn < a.dueOn ? b : a));
}

/** Whether a case is behind: a marked step not done, or any deadline past without its step. */
export function isBehind(item: Pick<CaseListItem, 'overdue' | 'deadlines'>): boolean {
  return item.overdue || item.deadlines.some((d) => d.overdue);
}

/** The assistance reads the dashboard uses. */
export const assistanceApi = {
  cases: (query: CaseQuery, signal?: AbortSignal) => apiGet<CaseListPage>(caseListPath(query), signal),
  case: (caseId: string, signal?: AbortSignal) =>
    apiGet<CaseDetail>(`/api/assistance/cases/${encodeURIComponent(caseId)}`, signal),
};
