import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GroupOutcome, RowGroup } from './household-group.importer';
import { householdImportTally } from './import-tally';

const folders: string[] = [];
afterAll(() => folders.forEach((f) => rmSync(f, { recursive: true, force: true })));

function tallyOver(progressEveryMs = 60_000) {
  const folder = mkdtempSync(join(tmpdir(), 'rw-import-tally-'));
  folders.push(folder);
  const file = join(folder, 'sheet.csv');
  writeFileSync(file, 'header\r\n');
  const progressFile = `${file}.progress.json`;
  const options = { file, errorFile: `${file}.errors.csv`, progressFile, progressEveryMs, fraction: () => null };
  return { tally: householdImportTally(options), options, progressFile };
}

const group = (sequence: number, firstRow: number, lastRow: number): RowGroup => ({
  sequence,
  firstRow,
  lastRow,
  records: [],
});
const accepted = (rows: number): GroupOutcome => ({ acceptedRows: rows, rejectedRows: 0, household: true, errors: [] });
const savedRows = (progressFile: string) =>
  (JSON.parse(readFileSync(progressFile, 'utf8')) as { rowsDone: number }).rowsDone;

describe('ImportTally: the watermark', () => {
  it('given households finishing out of order, the saved progress only passes a row once every household before it is done', () => {
    const { tally, progressFile } = tallyOver();
    tally.done(group(1, 4, 5), accepted(2));
    tally.save();
    expect(savedRows(progressFile)).toBe(0);
    tally.done(group(0, 2, 3), accepted(2));
    tally.save();
    expect(savedRows(progressFile)).toBe(5);
    expect(tally.finished).toEqual({ rows: 4, acceptedRows: 4, rejectedRows: 0, households: 2 });
  });

  it('given a saved progress, a new run skips the groups up to it and resumes after it', () => {
    const { tally, options } = tallyOver();
    tally.done(group(0, 2, 3), accepted(2));
    tally.save();
    const resumed = householdImportTally(options);
    expect(resumed.resumedAfterRow).toBe(3);
    expect(resumed.alreadyDone(group(0, 2, 3))).toBe(true);
    expect(resumed.alreadyDone(group(1, 4, 5))).toBe(false);
    expect(resumed.finished.households).toBe(1);
  });

  it('when complete, removes the progress file and gives the error file’s lines and warnings', () => {
    const { tally, progressFile } = tallyOver(0);
    tally.done(group(0, 2, 2), {
      acceptedRows: 0,
      rejectedRows: 1,
      household: false,
      errors: [
        { row: 2, field: 'name', code: 'import.field-required', message: '必填项为空 / A required field is empty' },
      ],
    });
    expect(existsSync(progressFile)).toBe(true);
    expect(tally.complete()).toEqual({ lines: 1, warnings: 0 });
    expect(existsSync(progressFile)).toBe(false);
  });
});
