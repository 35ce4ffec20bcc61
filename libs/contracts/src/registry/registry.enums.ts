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

/** Kinds of risk event a household can report. */
export const RISK_EVENT_KINDS = [
  'illness',
  'disaster',
  'accident',
  'unemployment',
  'farm-price-drop',
  'other',
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
