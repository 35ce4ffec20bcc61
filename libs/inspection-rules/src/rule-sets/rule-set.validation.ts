import type { DomainProblem } from '@relapse-watch/domain-kernel';
import { INSPECTION_AREAS, type Checklist } from '../checklist';
import { CHECKLIST_VERSIONS, checklistOf } from '../checklists/checklist-registry';
import type { AtRiskRule, DataQualityRule, KeyGroupRule, RectificationRule, RuleSet } from './rule-set';
import { checkAtRiskRule, checkDataQualityRule, checkKeyGroupRule } from './rule-set.parameters';
import { checkDays, checkFen, checkText, parameterInvalid, type Problems } from './rule-set.problems';

// A rule set is data that may one day come from a file, so it is checked whole when loaded:
// every problem at once, each at its field (`ruleSet.keyGroupRules.2.dropShare`).

const KEY_GROUP_KINDS: readonly KeyGroupRule['kind'][] = [
  'income-drop',
  'below-filter-line',
  'new-social-assistance',
  'new-severe-disability',
  'disaster',
  'repeated-warnings',
  'unstable-employment',
  'monitored-without-elimination',
];
const AT_RISK_KINDS: readonly AtRiskRule['kind'][] = [
  'income-below-line',
  'income-unstable',
  'rigid-expenditure',
  'illness-without-labour',
  'three-plus-one-not-secured',
  'relapse-risk-finding',
];
const DATA_QUALITY_KINDS: readonly DataQualityRule['kind'][] = [
  'per-capita-recompute',
  'registry-warning',
  'lost-labour-without-health-record',
  'eliminated-but-insecure',
  'finding-contradicts-fact',
];

/** Every problem of a rule set; empty when it can be used. */
export function validateRuleSet(ruleSet: RuleSet): DomainProblem[] {
  const problems: Problems = [];
  const expectedVersion = new RegExp(`^${ruleSet.provinceCode}-${ruleSet.year}\\.[1-9][0-9]*$`);
  if (!/^[1-9][0-9]$/.test(ruleSet.provinceCode))
    problems.push(
      problem(
        'ruleSet.provinceCode',
        'rule-set.province-code',
        '省份代码须为两位数字 / The province code is two digits',
      ),
    );
  if (!Number.isSafeInteger(ruleSet.year) || ruleSet.year < 2021 || ruleSet.year > 2100)
    problems.push(problem('ruleSet.year', 'rule-set.year', '年度须为2021年以后的年份 / The year is one from 2021 on'));
  if (!expectedVersion.test(ruleSet.version))
    problems.push(
      problem(
        'ruleSet.version',
        'rule-set.version-format',
        '版本须为“省份代码-年度.序号”，如51-2024.1 / The version is <province>-<year>.<n>, e.g. 51-2024.1',
      ),
    );
  checkLines(problems, ruleSet);
  const checklist = CHECKLIST_VERSIONS.includes(ruleSet.checklistVersion)
    ? checklistOf(ruleSet.checklistVersion)
    : null;
  if (checklist === null)
    problems.push(
      problem(
        'ruleSet.checklistVersion',
        'rule-set.checklist-unknown',
        `没有此版本的排查表 / No checklist of this version (available: ${CHECKLIST_VERSIONS.join(', ')})`,
      ),
    );
  const ids = new Set<string>();
  const each = <Rule extends { readonly id: string; readonly kind: string }>(
    group: 'keyGroupRules' | 'atRiskRules' | 'dataQualityRules' | 'rectificationRules',
    prefix: string,
    kinds: readonly string[],
    check: (rule: Rule, field: string) => void,
  ) => {
    const rules = ruleSet[group] as unknown as readonly Rule[];
    if (!Array.isArray(rules)) {
      problems.push(problem(`ruleSet.${group}`, 'rule-set.malformed', '规则须为列表 / The rules must be a list'));
      return;
    }
    rules.forEach((rule, index) => {
      const field = `ruleSet.${group}.${index}`;
      checkId(problems, rule.id, prefix, `${field}.id`, ids);
      if (!kinds.includes(rule.kind))
        problems.push(
          problem(
            `${field}.kind`,
            'rule-set.unknown-kind',
            `不认识的规则类型 / Unknown rule kind (known: ${kinds.join(', ')})`,
          ),
        );
      else check(rule, field);
    });
  };
  each<KeyGroupRule>('keyGroupRules', 'key-group.', KEY_GROUP_KINDS, (rule, field) => {
    checkKeyGroupRule(problems, rule, field);
    if (rule.kind === 'below-filter-line' && ruleSet.lines.inspectionFilterLineFen === null)
      problems.push(
        problem(
          `${field}.kind`,
          'rule-set.filter-line-missing',
          '低于排查筛选线规则需要设定筛选线 / The below-filter-line rule needs an inspection filter line',
        ),
      );
  });
  each<AtRiskRule>('atRiskRules', 'at-risk.', AT_RISK_KINDS, (rule, field) => checkAtRiskRule(problems, rule, field));
  each<DataQualityRule>('dataQualityRules', 'data-quality.', DATA_QUALITY_KINDS, (rule, field) =>
    checkDataQualityRule(problems, rule, field),
  );
  each<RectificationRule>('rectificationRules', 'rectification.', ['area-problem'], (rule, field) =>
    checkRectificationRule(problems, rule, field, checklist),
  );
  return problems;
}

