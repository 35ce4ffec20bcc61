// The sheets officials really have (issue 9, item 8): CSV saved by Excel in GB18030 or as
// "Unicode text", and resident IDs that Excel turned into numbers.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { residentIdCheckCharacter, fixedOffsetClock } from '@relapse-watch/domain-kernel';
import iconv from 'iconv-lite';
import { generateProvinceHouseholds } from '../generator/province.generator';
import { columnIndexOf } from './household-row.parser';
import { importHouseholdSheet } from './household-sheet.import';
import { sheetHeader, sheetRows } from './household-sheet.writer';
import { csvLine } from '@relapse-watch/sheet-io';
import { openSheetRecords } from '@relapse-watch/sheet-io';
import { importSpecHarness } from './testing/import-spec.harness';

const SALT = 'household-sheet-officials-spec-salt';
const NOW = new Date('2026-03-01T08:00:00Z');
const CLOCK = fixedOffsetClock(480, () => NOW);
const { directory: sichuan, tempFolder, withStore } = importSpecHarness('rw-sheet-officials-');

function rowsOf(households: number, seed: string): string[][] {
  return [...generateProvinceHouseholds(sichuan(), { provinceCode: '51', households, seed })].flatMap(sheetRows);
}

async function importSheet(file: string) {
  return withStore(join(tempFolder(), 'events.db'), (store) =>
    importHouseholdSheet({ file, store, directory: sichuan(), residentIdSalt: SALT, clock: CLOCK, concurrency: 16 }),
  );
}

/** The error file's lines after its header, without the BOM. */
function errorLines(sheet: string): string[] {
  return readFileSync(`${sheet}.errors.csv`, 'utf8')
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n')
    .slice(1);
}

describe('household sheet: the encodings Excel saves CSV in', () => {
  it('imports a GB18030 CSV (Excel "CSV (逗号分隔)" on a Chinese Windows) like its UTF-8 twin', async () => {
    const rows = rowsOf(12, 'gb18030');
    const sheet = join(tempFolder(), 'gb18030.csv');
    writeFileSync(sheet, iconv.encode([sheetHeader(), ...rows].map(csvLine).join(''), 'gb18030'));

    const opened = openSheetRecords(sheet);
    const header = await opened.records[Symbol.asyncIterator]().next();
    expect(header.value?.fields).toEqual(sheetHeader());
    expect(opened.encoding()).toBe('gb18030');

    expect(await importSheet(sheet)).toMatchObject({
      households: 12,
      acceptedRows: rows.length,
      rejectedRows: 0,
      errorFile: null,
    });
  });

  it('imports UTF-16 tab-separated text with a BOM (Excel "Unicode text")', async () => {
    const rows = rowsOf(5, 'utf16');
    const sheet = join(tempFolder(), 'unicode.txt');
    const text = [sheetHeader(), ...rows].map((row) => `${row.join('\t')}\r\n`).join('');
    writeFileSync(sheet, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    expect(await importSheet(sheet)).toMatchObject({ households: 5, acceptedRows: rows.length, rejectedRows: 0 });
  });

  it('refuses a file in neither UTF-8 nor GB18030 with one line, writing nothing', async () => {
    const sheet = join(tempFolder(), 'binary.csv');
    writeFileSync(sheet, Buffer.concat([Buffer.from('村代码,'), Buffer.from([0xff, 0xfe, 0xff, 0x80])]));
    await expect(importSheet(sheet)).rejects.toMatchObject({
      code: 'import.encoding',
      message: expect.stringMatching(/^[^\n]*neither UTF-8 nor GB18030[^\n]*$/) as unknown,
    });
  });
});

describe('household sheet: resident IDs Excel stored as numbers', () => {
  const idColumn = () => columnIndexOf(sheetHeader()).residentId;

  it('refuses an XLSX row whose ID cell is a number with import.resident-id-number-cell, not a check-character error', async () => {
    const rows = rowsOf(3, 'xlsx-numbers');
    const workbook = new ExcelJS.Workbook();
    const worksheet = workbook.addWorksheet('户籍信息');
    worksheet.addRow(sheetHeader());
    // The first row's ID typed into a General cell: Excel keeps it as a number of 15 significant digits.
    rows.forEach((row, i) =>
      worksheet.addRow(row.map((cell, c) => (i === 0 && c === idColumn() ? Number(cell.slice(0, 15) + '000') : cell))),
    );
    const sheet = join(tempFolder(), 'numbers.xlsx');
    await workbook.xlsx.writeFile(sheet);

    const result = await importSheet(sheet);
    expect(result.rejectedRows).toBe(rows.filter((r) => r[0] === rows[0][0] && r[1] === rows[0][1]).length);
    const lines = errorLines(sheet);
    expect(lines[0]).toMatch(
      /^2,身份证号码 residentId,import\.resident-id-number-cell,身份证号码被 Excel 存成了数字.*文本.*format the column as text/,
    );
    expect(lines.join('\n')).not.toContain('resident-id.check-character');
  });

  it.each([
    ['scientific notation', (id: string) => `${id[0]}.${id.slice(1, 6)}E+17`],
    ['18 digits ending in 000 that fail the check', (id: string) => `${id.slice(0, 15)}000`],
  ])('refuses a CSV ID in %s with import.resident-id-number-cell', async (_, mangle) => {
    // A head row whose mangled ID is no valid ID (about one in eleven would be, and is accepted).
    const rows = [...generateProvinceHouseholds(sichuan(), { provinceCode: '51', households: 20, seed: 'csv-numbers' })]
      .map((household) => sheetRows(household)[0])
      .filter((row) => {
        const mangled = mangle(row[idColumn()]);
        return !/^\d{17}/.test(mangled) || residentIdCheckCharacter(mangled.slice(0, 17)) !== mangled[17];
      })
      .slice(0, 1);
    expect(rows).toHaveLength(1);
    const sheet = join(tempFolder(), 'numbers.csv');
    const mangled = rows.map((row) => row.map((cell, c) => (c === idColumn() ? mangle(cell) : cell)));
    writeFileSync(sheet, [sheetHeader(), ...mangled].map(csvLine).join(''));
    await importSheet(sheet);
    expect(errorLines(sheet)).toEqual([
      expect.stringMatching(/^2,身份证号码 residentId,import\.resident-id-number-cell,/),
    ]);
  });
});
