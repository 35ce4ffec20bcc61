import { freeTextFault } from '@relapse-watch/domain-kernel';
import { caseProblem } from './monitoring-case.errors';
import type { Problems } from './monitoring-case.guards';
import {
  COMPARISON_FINDINGS,
  MONITORING_CATEGORIES,
  REVIEW_OUTCOMES,
  RISK_TYPE_CODE,
  type CaseSuggestion,
  type DepartmentResult,
  type VillageVote,
} from './monitoring-case.values';

// Input checks of the values the case's steps record; each adds to `problems`.

const CODE = /^[a-z][a-z0-9]*(?:[.-][a-z0-9]+)*$/;

function distinct(values: readonly unknown[]): boolean {
  return new Set(values).size === values.length;
}

/** Whether the value is a list of distinct risk type codes (possibly empty). */
function isRiskTypeList(value: unknown): value is readonly string[] {
  return (
    Array.isArray(value) &&
    value.every((code) => typeof code === 'string' && code.length <= 64 && RISK_TYPE_CODE.test(code)) &&
    distinct(value)
  );
}

/** Whether the value is one of the three monitoring categories. */
export function isMonitoringCategory(value: unknown): boolean {
  return (MONITORING_CATEGORIES as readonly unknown[]).includes(value);
}

/** Adds a problem unless the risk types are at least one distinct risk type code. */
export function checkRiskTypes(value: unknown, field: string, problems: Problems): void {
  if (!isRiskTypeList(value) || value.length === 0) problems.push(caseProblem('case.risk-types', field));
}

/** Adds a problem unless the suggestion is null or a category with risk type codes and rule ids. */
export function checkSuggestion(suggestion: CaseSuggestion | null, problems: Problems): void {
  if (suggestion === null) return;
  const { category, riskTypes, ruleIds } = suggestion;
  const ruleIdsOk =
    Array.isArray(ruleIds) &&
    ruleIds.length > 0 &&
    ruleIds.every((id) => typeof id === 'string' && id.length <= 64 && CODE.test(id)) &&
    distinct(ruleIds);
  if (!isMonitoringCategory(category) || !isRiskTypeList(riskTypes) || !ruleIdsOk)
    problems.push(caseProblem('case.suggestion', 'suggestion'));
}

/** The suggestion copied field by field, its lists sorted (they are sets). */
export function copySuggestion(suggestion: CaseSuggestion | null): CaseSuggestion | null {
  if (suggestion === null) return null;
  return {
    category: suggestion.category,
    riskTypes: [...suggestion.riskTypes].sort(),
    ruleIds: [...suggestion.ruleIds].sort(),
  };
}

/** Adds a problem unless the outcome is approved or not-approved. */
export function checkOutcome(value: unknown, problems: Problems): void {
  if (!(REVIEW_OUTCOMES as readonly unknown[]).includes(value))
    problems.push(caseProblem('case.review-outcome', 'outcome'));
}

/** Adds a problem unless the vote is null or non-negative whole counts with at least one vote. */
export function checkVote(vote: VillageVote | null, problems: Problems): void {
  if (vote === null) return;
  const counts = [vote.inFavour, vote.against, vote.abstained];
  const whole = counts.every((n) => Number.isInteger(n) && n >= 0);
  if (!whole || counts.reduce((a, b) => a + b, 0) === 0) problems.push(caseProblem('case.vote', 'vote'));
}

/** Adds a problem unless there is one result per department, at least one, each well formed. */
export function checkComparisonResults(results: readonly DepartmentResult[], problems: Problems): void {
  const ok =
    Array.isArray(results) &&
    results.length > 0 &&
    results.every(
      (r) =>
        typeof r?.department === 'string' &&
        r.department.length <= 50 &&
        CODE.test(r.department) &&
        (COMPARISON_FINDINGS as readonly unknown[]).includes(r.finding) &&
        ((r.note ?? null) === null || freeTextFault(r.note, 500) === null),
    ) &&
    distinct(results.map((r) => r.department));
  if (!ok) problems.push(caseProblem('case.comparison-results', 'results'));
}
