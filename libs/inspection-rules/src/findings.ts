import type { InspectionArea } from './checklist';

/** A fixed answer (`yes-no` → boolean, `choice` → option, `amount-fen`/`count` → integer) or a text answer. */
export type AnswerValue = boolean | string | number;

/** What one contact found in one area: answers by question id, a free note, evidence references. */
export interface AreaFindings {
  readonly answers: Readonly<Record<string, AnswerValue>>;
  /** Free text: may hold personal data, so it never leaves the service in an integration event. */
  readonly note: string | null;
  /** References to evidence kept elsewhere (photo ids, document numbers). */
  readonly evidence: readonly string[];
}

/** The findings of one contact, by area; partial (an area left out was not asked this time). */
export type Findings = Partial<Readonly<Record<InspectionArea, AreaFindings>>>;

/**
 * The latest answer to each question per area, across the contacts of an inspection round: what
 * rules read and what decides whether an area is answered.
 */
export type LatestAnswers = Partial<Readonly<Record<InspectionArea, Readonly<Record<string, AnswerValue>>>>>;
