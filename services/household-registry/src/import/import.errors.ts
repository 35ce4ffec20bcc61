import { DomainError, type DomainProblem } from '@relapse-watch/domain-kernel';
import { SHEET_FILE_ERROR_MESSAGES, sheetFileError, type SheetFileErrorCode } from '@relapse-watch/sheet-io';

// Messages name the column and the rule, never the value: error files sit next to the sheet and
// travel by e-mail, and the values are names, ID numbers and incomes (see household.errors.ts).
const MESSAGES = {
  ...SHEET_FILE_ERROR_MESSAGES,
  'import.header': '表头不符合户籍信息表格式 / The header is not that of the household sheet',
  'import.field-required': '必填项为空 / A required field is empty',
  'import.value-unknown': '取值不是该列的可选值 / The value is not one of the column’s allowed values',
  'import.number-format': '应为范围内的整数 / The value must be a whole number in range',
  'import.date-format':
    '应为日期，如 2022-04-18、2022/4/18 或 2022年4月18日 / The value must be a date such as 2022-04-18, 2022/4/18 or 2022年4月18日',
  'import.monitoring-status-conflict':
    '监测信息与户类型不符：脱贫不稳定户须有脱贫年度，边缘易致贫户不能是脱贫户，未消除风险时不填消除时间 / The monitoring columns contradict the status: unstable poverty-alleviated needs a year left poverty, marginal prone to poverty is not poverty-alleviated, and an open risk has no elimination date',
  'import.household-mismatch':
    '本行的户信息与本户首个有效行不一致 / The household columns differ from those of the household’s first accepted row',
  'import.head-missing':
    '本户没有被接受的户主行，且该户尚未登记，本行未导入 / The household has no accepted head row and is not registered yet, so this row was not imported',
  'import.resident-id-number-cell':
    '身份证号码被 Excel 存成了数字，后几位已丢失：请把该列设为“文本”格式后重新录入 / The resident ID was stored by Excel as a number and its last digits are lost: format the column as text (文本) and enter the numbers again',
  'import.household-rejected':
    '本户登记被拒（原因见本户首行），本行未导入 / The household’s registration was refused (see the household’s first row), so this row was not imported',
} as const;

/** Rule codes of the household import (its rows also fail household, kernel and reservation rules). */
export type ImportRuleCode = keyof typeof MESSAGES;

/** Every import rule code with its `中文 / English` message. */
export const IMPORT_RULE_MESSAGES: Readonly<Record<ImportRuleCode, string>> = MESSAGES;

/** The problem for a rule at a column. */
export function importProblem(code: ImportRuleCode, field: string): DomainProblem {
  return { code, field, message: MESSAGES[code] };
}

/** A problem with the file as a whole (unreadable, not a sheet): the import stops with it. */
export function importFileError(
  code: SheetFileErrorCode | 'import.header',
  detailZh: string,
  detailEn: string,
): DomainError {
  if (code !== 'import.header') return sheetFileError(code, detailZh, detailEn);
  const [zh, en] = MESSAGES[code].split(' / ');
  return new DomainError({ code, message: `${zh}：${detailZh} / ${en}: ${detailEn}` });
}
