import { authorizeCaller, listScope, type Caller } from '@relapse-watch/access';
import {
  assertNever,
  DomainError,
  type Clock,
  type IsoDate,
  type WorkingDayCalendar,
} from '@relapse-watch/domain-kernel';
import { foldStream, type EventStore } from '@relapse-watch/event-store-core';
import { assistancePlanDecider, assistancePlanStreamId } from '../domain/assistance-plan/assistance-plan.decider';
import type { MeasureRecord } from '../domain/assistance-plan/assistance-plan.state';
import type { PlanFlag } from '../domain/assistance-plan/assistance-plan.values';
import { monitoringCaseDecider, monitoringCaseStreamId } from '../domain/monitoring-case/monitoring-case.decider';
import { deadlineOf, type OpenedCase } from '../domain/monitoring-case/monitoring-case.state';
import { nextStepOf, type CaseStep } from '../domain/monitoring-case/monitoring-case.steps';
import { OVERDUE_STEPS, type OverdueStep } from '../domain/monitoring-case/monitoring-case.values';
import { deadlineOf as documentDeadlineOf, isStepDone } from '../read-model/case-list/case-list.deadlines';
import type { CaseListDocument } from '../read-model/case-list/case-list.document';
import type {
  CaseListFilter,
  CaseListPage,
  CaseListPageRequest,
  CaseListQueries,
} from '../read-model/case-list/case-list.queries';
import { SHIPPED_CALENDAR } from './case-policy';

/** A deadline of the case as an official reads it: when, whether its step is done, how long is left. */
export interface CaseDeadline {
  readonly step: OverdueStep;
  readonly dueOn: IsoDate;
  readonly done: boolean;
  /** Past its day without the step done (whether or not the watcher marked it yet). */
  readonly overdue: boolean;
  /**
   * Working days after today up to and including the deadline (0 on the day and after), by the
   * shipped calendar; null once the step is done, or when the calendar has no schedule for a
   * year in between (never guessed).
   */
  readonly workingDaysLeft: number | null;
}

/** The plan of a case: its flags and every measure as it stands. */
export interface CasePlanView {
  readonly caseId: string;
  /** False until the first measure is planned. */
  readonly opened: boolean;
  readonly flags: readonly PlanFlag[];
  readonly measures: readonly MeasureRecord[];
}

/**
 * One case as an official reads it: the list's document (null while the read model has not
 * reached the case), and the procedure as the case's own stream knows it — every step with who,
 * when and why, the notices, objections, the suggestion beside the decision, the deadlines with
 * the working days left, and the plan.
 */
export interface CaseDetail {
  readonly caseId: string;
  readonly householdId: string;
  readonly villageCode: string;
  readonly phase: OpenedCase['phase'];
  readonly waitingFor: CaseStep | null;
  readonly today: IsoDate;
  readonly summary: CaseListDocument | null;
  readonly procedure: Omit<OpenedCase, 'kind' | 'phase'>;
  readonly deadlines: readonly CaseDeadline[];
  readonly plan: CasePlanView;
}

/** A case as the lists answer it: the list's document and its deadlines as of today. */
export type CaseListItem = CaseListDocument & { readonly deadlines: readonly CaseDeadline[] };

/** A page of {@link CaseListItem}s. */
export type CaseListItemPage = Omit<CaseListPage, 'items'> & { readonly items: readonly CaseListItem[] };

/** Dependencies of {@link CaseQueries}. */
export interface CaseQueryDeps {
  readonly store: EventStore;
  readonly list: CaseListQueries;
  readonly clock: Clock;
  readonly calendar?: WorkingDayCalendar;
}

/** The unit a list reads: the one asked for, else the caller's own (the operator's: the whole country is no unit). */
function unitOf(caller: Caller, divisionCode: string | undefined): string {
  if (divisionCode !== undefined) return divisionCode;
  if (caller.kind === 'principal' && caller.principal.unitCode !== undefined) return caller.principal.unitCode;
  throw new DomainError({
    code: 'division.required',
    field: 'divisionCode',
    message: '须指定区划代码 / a division code is required',
  });
}

/**
 * The assistance service's reads for officials (`case.read`), each checked against the caller's
 * area: one case with its procedure folded from its stream, its plan, and the case list's pages
 * (a unit's cases, the overdue list, the review lists) inside the caller's area.
 */
export class CaseQueries {
  private readonly calendar: WorkingDayCalendar;

  constructor(private readonly deps: CaseQueryDeps) {
    this.calendar = deps.calendar ?? SHIPPED_CALENDAR;
  }

  /** One case with its procedure and plan. @throws DomainError `case.not-found`, `access.*` */
  async detail(caseId: string, caller: Caller): Promise<CaseDetail> {
    const state = await this.readable(caseId, caller);
    const today = this.deps.clock.dateAt(this.deps.clock.now());
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
    const { kind, phase, ...procedure } = state;
    return {
      caseId,
      householdId: state.opening.householdId,
      villageCode: state.opening.villageCode,
      phase,
      waitingFor: state.relapse === null ? nextStepOf(phase) : null,
      today,
      summary: await this.deps.list.byId(caseId),
      procedure,
      deadlines: this.deadlinesOf(state, today),
      plan: await this.planOf(caseId),
    };
  }

