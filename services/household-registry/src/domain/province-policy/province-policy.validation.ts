import { freeTextFault, isIsoDate, type DomainProblem, type IsoDate } from '@relapse-watch/domain-kernel';
import type { PolicyScope } from './province-policy.commands';
import { policyProblem, type ProvincePolicyRuleCode } from './province-policy.errors';
import type { ProvincePolicyState } from './province-policy.state';

// Input checks shared by the province policy's decide functions.

/** Problems found so far; every check adds to it so one refusal lists them all. */
export type Problems = DomainProblem[];

/** The command's province and year: well formed, and those of the stream once it has any. */
export function checkScope(scope: PolicyScope, state: ProvincePolicyState, problems: Problems): void {
  if (typeof scope.provinceCode !== 'string' || !/^[1-9]\d$/.test(scope.provinceCode))
    problems.push(policyProblem('policy.province-code', 'provinceCode'));
  if (!Number.isInteger(scope.year) || scope.year < 1000 || scope.year > 9999)
    problems.push(policyProblem('policy.year', 'year'));
  else if (
    state.scope !== null &&
    (state.scope.provinceCode !== scope.provinceCode || state.scope.year !== scope.year)
  ) {
    problems.push(policyProblem('policy.scope-mismatch', 'provinceCode'));
  }
}

/** A real date within the policy year. */
export function checkEffectiveDate(date: IsoDate, year: number, problems: Problems): void {
  if (typeof date !== 'string' || !isIsoDate(date))
    problems.push(policyProblem('policy.effective-date-format', 'effectiveFrom'));
  // The aggregate is one province's policy for one year: a line or region of another year goes in that year's stream.
  else if (Number(date.slice(0, 4)) !== year)
    problems.push(policyProblem('policy.effective-date-outside-year', 'effectiveFrom'));
}

/** A required free text of at most `max` characters, no surrounding spaces or control characters. */
export function checkText(
  value: string,
  max: number,
  codes: { required: ProvincePolicyRuleCode; format: ProvincePolicyRuleCode },
  field: string,
  problems: Problems,
): void {
  const fault = freeTextFault(value, max);
  if (fault !== null) problems.push(policyProblem(codes[fault], field));
}

/** The document a threshold, rule or region is published under (文件名称及文号): required, one line, at most 200 characters. */
export function checkSourceDocument(value: string, problems: DomainProblem[]): void {
  checkText(
    value,
    200,
    { required: 'policy.source-document-required', format: 'policy.source-document-format' },
    'sourceDocument',
    problems,
  );
}
