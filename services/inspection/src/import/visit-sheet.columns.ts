import {
  INSPECTION_AREAS,
  type AnswerKind,
  type Checklist,
  type InspectionArea,
} from '@relapse-watch/inspection-rules';

/** The areas' names as the sheet's headers show them. */
export const AREA_NAMES: Readonly<Record<InspectionArea, string>> = {
  'relapse-risk': '返贫致贫风险',
  income: '收入情况',
  'assistance-measures': '帮扶措施落实',
  'elimination-stability': '风险消除稳定性',
  'latent-risks': '重大风险隐患',
  'data-quality': '数据质量',
  'policy-awareness': '政策知晓',
};

/** The columns every visit sheet has, before the checklist's. `householdId` or village + number name the household. */
export const FIXED_COLUMNS = [
  ['householdId', '农户ID'],
  ['villageCode', '村代码'],
  ['householdNumber', '户编号'],
  ['method', '排查方式'],
  ['contactedOn', '排查日期'],
  ['complete', '完成排查'],
] as const;

/** A fixed column's key. */
export type FixedColumn = (typeof FIXED_COLUMNS)[number][0];

/** What a checklist column holds: an answer to a question, an area's note, or its evidence references. */
export type ChecklistColumn =
  | { readonly kind: 'answer'; readonly area: InspectionArea; readonly questionId: string; readonly answer: AnswerKind }
  | { readonly kind: 'note'; readonly area: InspectionArea }
  | { readonly kind: 'evidence'; readonly area: InspectionArea };

/** One column of a visit sheet: its key (`contactedOn`, `income.income-dropped`, `income.note`), its Chinese name, what it holds. */
export interface VisitSheetColumn {
  readonly key: string;
  readonly zh: string;
  readonly holds: { readonly kind: 'fixed' } | ChecklistColumn;
}

/**
 * The columns of the visit sheet (入户排查记录表) of a checklist version, in the order a template
 * lists them: the fixed ones, then per area each question, the note (备注) and the evidence
 * references (佐证材料, separated by `；` or `;`). A header cell is `中文 key`; either half alone is
 * accepted too. Amounts are written in yuan (元) and stored in fen.
 */
export function visitSheetColumns(checklist: Checklist): readonly VisitSheetColumn[] {
  const fixed = FIXED_COLUMNS.map(([key, zh]): VisitSheetColumn => ({ key, zh, holds: { kind: 'fixed' } }));
  const perArea = INSPECTION_AREAS.flatMap((area): VisitSheetColumn[] => [
    ...checklist.areas[area].map((question): VisitSheetColumn => ({
      key: `${area}.${question.id}`,
      zh: `${AREA_NAMES[area]}·${question.text['zh-CN']}${question.answer.kind === 'amount-fen' ? '（元）' : ''}`,
      holds: { kind: 'answer', area, questionId: question.id, answer: question.answer },
    })),
    { key: `${area}.note`, zh: `${AREA_NAMES[area]}·备注`, holds: { kind: 'note', area } },
    { key: `${area}.evidence`, zh: `${AREA_NAMES[area]}·佐证材料`, holds: { kind: 'evidence', area } },
  ]);
  return [...fixed, ...perArea];
}

/** `中文 key`: the header cell of a column. */
export function visitColumnHeader(column: VisitSheetColumn): string {
  return `${column.zh} ${column.key}`;
}