  /** The case's plan. @throws DomainError `case.not-found`, `access.*` */
  async plan(caseId: string, caller: Caller): Promise<CasePlanView> {
    await this.readable(caseId, caller);
    return this.planOf(caseId);
  }

  /** A page of a unit's cases (the caller's own unit by default) inside the caller's area. */
  inUnit(
    caller: Caller,
    divisionCode: string | undefined,
    filter: CaseListFilter,
    page: CaseListPageRequest,
  ): Promise<CaseListItemPage> {
    const area = listScope(caller, 'case.read', divisionCode);
    return this.deps.list.inUnit(unitOf(caller, divisionCode), filter, page, area).then((p) => this.withDeadlines(p));
  }

  /** The unit's running cases behind a marked deadline. */
  overdueIn(caller: Caller, divisionCode: string | undefined, page: CaseListPageRequest): Promise<CaseListItemPage> {
    const area = listScope(caller, 'case.read', divisionCode);
    return this.deps.list.overdueIn(unitOf(caller, divisionCode), page, area).then((p) => this.withDeadlines(p));
  }

  /** The review list: monitored at least `years` full years without elimination as of `asOf` (today by default). */
  monitoredLongerThan(
    caller: Caller,
    divisionCode: string | undefined,
    years: number,
    asOf: IsoDate | undefined,
    page: CaseListPageRequest,
  ): Promise<CaseListItemPage & { readonly asOf: IsoDate; readonly years: number }> {
    const area = listScope(caller, 'case.read', divisionCode);
    const day = asOf ?? this.deps.clock.dateAt(this.deps.clock.now());
    return this.deps.list
      .monitoredLongerThan(unitOf(caller, divisionCode), years, day, page, area)
      .then((result) => ({ ...this.withDeadlines(result), asOf: day, years }));
  }

  /**
   * The page's cases with their deadlines as of today, as the detail counts them: an official
   * sees the working days left (and a deadline passed before the watcher marks it) in the list.
   * A case that ended or relapsed has nothing left to do.
   */
  private withDeadlines(page: CaseListPage): CaseListItemPage {
    const today = this.deps.clock.dateAt(this.deps.clock.now());
    const items = page.items.map((doc) => ({
      ...doc,
      deadlines: OVERDUE_STEPS.flatMap((step) => {
        const dueOn = documentDeadlineOf(doc, step);
        if (dueOn === null) return [];
        return [this.deadline(step, dueOn, !doc.running || isStepDone(doc, step), today)];
      }),
    }));
    return { ...page, items };
  }

  private async readable(caseId: string, caller: Caller): Promise<OpenedCase> {
    const state = await foldStream(this.deps.store, monitoringCaseStreamId(caseId), monitoringCaseDecider);
    if (state.kind === 'none')
      throw new DomainError({
        code: 'case.not-found',
        field: 'caseId',
        message: '未找到该监测案件 / no such monitoring case',
      });
    authorizeCaller(caller, 'case.read', state.opening.villageCode, 'caseId');
    return state;
  }

  private async planOf(caseId: string): Promise<CasePlanView> {
    const plan = await foldStream(this.deps.store, assistancePlanStreamId(caseId), assistancePlanDecider);
    if (plan.kind === 'none') return { caseId, opened: false, flags: [], measures: [] };
    return { caseId, opened: true, flags: plan.flags, measures: plan.measures };
  }

  /** One deadline as the lists and the detail answer it: overdue and working days left while not done. */
  private deadline(step: CaseDeadline['step'], dueOn: IsoDate, done: boolean, today: IsoDate): CaseDeadline {
    return {
      step,
      dueOn,
      done,
      overdue: !done && today > dueOn,
      workingDaysLeft: done ? null : this.workingDaysLeft(today, dueOn),
    };
  }

  private deadlinesOf(state: OpenedCase, today: IsoDate): CaseDeadline[] {
    return OVERDUE_STEPS.flatMap((step) => {
      const dueOn = deadlineOf(state, step);
      if (dueOn === null) return [];
      return [this.deadline(step, dueOn, stepDone(state, step), today)];
    });
  }

  private workingDaysLeft(today: IsoDate, dueOn: IsoDate): number | null {
    try {
      return this.calendar.workingDaysBetween(today, dueOn);
    } catch (error) {
      // A year the calendar has no schedule for: unknown rather than guessed.
      if (error instanceof DomainError) return null;
      throw error;
    }
  }
}

/** Whether the step a deadline is for has been done (or the case ended before it mattered). */
function stepDone(state: OpenedCase, step: OverdueStep): boolean {
  const ident = state.identification;
  const ended = ident.dismissal !== null || ident.rejection !== null;
  switch (step) {
    case 'accept':
      return ident.acceptance !== null || ident.dismissal !== null;
    case 'home-verification':
      return ident.homeVerification !== null || ended;
    case 'procedure':
      return ident.identification !== null || ended;
    default:
      return assertNever(step);
  }
}
