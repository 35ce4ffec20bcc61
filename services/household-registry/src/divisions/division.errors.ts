import { DomainError } from '@relapse-watch/domain-kernel';

// Query refusals name the rule, never the value, like every registry message: they reach HTTP
// bodies and import error files next to personal data.
const QUERY_MESSAGES = {
  'division.unknown': '行政区划代码不在区划表中 / The division code is not in the division table',
  'division-tree.not-imported':
    '该省的行政区划尚未导入，请先运行 relapse-watch divisions import / The divisions of this province have not been imported; run relapse-watch divisions import first',
  'division-tree.incomplete':
    '该省的行政区划导入未完成，请重新运行导入 / The import of this province’s divisions did not finish; run the import again',
} as const;

// Source problems are the operator's, reported by the import CLI: they name the file, province
// or row at fault (public reference data, never personal).
const SOURCE_MESSAGES = {
  'division-source.unreadable': ['无法读取区划数据', 'Cannot read the division data'],
  'division-source.format': ['区划数据格式错误', 'The division data is malformed'],
  'division-source.province': ['省级区划代码无效或不在数据中', 'The province code is malformed or not in the data'],
  'division-source.inconsistent': ['区划数据不一致', 'The division data is inconsistent'],
} as const;

/** Rule codes of division queries. */
export type DivisionQueryCode = keyof typeof QUERY_MESSAGES;
/** Codes of problems with a division source (extract file, package, store contents). */
export type DivisionSourceCode = keyof typeof SOURCE_MESSAGES;

/** Every division query rule code with its `中文 / English` message, e.g. for API documentation. */
export const DIVISION_RULE_MESSAGES: Readonly<Record<DivisionQueryCode, string>> = QUERY_MESSAGES;

/** The DomainError of a division query, at `divisionCode` unless another field is given. */
export function divisionError(code: DivisionQueryCode, field = 'divisionCode'): DomainError {
  return new DomainError({ code, field, message: QUERY_MESSAGES[code] });
}

/**
 * The DomainError of a source problem, with what and where (file, province, line, code) in
 * Chinese and English; a detail that needs no words (a file and line) is given once.
 */
export function divisionSourceError(code: DivisionSourceCode, detailZh: string, detailEn = detailZh): DomainError {
  const [zh, en] = SOURCE_MESSAGES[code];
  return new DomainError({ code, message: `${zh}：${detailZh} / ${en}: ${detailEn}` });
}
