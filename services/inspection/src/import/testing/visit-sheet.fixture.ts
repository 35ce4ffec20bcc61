// Spec support for the visit sheet: a small checklist of the lib's shape and a sheet writer.
import { writeFileSync } from 'node:fs';
import type { Checklist, ChecklistQuestion, InspectionArea } from '@relapse-watch/inspection-rules';
import { csvLine } from '@relapse-watch/sheet-io';

const question = (id: string, zh: string, answer: ChecklistQuestion['answer'], required = true): ChecklistQuestion => ({
  id,
  text: { 'zh-CN': zh, en: id },
  answer,
  required,
});

function questionsOf(area: InspectionArea): readonly ChecklistQuestion[] {
  if (area === 'income')
    return [
      question('income-dropped', '收入是否明显下降', { kind: 'yes-no' }),
      question('per-capita-estimate', '人均纯收入估算', { kind: 'amount-fen' }, false),
    ];
  if (area === 'relapse-risk')
    return [
      question('at-risk', '是否有返贫致贫风险', { kind: 'yes-no' }),
      question('risk-kind', '主要风险', { kind: 'choice', options: ['illness', 'disaster', 'none'] }, false),
    ];
  return [question(`${area}-ok`, '是否正常', { kind: 'yes-no' })];
}

/** Two questions in income and relapse-risk, one in every other area. */
export const SPEC_CHECKLIST: Checklist = {
  version: 'spec.1',
  areas: {
    'relapse-risk': questionsOf('relapse-risk'),
    income: questionsOf('income'),
    'assistance-measures': questionsOf('assistance-measures'),
    'elimination-stability': questionsOf('elimination-stability'),
    'latent-risks': questionsOf('latent-risks'),
    'data-quality': questionsOf('data-quality'),
    'policy-awareness': questionsOf('policy-awareness'),
  },
};

/** Writes a CSV sheet (UTF-8 with BOM, CRLF) of a header and rows. */
export function writeSheet(path: string, header: readonly string[], rows: readonly (readonly string[])[]): void {
  writeFileSync(path, `\uFEFF${[header, ...rows].map((r) => csvLine(r)).join('')}`);
}
