import { assertNever, type DomainProblem } from '@relapse-watch/domain-kernel';
import { INSPECTION_AREAS, type Checklist, type ChecklistQuestion, type InspectionArea } from '../checklist';
import type { Findings } from '../findings';
import { FINDINGS_LIMITS } from './findings-limits';

// Findings arrive from the field app and the bulk upload as JSON, so every shape is checked
// here rather than trusted from the type; every problem is reported at once, each at its field.
// Messages name the question, never the answer (answers and notes may hold personal data).

const AREAS: ReadonlySet<string> = new Set(INSPECTION_AREAS);

function problem(field: string, code: string, message: string): DomainProblem {
  return { field, code, message };
}

const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every problem of one contact's findings against a checklist; empty when they are valid. */
export function validateFindings(checklist: Checklist, findings: Findings): DomainProblem[] {
  const problems: DomainProblem[] = [];
  if (!isRecord(findings)) {
    problems.push(
      problem('findings', 'findings.malformed', '排查结果须为按领域的对象 / Findings must be an object by area'),
    );
    return problems;
  }
  for (const area of Object.keys(findings)) {
    const field = `findings.${area}`;
    if (!AREAS.has(area)) {
      problems.push(
        problem(field, 'findings.unknown-area', `没有此排查领域：${area} / No such inspection area: ${area}`),
      );
      continue;
    }
    validateArea(checklist.areas[area as InspectionArea], findings[area as InspectionArea], field, problems);
  }
  return problems;
}

function validateArea(
  questions: readonly ChecklistQuestion[],
  value: unknown,
  field: string,
  problems: DomainProblem[],
): void {
  if (!isRecord(value) || !isRecord(value['answers'])) {
    problems.push(
      problem(
        field,
        'findings.malformed',
        '领域结果须含 answers、note、evidence / Area findings need answers, note and evidence',
      ),
    );
    return;
  }
  for (const [questionId, answer] of Object.entries(value['answers'])) {
    const question = questions.find((candidate) => candidate.id === questionId);
    const answerField = `${field}.answers.${questionId}`;
    if (question === undefined)
      problems.push(
        problem(
          answerField,
          'findings.unknown-question',
          `排查表无此问题：${questionId} / The checklist has no question ${questionId}`,
        ),
      );
    else validateAnswer(question, answer, answerField, problems);
  }
  validateNote(value['note'], `${field}.note`, problems);
  validateEvidence(value['evidence'], `${field}.evidence`, problems);
}

function validateAnswer(question: ChecklistQuestion, answer: unknown, field: string, problems: DomainProblem[]): void {
  const wrongKind = () =>
    problems.push(
      problem(
        field,
        'findings.answer-kind',
        `问题 ${question.id} 的答案类型应为 ${question.answer.kind} / Question ${question.id} takes a ${question.answer.kind} answer`,
      ),
    );
  const kind = question.answer;
  switch (kind.kind) {
    case 'yes-no':
      if (typeof answer !== 'boolean') wrongKind();
      return;
    case 'choice':
      if (typeof answer !== 'string') wrongKind();
      else if (!kind.options.includes(answer))
        problems.push(
          problem(
            field,
            'findings.option-not-allowed',
            `问题 ${question.id} 只能选：${kind.options.join('、')} / Question ${question.id} allows only: ${kind.options.join(', ')}`,
          ),
        );
      return;
    case 'amount-fen':
    case 'count':
      if (typeof answer !== 'number' || !Number.isSafeInteger(answer)) wrongKind();
      else if (answer < 0)
        problems.push(
          problem(
            field,
            'findings.negative-amount',
            `问题 ${question.id} 的答案不能为负数 / Question ${question.id} cannot be negative`,
          ),
        );
      return;
    case 'text':
      if (typeof answer !== 'string') wrongKind();
      else if (answer.length > kind.maxLength)
        problems.push(
          problem(
            field,
            'findings.text-too-long',
            `问题 ${question.id} 的答案最多 ${kind.maxLength} 字 / Question ${question.id} takes at most ${kind.maxLength} characters`,
          ),
        );
      return;
    default:
      return assertNever(kind, 'answer kind');
  }
}

function validateNote(note: unknown, field: string, problems: DomainProblem[]): void {
  if (note === null || note === undefined) return;
  if (typeof note !== 'string')
    problems.push(problem(field, 'findings.malformed', '备注须为文字 / The note must be text'));
  else if (note.length > FINDINGS_LIMITS.noteMaxLength)
    problems.push(
      problem(
        field,
        'findings.text-too-long',
        `备注最多 ${FINDINGS_LIMITS.noteMaxLength} 字 / The note takes at most ${FINDINGS_LIMITS.noteMaxLength} characters`,
      ),
    );
}

function validateEvidence(evidence: unknown, field: string, problems: DomainProblem[]): void {
  if (evidence === undefined) return;
  if (!Array.isArray(evidence)) {
    problems.push(problem(field, 'findings.malformed', '佐证材料须为编号列表 / Evidence must be a list of references'));
    return;
  }
  if (evidence.length > FINDINGS_LIMITS.evidencePerArea)
    problems.push(
      problem(
        field,
        'findings.too-many-evidence',
        `每个领域最多 ${FINDINGS_LIMITS.evidencePerArea} 份佐证材料 / At most ${FINDINGS_LIMITS.evidencePerArea} evidence references per area`,
      ),
    );
  evidence.forEach((reference: unknown, index) => {
    if (
      typeof reference !== 'string' ||
      reference.trim() === '' ||
      reference.length > FINDINGS_LIMITS.evidenceRefMaxLength
    )
      problems.push(
        problem(
          `${field}.${index}`,
          'findings.evidence-invalid',
          `佐证材料编号须为1至${FINDINGS_LIMITS.evidenceRefMaxLength}字的文字 / An evidence reference is text of 1 to ${FINDINGS_LIMITS.evidenceRefMaxLength} characters`,
        ),
      );
  });
}
