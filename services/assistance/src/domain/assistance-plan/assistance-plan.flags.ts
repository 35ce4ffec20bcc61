import type { AssistancePlanState, MeasureRecord } from './assistance-plan.state';
import {
  DEVELOPMENT_CATEGORIES,
  SOCIAL_SECURITY_CATEGORIES,
  type MeasureCategory,
  type PlanFlag,
} from './assistance-plan.values';

/** The fact the flags are judged on, besides the plan itself. */
export interface PlanFlagFacts {
  readonly hasLabourCapacity: boolean;
}

/**
 * The plan's flags today (DOMAIN.md "Assistance"): a household with labour capacity needs a
 * development measure (industry or employment), one without it social-security support (social
 * assistance or health). A measure counts while planned, in progress or ended — an ended one was
 * given — but not once cancelled. A case without a plan lacks both, so it is flagged too.
 */
export function planFlags(state: AssistancePlanState, facts: PlanFlagFacts): readonly PlanFlag[] {
  const measures = state.kind === 'opened' ? state.measures : [];
  if (facts.hasLabourCapacity) return hasAny(measures, DEVELOPMENT_CATEGORIES) ? [] : ['development-measure-missing'];
  return hasAny(measures, SOCIAL_SECURITY_CATEGORIES) ? [] : ['social-security-missing'];
}

function hasAny(measures: readonly MeasureRecord[], categories: readonly MeasureCategory[]): boolean {
  return measures.some((m) => m.status !== 'cancelled' && categories.includes(m.plan.category));
}
