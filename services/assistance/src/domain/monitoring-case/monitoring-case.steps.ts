import type { CaseProcedure } from './monitoring-case.values';

/**
 * Where a case stands, named after the last step done. Identification: lead → accepted →
 * home-verified → compared → village-reviewed → notice-posted → notice-closed →
 * township-reviewed → identified. Elimination mirrors it from `elimination-proposed` to
 * `eliminated`. `dismissed` and `rejected` end a case.
 */
export const CASE_PHASES = [
  'lead',
  'accepted',
  'home-verified',
  'compared',
  'village-reviewed',
  'notice-posted',
  'notice-closed',
  'township-reviewed',
  'identified',
  'elimination-proposed',
  'elimination-verified',
  'elimination-village-reviewed',
  'elimination-notice-posted',
  'elimination-notice-closed',
  'elimination-township-reviewed',
  'eliminated',
  'dismissed',
  'rejected',
] as const;

/** One of {@link CASE_PHASES}. */
export type CasePhase = (typeof CASE_PHASES)[number];

/** The steps of the procedures, as the step-out-of-order refusal names the one expected. */
export type CaseStep =
  | 'lead-decision'
  | 'home-verification'
  | 'department-comparison'
  | 'village-review'
  | 'public-notice'
  | 'public-notice-close'
  | 'township-review'
  | 'identification-decision'
  | 'elimination-proposal'
  | 'elimination-verification'
  | 'elimination-decision'
  | 'follow-up';

const NEXT_STEP: Readonly<Record<CasePhase, CaseStep | null>> = {
  lead: 'lead-decision',
  accepted: 'home-verification',
  'home-verified': 'department-comparison',
  compared: 'village-review',
  'village-reviewed': 'public-notice',
  'notice-posted': 'public-notice-close',
  'notice-closed': 'township-review',
  'township-reviewed': 'identification-decision',
  identified: 'elimination-proposal',
  'elimination-proposed': 'elimination-verification',
  'elimination-verified': 'village-review',
  'elimination-village-reviewed': 'public-notice',
  'elimination-notice-posted': 'public-notice-close',
  'elimination-notice-closed': 'township-review',
  'elimination-township-reviewed': 'elimination-decision',
  eliminated: 'follow-up',
  dismissed: null,
  rejected: null,
};

/** The step a case in this phase waits for; null once it is dismissed or rejected. */
export function nextStepOf(phase: CasePhase): CaseStep | null {
  return NEXT_STEP[phase];
}

/**
 * The procedure a phase belongs to: the steps both procedures share (village review, notice,
 * township review) are recorded for this one. An identified case belongs to its identification
 * until an elimination is proposed.
 */
export function procedureOf(phase: CasePhase): CaseProcedure {
  return phase.startsWith('elimination-') || phase === 'eliminated' ? 'elimination' : 'identification';
}

/** The phase a shared step leads to in a procedure. */
export function phaseAfter(
  step: 'village-review' | 'public-notice' | 'public-notice-close' | 'township-review',
  procedure: CaseProcedure,
): CasePhase {
  const identification = {
    'village-review': 'village-reviewed',
    'public-notice': 'notice-posted',
    'public-notice-close': 'notice-closed',
    'township-review': 'township-reviewed',
  } as const;
  const phase = identification[step];
  return procedure === 'identification' ? phase : `elimination-${phase}`;
}

/** The phase an upheld objection sends a procedure back to: waiting for a new village review. */
export function phaseBeforeVillageReview(procedure: CaseProcedure): CasePhase {
  return procedure === 'identification' ? 'compared' : 'elimination-verified';
}

/** The steps as officials call them, for the step-out-of-order message. */
export const CASE_STEP_LABELS: Readonly<Record<CaseStep, string>> = {
  'lead-decision': '线索受理或不予受理',
  'home-verification': '入户核实',
  'department-comparison': '部门信息比对',
  'village-review': '村级民主评议',
  'public-notice': '张贴公示',
  'public-notice-close': '公示结束',
  'township-review': '乡镇审核',
  'identification-decision': '县级审定（认定或不予认定）',
  'elimination-proposal': '提出风险消除',
  'elimination-verification': '风险消除入户核实',
  'elimination-decision': '县级审定（风险消除或不予消除）',
  'follow-up': '消除后跟踪回访',
};
