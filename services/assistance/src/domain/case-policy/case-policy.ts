import {
  assertNever,
  caseTimeLimitsProblems,
  throwIfAny,
  type CaseTimeLimits,
  type DomainProblem,
  type IsoDate,
} from '@relapse-watch/domain-kernel';
import type { Decider } from '@relapse-watch/event-store-core';
import type { LabourCapacity } from '../risk-elimination/risk-elimination.input';
import type { RiskEliminationPolicy } from '../risk-elimination/risk-elimination.policy';

/**
 * A province's rules for monitoring cases in one year (stream `assistance-policy-<province>-<year>`):
 * the step time limits and the public notice's minimum days, and the risk-elimination policy.
 * DOMAIN.md: these differ by province and year, so they are configuration an official sets, and
 * every change is an event with its reason and source document. A year the province never set
 * falls back to the national defaults (see the application's policy source).
 */
export const CASE_POLICY_STREAM_PREFIX = 'assistance-policy-';

/** The stream of a province's case policy of a year. */
export function casePolicyStreamId(provinceCode: string, year: number): string {
  return `${CASE_POLICY_STREAM_PREFIX}${provinceCode}-${year}`;
}

const LABOUR_CAPACITIES: readonly LabourCapacity[] = ['skilled', 'ordinary', 'weak', 'lost', 'none'];

/** What every change names: the province and year, why, and the document that decided it. */
interface PolicyChange {
  readonly provinceCode: string;
  readonly year: number;
  readonly reason: string;
  readonly sourceDocument: string;
  readonly on: IsoDate;
}

export interface CaseTimeLimitsSet {
  readonly type: 'CaseTimeLimitsSet';
  readonly data: PolicyChange & { readonly timeLimits: CaseTimeLimits };
}

export interface EliminationPolicySet {
  readonly type: 'EliminationPolicySet';
  readonly data: PolicyChange & { readonly elimination: RiskEliminationPolicy };
}

export type CasePolicyEvent = CaseTimeLimitsSet | EliminationPolicySet;

export interface SetCaseTimeLimits {
  readonly type: 'SetCaseTimeLimits';
  readonly data: PolicyChange & { readonly timeLimits: CaseTimeLimits };
}

export interface SetEliminationPolicy {
  readonly type: 'SetEliminationPolicy';
  readonly data: PolicyChange & { readonly elimination: RiskEliminationPolicy };
}

export type CasePolicyCommand = SetCaseTimeLimits | SetEliminationPolicy;

/** What the province set for the year; null where it set nothing (the national default applies). */
export interface CasePolicyState {
  readonly timeLimits: CaseTimeLimits | null;
  readonly elimination: RiskEliminationPolicy | null;
}

const initialState: CasePolicyState = { timeLimits: null, elimination: null };

function problem(code: string, field: string, message: string): DomainProblem {
  return { code, field, message };
}

function changeProblems(data: PolicyChange): DomainProblem[] {
  const problems: DomainProblem[] = [];
  if (typeof data.reason !== 'string' || data.reason.trim() === '' || data.reason.length > 500)
    problems.push(
      problem('policy.reason', 'reason', '须说明原因（1–500字） / a reason is required (1–500 characters)'),
    );
  if (typeof data.sourceDocument !== 'string' || data.sourceDocument.trim() === '' || data.sourceDocument.length > 200)
    problems.push(
      problem(
        'policy.source-document',
        'sourceDocument',
        '须注明依据文件（1–200字） / the source document is required (1–200 characters)',
      ),
    );
  return problems;
}

function eliminationProblems(policy: RiskEliminationPolicy): DomainProblem[] {
  const problems: DomainProblem[] = [];
  const months = policy?.stableIncomeMonths;
  if (!Number.isInteger(months) || months < 1 || months > 36)
    problems.push(
      problem(
        'policy.stable-income-months',
        'elimination.stableIncomeMonths',
        '收入稳定月数须为 1 到 36 的整数 / stable income months must be a whole number from 1 to 36',
      ),
    );
  const counted = policy?.labourCapacitiesCounted;
  if (
    !Array.isArray(counted) ||
    counted.length === 0 ||
    new Set(counted).size !== counted.length ||
    !counted.every((c) => LABOUR_CAPACITIES.includes(c))
  )
    problems.push(
      problem(
        'policy.labour-capacities',
        'elimination.labourCapacitiesCounted',
        '须列出计为有劳动能力的劳动技能（不重复） / list the labour capacities that count as having labour capacity, each once',
      ),
    );
  return problems;
}

function same<T>(a: T, b: T): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function decide(command: CasePolicyCommand, state: CasePolicyState): readonly CasePolicyEvent[] {
  switch (command.type) {
    case 'SetCaseTimeLimits': {
      throwIfAny([...changeProblems(command.data), ...caseTimeLimitsProblems(command.data.timeLimits, 'timeLimits')]);
      const { acceptLead, homeVerification, wholeProcedure, publicNoticeMinimumDays } = command.data.timeLimits;
      const timeLimits: CaseTimeLimits = {
        acceptLead: { days: acceptLead.days, unit: acceptLead.unit },
        homeVerification: { days: homeVerification.days, unit: homeVerification.unit },
        wholeProcedure: { days: wholeProcedure.days, unit: wholeProcedure.unit },
        publicNoticeMinimumDays,
      };
      if (same(state.timeLimits, timeLimits)) return [];
      return [{ type: 'CaseTimeLimitsSet', data: { ...changeOf(command.data), timeLimits } }];
    }
    case 'SetEliminationPolicy': {
      throwIfAny([...changeProblems(command.data), ...eliminationProblems(command.data.elimination)]);
      const elimination: RiskEliminationPolicy = {
        stableIncomeMonths: command.data.elimination.stableIncomeMonths,
        labourCapacitiesCounted: [...command.data.elimination.labourCapacitiesCounted],
      };
      if (same(state.elimination, elimination)) return [];
      return [{ type: 'EliminationPolicySet', data: { ...changeOf(command.data), elimination } }];
    }
    default:
      return assertNever(command, 'case policy command');
  }
}

function changeOf(data: PolicyChange): PolicyChange {
  return {
    provinceCode: data.provinceCode,
    year: data.year,
    reason: data.reason,
    sourceDocument: data.sourceDocument,
    on: data.on,
  };
}

function evolve(state: CasePolicyState, event: CasePolicyEvent): CasePolicyState {
  return event.type === 'CaseTimeLimitsSet'
    ? { ...state, timeLimits: event.data.timeLimits }
    : { ...state, elimination: event.data.elimination };
}

/** A province's case policy of a year as a decider; a change that sets what is already set is a no-op. */
export const casePolicyDecider: Decider<CasePolicyCommand, CasePolicyEvent, CasePolicyState> = {
  decide,
  evolve,
  initialState,
};