function problem(field: string, code: string, message: string): DomainProblem {
  return { field, code, message };
}

function checkLines(problems: Problems, ruleSet: RuleSet): void {
  const { monitoringLineFen, inspectionFilterLineFen } = ruleSet.lines;
  checkFen(problems, monitoringLineFen, 'ruleSet.lines.monitoringLineFen');
  if (inspectionFilterLineFen === null) return;
  checkFen(problems, inspectionFilterLineFen, 'ruleSet.lines.inspectionFilterLineFen');
  if (inspectionFilterLineFen < monitoringLineFen)
    problems.push(
      problem(
        'ruleSet.lines.inspectionFilterLineFen',
        'rule-set.filter-below-monitoring-line',
        '排查筛选线不能低于监测范围 / The inspection filter line cannot be below the monitoring line',
      ),
    );
}

function checkId(problems: Problems, id: unknown, prefix: string, field: string, ids: Set<string>): void {
  if (
    typeof id !== 'string' ||
    !id.startsWith(prefix) ||
    !/^[a-z][a-z0-9]*(-[a-z0-9]+)*(\.[a-z0-9]+(-[a-z0-9]+)*)+$/.test(id)
  )
    problems.push(
      problem(
        field,
        'rule-set.rule-id',
        `规则编号须以 ${prefix} 开头，小写连字符 / A rule id starts with ${prefix}, kebab-case`,
      ),
    );
  else if (ids.has(id))
    problems.push(problem(field, 'rule-set.duplicate-rule-id', `规则编号重复：${id} / Duplicate rule id ${id}`));
  else ids.add(id);
}

function checkRectificationRule(
  problems: Problems,
  rule: RectificationRule,
  field: string,
  checklist: Checklist | null,
): void {
  checkText(problems, rule.ownerUnit, `${field}.ownerUnit`);
  checkDays(problems, rule.dueInDays, `${field}.dueInDays`);
  if (!INSPECTION_AREAS.includes(rule.area)) {
    problems.push(problem(`${field}.area`, 'rule-set.unknown-area', '没有此排查领域 / No such inspection area'));
    return;
  }
  if (!Array.isArray(rule.problems) || rule.problems.length === 0)
    parameterInvalid(problems, `${field}.problems`, '非空的问题答案列表 / a non-empty list of problem answers');
  if (checklist === null || !Array.isArray(rule.problems)) return;
  rule.problems.forEach(({ question, answer }, index) => {
    const asked = checklist.areas[rule.area].find((candidate) => candidate.id === question);
    const at = `${field}.problems.${index}`;
    if (asked === undefined)
      problems.push(
        problem(
          `${at}.question`,
          'rule-set.unknown-question',
          `排查表该领域无此问题：${question} / The area has no question ${question}`,
        ),
      );
    else if (
      !(asked.answer.kind === 'yes-no' && typeof answer === 'boolean') &&
      !(asked.answer.kind === 'choice' && typeof answer === 'string' && asked.answer.options.includes(answer))
    )
      parameterInvalid(problems, `${at}.answer`, '该问题允许的答案 / an answer the question allows');
  });
}
