import type { LocalizedText } from '../contract';

// The closed word lists of the assistance contracts, shared by the TS types and the JSON Schemas
// so the two cannot drift. Adding a word is a breaking change for a consumer that switches over
// the list, so it is a new contract version. Open lists (risk types, roles, the guard's reason
// codes, departments) are patterns instead, never enums.

/** Where a lead comes from (监测线索来源). */
export const LEAD_SOURCES = [
  'self-application',
  'cadre-inspection',
  'department-warning',
  'concentrated-inspection',
] as const;

/** Names of the lead sources, Chinese first. */
export const LEAD_SOURCE_LABELS: Readonly<Record<(typeof LEAD_SOURCES)[number], LocalizedText>> = {
  'self-application': { 'zh-CN': '农户自主申报', en: 'Household self-application (in person, 12317 hotline, app)' },
  'cadre-inspection': { 'zh-CN': '基层干部排查', en: 'Grassroots cadre inspection' },
  'department-warning': { 'zh-CN': '部门筛查预警', en: 'Department screening and early warning' },
  'concentrated-inspection': { 'zh-CN': '集中排查', en: 'The concentrated inspection' },
};

/** The steps with a time limit (受理、入户核实、认定程序). */
export const OVERDUE_STEPS = ['accept', 'home-verification', 'procedure'] as const;

/** Names of the steps with a time limit, Chinese first. */
export const OVERDUE_STEP_LABELS: Readonly<Record<(typeof OVERDUE_STEPS)[number], LocalizedText>> = {
  accept: { 'zh-CN': '线索受理', en: 'Accepting or dismissing the lead' },
  'home-verification': { 'zh-CN': '入户核实', en: 'Home verification' },
  procedure: { 'zh-CN': '识别认定程序', en: 'The whole identification procedure' },
};

/** Where an identification or an elimination was turned down. */
export const REJECTION_LEVELS = ['village-review', 'township-review', 'county'] as const;

/** Names of the levels, Chinese first. */
export const REJECTION_LEVEL_LABELS: Readonly<Record<(typeof REJECTION_LEVELS)[number], LocalizedText>> = {
  'village-review': { 'zh-CN': '村级民主评议', en: 'Village democratic review' },
  'township-review': { 'zh-CN': '乡镇审核', en: 'Township review' },
  county: { 'zh-CN': '县级审定', en: 'County decision' },
};

/** The categories of assistance measure (帮扶措施类别). */
export const MEASURE_CATEGORIES = [
  'industry',
  'employment',
  'health',
  'education',
  'social-assistance',
  'housing',
  'drinking-water',
  'other',
] as const;

/** Names of the measure categories, Chinese first. */
export const MEASURE_CATEGORY_LABELS: Readonly<Record<(typeof MEASURE_CATEGORIES)[number], LocalizedText>> = {
  industry: { 'zh-CN': '产业帮扶', en: 'Industry (grants, small loans, courtyard economy)' },
  employment: { 'zh-CN': '就业帮扶', en: 'Employment (jobs, public-welfare posts, training, travel subsidy)' },
  health: { 'zh-CN': '健康帮扶', en: 'Health (insurance, medical assistance)' },
  education: { 'zh-CN': '教育帮扶', en: 'Education (student aid, vocational training)' },
  'social-assistance': { 'zh-CN': '社会救助兜底', en: 'Social assistance (dibao, extreme-poverty support, temporary)' },
  housing: { 'zh-CN': '住房安全', en: 'Housing (dangerous-house rebuild)' },
  'drinking-water': { 'zh-CN': '饮水安全', en: 'Drinking water' },
  other: { 'zh-CN': '其他', en: 'Other (insurance funds, disability subsidy…)' },
};

/** When a measure started, against the county's identification of the case. */
export const MEASURE_TIMINGS = ['after-identification', 'early', 'before-approval-disaster'] as const;

/** Names of the timings, Chinese first. */
export const MEASURE_TIMING_LABELS: Readonly<Record<(typeof MEASURE_TIMINGS)[number], LocalizedText>> = {
  'after-identification': { 'zh-CN': '认定后实施', en: 'Started on or after identification' },
  early: { 'zh-CN': '认定前实施（提前，已标记）', en: 'Started before identification (early, flagged)' },
  'before-approval-disaster': {
    'zh-CN': '因灾认定前先行帮扶（政策允许）',
    en: 'Started before approval for a disaster-driven case (allowed)',
  },
};
