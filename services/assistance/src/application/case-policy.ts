import {
  addDays,
  CHINA_PUBLIC_HOLIDAY_SCHEDULES,
  DEFAULT_CASE_TIME_LIMITS,
  WorkingDayCalendar,
  noticeEarliestEnd,
  periodEnd,
  type CaseTimeLimits,
  type IsoDate,
} from '@relapse-watch/domain-kernel';
import {
  DEFAULT_RISK_ELIMINATION_POLICY,
  type RiskEliminationPolicy,
} from '../domain/risk-elimination/risk-elimination.policy';

/**
 * A province's rules for monitoring cases in a year (DOMAIN.md: day limits and the elimination
 * rules are configuration per province and year, never constants): the step time limits, the
 * public notice's minimum days and the risk-elimination policy.
 */
export interface CasePolicy {
  readonly timeLimits: CaseTimeLimits;
  readonly elimination: RiskEliminationPolicy;
}

/** Where a case's rules come from, by the province and the year of the day they apply to. */
export interface CasePolicySource {
  policyFor(provinceCode: string, year: number): Promise<CasePolicy>;
}

/** The national defaults for every province and year (until a province configures its own). */
export const NATIONAL_CASE_POLICY: CasePolicySource = {
  policyFor: () =>
    Promise.resolve({ timeLimits: DEFAULT_CASE_TIME_LIMITS, elimination: DEFAULT_RISK_ELIMINATION_POLICY }),
};

/** The calendar shipped with the kernel: China's public holidays and make-up working days, 2024–2026. */
export const SHIPPED_CALENDAR: WorkingDayCalendar = WorkingDayCalendar.of(CHINA_PUBLIC_HOLIDAY_SCHEDULES);

/**
 * The deadlines of a case's steps, from the province's limits and the working-day calendar. A
 * date in a year the calendar has no schedule for is refused by the calendar
 * (`calendar.year-not-configured`), never guessed.
 */
export class CaseSchedule {
  constructor(
    private readonly policies: CasePolicySource,
    private readonly calendar: WorkingDayCalendar = SHIPPED_CALENDAR,
  ) {}

  /** The last day to accept or dismiss a lead received on `receivedOn` in the village's province. */
  async acceptBy(villageCode: string, receivedOn: IsoDate): Promise<IsoDate> {
    const { timeLimits } = await this.policyOf(villageCode, receivedOn);
    return periodEnd(receivedOn, timeLimits.acceptLead, this.calendar, 'on');
  }

  /** The home verification's and the whole procedure's deadlines, counted from the day of acceptance. */
  async procedureDeadlines(
    villageCode: string,
    acceptedOn: IsoDate,
  ): Promise<{ readonly homeVerificationBy: IsoDate; readonly procedureBy: IsoDate }> {
    const { timeLimits } = await this.policyOf(villageCode, acceptedOn);
    return {
      homeVerificationBy: periodEnd(acceptedOn, timeLimits.homeVerification, this.calendar, 'on'),
      procedureBy: periodEnd(acceptedOn, timeLimits.wholeProcedure, this.calendar, 'on'),
    };
  }

  /**
   * A notice posted on `postedOn`: its minimum days and the first day it may close — the day
   * after its last day (objections are taken through the last day, to its end: 民法典 art. 203).
   */
  async notice(
    villageCode: string,
    postedOn: IsoDate,
  ): Promise<{ readonly closesNoEarlierThan: IsoDate; readonly minimumDays: number }> {
    const { timeLimits } = await this.policyOf(villageCode, postedOn);
    const minimumDays = timeLimits.publicNoticeMinimumDays;
    const lastDay = noticeEarliestEnd(postedOn, minimumDays, this.calendar, 'on');
    return { closesNoEarlierThan: addDays(lastDay, 1), minimumDays };
  }

  /** The risk-elimination policy in force on a day. */
  async eliminationPolicy(villageCode: string, on: IsoDate): Promise<RiskEliminationPolicy> {
    return (await this.policyOf(villageCode, on)).elimination;
  }

  private policyOf(villageCode: string, on: IsoDate): Promise<CasePolicy> {
    return this.policies.policyFor(villageCode.slice(0, 2), Number(on.slice(0, 4)));
  }
}
