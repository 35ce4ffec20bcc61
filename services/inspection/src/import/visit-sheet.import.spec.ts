import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DomainProblem } from '@relapse-watch/domain-kernel';
import { SPEC_CHECKLIST, writeSheet } from './testing/visit-sheet.fixture';
import type { SheetVisit } from './visit-row.parser';
import { columnOfField, importVisitSheet, type VisitSheetRecorder } from './visit-sheet.import';

const HEADER = [
  '村代码 villageCode',
  '户编号 householdNumber',
  '排查方式',
  '排查日期',
  '完成排查',
  'income.income-dropped',
];
const VILLAGE = '511923100201';
const rowOf = (n: number, method = '入户走访', complete = '是') => [
  VILLAGE,
  `${n}`.padStart(4, '0'),
  method,
  '2024-08-20',
  complete,
  '否',
];

/** The use case's stand-in: remembers each call, refuses household 0003 by a rule, fails the store at `failAtRow`. */
class SpecRecorder implements VisitSheetRecorder {
  readonly calls: { visit: SheetVisit; key: string; row: number }[] = [];
  constructor(private readonly failAtRow: number | null = null) {}
  async record(visit: SheetVisit, context: { idempotencyKey: string; row: number }): Promise<readonly DomainProblem[]> {
    if (context.row === this.failAtRow) throw new Error('store unavailable');
    this.calls.push({ visit, key: context.idempotencyKey, row: context.row });
    const number = 'householdNumber' in visit.household ? visit.household.householdNumber : '';
    return number === '0003'
      ? [
          {
            code: 'inspection.household-visit-required',
            field: 'findings.income.answers.income-dropped',
            message: '须入户 / needs a visit',
          },
        ]
      : [];
  }
}

function sheetWith(rows: string[][]): string {
  const file = join(mkdtempSync(join(tmpdir(), 'visit-sheet-')), 'visits.csv');
  writeSheet(file, HEADER, rows);
  return file;
}

describe('importVisitSheet', () => {
  it('records every readable row, keeps the accepted ones and writes each refusal at its row and column', async () => {
    const file = sheetWith([
      rowOf(1),
      rowOf(2, '群众评议', '否'),
      rowOf(3),
      [VILLAGE, '0004', '电话', '2024-08-20', '是', '否'],
    ]);
    const recorder = new SpecRecorder();
    const result = await importVisitSheet({ file, checklist: SPEC_CHECKLIST, recorder, concurrency: 2 });
    expect(result).toMatchObject({ rows: 4, acceptedRows: 2, rejectedRows: 2, completions: 1, problems: 2 });
    expect(recorder.calls.map((c) => c.row).sort()).toEqual([2, 3, 4]);
    const lines = readFileSync(result.errorFile!, 'utf8')
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n')
      .slice(1);
    expect(lines).toEqual([
      expect.stringMatching(
        /^4,收入情况·收入是否明显下降 income\.income-dropped,inspection\.household-visit-required,/,
      ),
      expect.stringMatching(/^5,排查方式 method,visit-sheet\.method,/),
    ]);
    expect(existsSync(`${file}.progress.json`)).toBe(false);
  });

  it('sends a row again under the same idempotency key, so a re-run records nothing twice', async () => {
    const file = sheetWith([rowOf(1), rowOf(2)]);
    const first = new SpecRecorder();
    const again = new SpecRecorder();
    await importVisitSheet({ file, checklist: SPEC_CHECKLIST, recorder: first });
    await importVisitSheet({ file, checklist: SPEC_CHECKLIST, recorder: again });
    expect(again.calls.map((c) => c.key).sort()).toEqual(first.calls.map((c) => c.key).sort());
    expect(new Set(first.calls.map((c) => c.key)).size).toBe(2);
  });

  it('stops on a store failure with its progress saved, and the next run resumes after the rows that were done', async () => {
    const file = sheetWith([rowOf(1), rowOf(2), rowOf(3), rowOf(5), rowOf(6)]);
    await expect(
      importVisitSheet({ file, checklist: SPEC_CHECKLIST, recorder: new SpecRecorder(5), concurrency: 1 }),
    ).rejects.toThrow('store unavailable');
    const saved = JSON.parse(readFileSync(`${file}.progress.json`, 'utf8')) as { rowsDone: number };
    expect(saved.rowsDone).toBe(4);
    const resumed = new SpecRecorder();
    const result = await importVisitSheet({ file, checklist: SPEC_CHECKLIST, recorder: resumed, concurrency: 1 });
    expect(resumed.calls.map((c) => c.row)).toEqual([5, 6]);
    expect(result).toMatchObject({ resumedAfterRow: 4, rows: 5, acceptedRows: 4, rejectedRows: 1 });
    expect(readFileSync(result.errorFile!, 'utf8')).toMatch(/\r\n4,/);
  });

  it('refuses a sheet whose header lacks the method and date columns before recording anything', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'visit-sheet-')), 'visits.csv');
    writeSheet(file, ['户编号', '村代码'], [[VILLAGE, '0001']]);
    const recorder = new SpecRecorder();
    await expect(importVisitSheet({ file, checklist: SPEC_CHECKLIST, recorder })).rejects.toMatchObject({
      code: 'import.header',
    });
    expect(recorder.calls).toEqual([]);
  });

  it('names the sheet column of a use-case field', () => {
    expect(columnOfField('findings.income.answers.income-dropped')).toBe('income.income-dropped');
    expect(columnOfField('findings.data-quality.note')).toBe('data-quality.note');
    expect(columnOfField('method')).toBe('method');
  });
});
