// The closed word lists of the registry contracts, shared by the TS types and the JSON
// Schemas so the two cannot drift. Adding a word is a breaking change for a consumer that
// switches over the list, so it is a new contract version.

/** Relation to the head of household (与户主关系). */
export const RELATIONS_TO_HEAD = [
  'head',
  'spouse',
  'child',
  'child-in-law',
  'grandchild',
  'parent',
  'parent-in-law',
  'grandparent',
  'sibling',
  'other-relative',
  'other',
] as const;

/** Labour capacity (劳动技能): skilled, ordinary, weak or half, lost to illness or disability, none. */
export const LABOUR_CAPACITIES = ['skilled', 'ordinary', 'weak', 'lost', 'none'] as const;

/** Where an employed member works (务工地点). */
export const WORK_PLACES = ['within-county', 'outside-county-within-province', 'outside-province'] as const;

/** Schooling stage (在校生状况). */
export const SCHOOLING_STAGES = [
  'pre-school',
  'primary',
  'junior-secondary',
  'senior-secondary',
  'secondary-vocational',
  'higher-vocational',
  'undergraduate-or-above',
  'dropped-out',
  'not-in-school',
] as const;

/** Why a member left the household. */
export const MEMBER_REMOVAL_REASONS = ['deceased', 'moved-out', 'married-out', 'registration-error', 'other'] as const;

/**
 * The national risk types (风险类型) with their labels, as of this contract version. NOT a closed
 * list: a province adds its own types (`<province>.<words>`, e.g. `51.farm-price-drop`) and the
 * national list may grow, so contracts carry a risk type as a code matching
 * {@link RISK_TYPE_CODE_PATTERN}; subscribers look unknown codes up over HTTP
 * (`GET /api/registry/risk-types?province=<code>`) instead of refusing them.
 */
export const NATIONAL_RISK_TYPES = [
  ['illness', '因病'],
  ['schooling-cost', '因学'],
  ['disability', '因残'],
  ['natural-disaster', '因自然灾害'],
  ['accident', '因意外事故'],
  ['failed-industry-project', '因产业项目失败'],
  ['unstable-work', '因务工就业不稳'],
  ['lack-of-labour', '缺劳动力'],
  ['housing-insecure', '住房出现安全问题（3+1）'],
  ['drinking-water-insecure', '饮水安全问题（3+1）'],
  ['education-not-secured', '义务教育保障问题（3+1）'],
  ['medical-not-secured', '基本医疗保障问题（3+1）'],
  ['other', '其他'],
] as const;

/** Every risk type code, national or a province's own (`51.farm-price-drop`). */
export const RISK_TYPE_CODE_PATTERN = '^([1-9][0-9]\\.)?[a-z][a-z0-9]*(-[a-z0-9]+)*$';

/** Who per-capita net income is divided by: the household's members (家庭人口), or those living in it (常住人口). */
export const PER_CAPITA_DIVISOR_RULES = ['household-members', 'resident-members'] as const;

/** How a membership change moved the per-capita divisor. */
export const MEMBERSHIP_CHANGES = ['member-added', 'member-updated', 'member-removed'] as const;

/** The three categories of monitoring subject (监测对象类别). */
export const MONITORING_CATEGORIES = [
  'unstable-poverty-alleviated',
  'marginal-prone-to-poverty',
  'sudden-severe-hardship',
] as const;

/** Housing safety grade of the dangerous-housing appraisal: A, B safe; C, D dangerous. */
export const HOUSING_GRADES = ['A', 'B', 'C', 'D'] as const;

/** The six kinds of key region of the concentrated inspection (重点区域). */
export const KEY_REGION_KINDS = [
  'priority-assistance-county',
  'centralized-resettlement-area',
  'heavy-consolidation-task',
  'major-natural-disaster',
  'marked-fall-in-new-monitoring',
  'heavy-rectification-task',
] as const;

/** The monitoring threshold (监测范围, eligibility) and the inspection filter line (排查筛选线, visits only). */
export const POLICY_LINES = ['monitoring-threshold', 'inspection-filter'] as const;
