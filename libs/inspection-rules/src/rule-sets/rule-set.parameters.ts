import { assertNever } from '@relapse-watch/domain-kernel';
import type { AtRiskRule, DataQualityRule, KeyGroupRule } from './rule-set';
import { CONTRADICTION_CHECKS } from './rule-set';
import {
  checkCount,
  checkDays,
  checkFen,
  checkGrade,
  checkOneOf,
  checkPositiveNumber,
  checkShare,
  checkText,
  checkWords,
  type Problems,
} from './rule-set.problems';

// The parameters of each rule kind. A kind unknown at run time (a rule set written as JSON for a
// newer version) is caught before these switches by the kind lists in rule-set.validation.ts.

const HOUSING_GRADES = ['A', 'B', 'C', 'D'];
const LABOUR_CAPACITIES = ['skilled', 'ordinary', 'weak', 'lost', 'none'];
const STATUSES = ['ordinary', 'poverty-alleviated'];

export function checkKeyGroupRule(problems: Problems, rule: KeyGroupRule, field: string): void {
  switch (rule.kind) {
    case 'income-drop':
      return checkShare(problems, rule.dropShare, `${field}.dropShare`);
    case 'below-filter-line':
      return checkWords(problems, rule.statuses, `${field}.statuses`, STATUSES);
    case 'new-social-assistance':
      checkDays(problems, rule.withinDays, `${field}.withinDays`);
      return checkFen(problems, rule.transferJumpFen, `${field}.transferJumpFen`);
    case 'new-severe-disability':
      checkGrade(problems, rule.maxGrade, `${field}.maxGrade`);
      return checkDays(problems, rule.withinDays, `${field}.withinDays`);
    case 'disaster':
      checkDays(problems, rule.withinDays, `${field}.withinDays`);
      checkWords(problems, rule.riskKinds, `${field}.riskKinds`);
      return checkWords(problems, rule.housingGrades, `${field}.housingGrades`, HOUSING_GRADES);
    case 'repeated-warnings':
      checkCount(problems, rule.minCount, `${field}.minCount`);
      return checkDays(problems, rule.withinDays, `${field}.withinDays`);
    case 'unstable-employment':
      return checkWords(problems, rule.labourCapacities, `${field}.labourCapacities`, LABOUR_CAPACITIES);
    case 'monitored-without-elimination':
      return checkDays(problems, rule.minDays, `${field}.minDays`);
    default:
      return assertNever(rule, 'key-group rule kind');
  }
}

export function checkAtRiskRule(problems: Problems, rule: AtRiskRule, field: string): void {
  switch (rule.kind) {
    case 'income-below-line':
      return checkDays(problems, rule.riskEventWithinDays, `${field}.riskEventWithinDays`);
    case 'income-unstable':
      checkShare(problems, rule.dropShare, `${field}.dropShare`);
      return checkPositiveNumber(problems, rule.bandFactor, `${field}.bandFactor`);
    case 'rigid-expenditure':
      checkShare(problems, rule.shareOfNetIncome, `${field}.shareOfNetIncome`);
      checkFen(problems, rule.amountFen, `${field}.amountFen`);
      return checkDays(problems, rule.withinDays, `${field}.withinDays`);
    case 'illness-without-labour':
      checkGrade(problems, rule.maxDisabilityGrade, `${field}.maxDisabilityGrade`);
      return checkWords(problems, rule.labourCapacities, `${field}.labourCapacities`, LABOUR_CAPACITIES);
    case 'three-plus-one-not-secured':
      return checkWords(problems, rule.housingGrades, `${field}.housingGrades`, HOUSING_GRADES);
    case 'relapse-risk-finding':
      return;
    default:
      return assertNever(rule, 'at-risk rule kind');
  }
}

export function checkDataQualityRule(problems: Problems, rule: DataQualityRule, field: string): void {
  switch (rule.kind) {
    case 'per-capita-recompute':
      return checkFen(problems, rule.toleranceFen, `${field}.toleranceFen`);
    case 'registry-warning':
      return checkText(problems, rule.warningRule, `${field}.warningRule`);
    case 'lost-labour-without-health-record':
      return;
    case 'eliminated-but-insecure':
      return checkWords(problems, rule.housingGrades, `${field}.housingGrades`, HOUSING_GRADES);
    case 'finding-contradicts-fact':
      return checkOneOf(problems, rule.check, `${field}.check`, CONTRADICTION_CHECKS);
    default:
      return assertNever(rule, 'data-quality rule kind');
  }
}
