import { parseYuan, type DomainProblem } from '@relapse-watch/domain-kernel';
import type { AnswerKind, AnswerValue, ContactMethod } from '@relapse-watch/inspection-rules';

// Cell readers of the visit sheet: what officials type, read as the checklist's answer kinds.
// Problems name the column and the rule, never the value (the sheet's values may be personal).

const YES = new Set(['是', '有', 'y', 'yes', 'true', '1', '√', '✓']);
const NO = new Set(['否', '无', '没有', 'n', 'no', 'false', '0', '×', '✗']);

/** The three methods by their Chinese names (the ids are accepted too). */
export const METHOD_WORDS: Readonly<Record<string, ContactMethod>> = {
  入户走访: 'household-visit',
  线上沟通: 'online-communication',
  群众评议: 'group-assessment',
  'household-visit': 'household-visit',
  'online-communication': 'online-communication',
  'group-assessment': 'group-assessment',
};

const MESSAGES = {
  'visit-sheet.yes-no': '应为“是”或“否” / must be 是 (yes) or 否 (no)',
  'visit-sheet.option': '不是该问题的可选答案 / is not one of the question’s answers',
  'visit-sheet.amount-negative': '金额不能为负数 / the amount cannot be negative',
  'visit-sheet.count': '应为不小于0的整数 / must be a whole number, 0 or more',
  'visit-sheet.text-length': '文字过长 / the text is too long',
  'visit-sheet.method': '排查方式应为入户走访、线上沟通或群众评议 / the method must be 入户走访, 线上沟通 or 群众评议',
} as const;

/** Rule codes of the visit sheet's cells, with their `中文 / English` messages. */
export const VISIT_CELL_MESSAGES: Readonly<Record<keyof typeof MESSAGES, string>> = MESSAGES;

function problem(code: keyof typeof MESSAGES, field: string): DomainProblem {
  return { code, field, message: MESSAGES[code] };
}

/** A yes-no cell: 是/否 and the usual spellings; undefined when the cell says neither. */
export function yesNo(text: string): boolean | undefined {
  const word = text.trim().toLowerCase();
  if (YES.has(word)) return true;
  if (NO.has(word)) return false;
  return undefined;
}

/** Reads a non-empty cell as an answer of `kind`, or the problem at `field`. */
export function answerCell(kind: AnswerKind, text: string, field: string): AnswerValue | DomainProblem {
  const value = text.trim();
  switch (kind.kind) {
    case 'yes-no':
      return yesNo(value) ?? problem('visit-sheet.yes-no', field);
    case 'choice':
      return kind.options.includes(value) ? value : problem('visit-sheet.option', field);
    case 'amount-fen': {
      const amount = parseYuan(value.replaceAll(',', '').replaceAll('，', ''));
      if (!amount.ok) return { ...amount.problem, field };
      return amount.fen < 0 ? problem('visit-sheet.amount-negative', field) : amount.fen;
    }
    case 'count':
      return /^\d{1,9}$/.test(value) ? Number(value) : problem('visit-sheet.count', field);
    case 'text':
      return value.length <= kind.maxLength ? value : problem('visit-sheet.text-length', field);
  }
}

/** The method cell, or the problem at `field`. */
export function methodCell(text: string, field: string): ContactMethod | DomainProblem {
  return METHOD_WORDS[text.trim()] ?? problem('visit-sheet.method', field);
}

/** True for what a cell reader returned as a problem. */
export function isProblem(value: unknown): value is DomainProblem {
  return typeof value === 'object' && value !== null && 'code' in value;
}
