import { DomainError } from '@relapse-watch/domain-kernel';

// Messages name the file and the rule, never a cell's value: sheets hold names, ID numbers and
// incomes, and error messages travel to logs and e-mails.
const MESSAGES = {
  'import.file': '无法读取导入文件 / Cannot read the import file',
  'import.encoding': '无法识别导入文件的编码 / Cannot tell the import file’s text encoding',
  'import.csv-format': '导入文件不是有效的 CSV / The import file is not a valid CSV',
} as const;

/** Codes of a problem with a sheet file as a whole (unreadable, not a sheet): the import stops with it. */
export type SheetFileErrorCode = keyof typeof MESSAGES;

/** Every sheet-file error code with its `中文 / English` message. */
export const SHEET_FILE_ERROR_MESSAGES: Readonly<Record<SheetFileErrorCode, string>> = MESSAGES;

/** The error for a sheet file that cannot be read as a sheet, with the detail in both languages. */
export function sheetFileError(code: SheetFileErrorCode, detailZh: string, detailEn: string): DomainError {
  const [zh, en] = MESSAGES[code].split(' / ');
  return new DomainError({ code, message: `${zh}：${detailZh} / ${en}: ${detailEn}` });
}
