/**
 * The categories of assistance measure (帮扶措施, DOMAIN.md "Assistance"): industry (grants, small
 * loans, courtyard economy), employment (jobs, public-welfare posts, training, travel subsidy),
 * health, education, social assistance (dibao, extreme-poverty support, temporary assistance),
 * housing, drinking water, other. The measure's own `kind` text says which one of a category.
 */
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

/** One category of assistance measure. */
export type MeasureCategory = (typeof MEASURE_CATEGORIES)[number];

/** Development measures: what a household with labour capacity must get at least one of (DOMAIN.md). */
export const DEVELOPMENT_CATEGORIES: readonly MeasureCategory[] = ['industry', 'employment'];

/** Social-security support: what a household without labour capacity gets instead (兜底保障). */
export const SOCIAL_SECURITY_CATEGORIES: readonly MeasureCategory[] = ['social-assistance', 'health'];

/** Where a measure stands: planned, under way, ended, or cancelled before it ended. */
export type MeasureStatus = 'planned' | 'in-progress' | 'ended' | 'cancelled';

/**
 * When a measure started, measured against the case's identification (county approval):
 * after it; before it, and so flagged (`early`); or before it for a disaster-driven case, which
 * DOMAIN.md allows ("for disaster-driven risk, assistance may start before approval").
 */
export type MeasureTiming = 'after-identification' | 'early' | 'before-approval-disaster';

/**
 * Risk types whose cases may start assistance before approval. The national code for natural
 * disaster; a province's own disaster types would join here when their policy says so.
 */
export const RISK_TYPES_ALLOWING_START_BEFORE_APPROVAL: readonly string[] = ['natural-disaster'];

/**
 * What a plan lacks: a household with labour capacity without a development measure, or one
 * without labour capacity without social-security support. A flag, never a refusal: the plan
 * is built measure by measure and the gap is shown until it is filled.
 */
export type PlanFlag = 'development-measure-missing' | 'social-security-missing';
