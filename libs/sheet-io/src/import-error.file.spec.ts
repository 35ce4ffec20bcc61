import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ImportErrorFile, type ColumnHeaderOf } from './import-error.file';

const headerOf: ColumnHeaderOf = (field) => ({ method: '方式 method', contactedOn: '日期 date' })[field];
const fileIn = () => join(mkdtempSync(join(tmpdir(), 'error-file-')), 'visits.csv.errors.csv');
const bodyOf = (path: string) =>
  readFileSync(path, 'utf8')
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n')
    .slice(1);

describe('ImportErrorFile', () => {
  it('writes one line per problem, sorted by row, naming columns by their header and splitting the two languages', () => {
    const path = fileIn();
    const file = ImportErrorFile.fresh(path, headerOf);
    file.add([{ row: 7, field: 'contactedOn', code: 'import.date-format', message: '应为日期 / must be a date' }]);
    file.flush();
    file.add([
      { row: 3, field: 'method', code: 'import.value-unknown', message: '不是可选值 / not an allowed value' },
      { row: 3, field: 'findings.income', code: 'x.rule', message: '无英文' },
    ]);
    expect(file.finish()).toEqual({ lines: 3, warnings: 0 });
    expect(readFileSync(path, 'utf8').startsWith('\uFEFF行号 row,')).toBe(true);
    expect(bodyOf(path)).toEqual([
      '3,方式 method,import.value-unknown,不是可选值,not an allowed value,错误 error',
      '3,findings.income,x.rule,无英文,无英文,错误 error',
      '7,日期 date,import.date-format,应为日期,must be a date,错误 error',
    ]);
  });

  it('counts warnings apart, and leaves no file when nothing was wrong', () => {
    const path = fileIn();
    const file = ImportErrorFile.fresh(path, headerOf);
    file.add([{ row: 2, field: 'method', code: 'w', message: '警 / warn', warning: true }]);
    expect(file.finish()).toEqual({ lines: 1, warnings: 1 });
    const empty = fileIn();
    expect(ImportErrorFile.fresh(empty, headerOf).finish()).toEqual({ lines: 0, warnings: 0 });
    expect(existsSync(empty)).toBe(false);
  });

  it('resumed, keeps the lines of the rows already done and drops the rest, which are checked again', () => {
    const path = fileIn();
    const first = ImportErrorFile.fresh(path, headerOf);
    first.add([
      { row: 4, field: 'method', code: 'a', message: '甲 / a' },
      { row: 9, field: 'method', code: 'b', message: '乙 / b' },
    ]);
    first.flush();
    const resumed = ImportErrorFile.resumed(path, 5, headerOf);
    expect(resumed.lines).toBe(1);
    expect(bodyOf(path)).toEqual(['4,方式 method,a,甲,a,错误 error']);
  });
});
