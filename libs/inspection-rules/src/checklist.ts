/**
 * The seven areas every inspection covers (DOMAIN.md "The concentrated inspection"), in order;
 * the words are also the contracts' `area` values.
 */
export const INSPECTION_AREAS = [
  'relapse-risk',
  'income',
  'assistance-measures',
  'elimination-stability',
  'latent-risks',
  'data-quality',
  'policy-awareness',
] as const;

export type InspectionArea = (typeof INSPECTION_AREAS)[number];

/** How a household was contacted: a visit, online, or the villagers' group assessment. */
export const CONTACT_METHODS = ['household-visit', 'online-communication', 'group-assessment'] as const;

export type ContactMethod = (typeof CONTACT_METHODS)[number];

/** The kind of answer a question takes. */
export type AnswerKind =
  | { readonly kind: 'yes-no' }
  | { readonly kind: 'choice'; readonly options: readonly string[] }
  | { readonly kind: 'amount-fen' }
  | { readonly kind: 'count' }
  | { readonly kind: 'text'; readonly maxLength: number };

/** One question of an area's checklist. */
export interface ChecklistQuestion {
  /** Stable id within the checklist version, kebab-case, e.g. `income-dropped`. */
  readonly id: string;
  readonly text: { readonly 'zh-CN': string; readonly en: string };
  readonly answer: AnswerKind;
  /** An area counts as answered when every required question has an answer. */
  readonly required: boolean;
}

/** A versioned checklist: the questions per area that a campaign uses (named in its launch). */
export interface Checklist {
  /** e.g. `2024.1`. */
  readonly version: string;
  readonly areas: Readonly<Record<InspectionArea, readonly ChecklistQuestion[]>>;
}
