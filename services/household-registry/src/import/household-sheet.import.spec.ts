import { readFileSync, writeFileSync } from 'node:fs';
import { residentIdCheckCharacter, fixedOffsetClock } from '@relapse-watch/domain-kernel';
import { join } from 'node:path';
import type { StoredEvent } from '@relapse-watch/event-store-core';
import type { HouseholdImported } from '../domain/household/household.events';
import { loadRegistrationPrefixes } from '../divisions/registration-prefixes';
import { generateProvinceHouseholds } from '../generator/province.generator';
import { columnIndexOf, parseHouseholdRow } from './household-row.parser';
import { importHouseholdSheet, type HouseholdSheetImportOptions } from './household-sheet.import';
import { sheetHeader, sheetRows, writeHouseholdSheet } from './household-sheet.writer';
import { csvLine } from '@relapse-watch/sheet-io';
import { importSpecHarness } from './testing/import-spec.harness';

const SALT = 'household-sheet-import-spec-salt';
const NOW = new Date('2026-03-01T08:00:00Z');
const CLOCK = fixedOffsetClock(480, () => NOW);
const { directory: sichuan, tempFolder, withStore } = importSpecHarness('rw-sheet-import-');

async function importInto(path: string, file: string, extra: Partial<HouseholdSheetImportOptions> = {}) {
  return withStore(path, (store) =>
    importHouseholdSheet({
      file,
      store,
      directory: sichuan(),
      residentIdSalt: SALT,
      clock: CLOCK,
      concurrency: 64,
      ...extra,
    }),
  );
}

async function allEvents(path: string): Promise<StoredEvent[]> {
  return withStore(path, async (store) => {
    const events: StoredEvent[] = [];
    for await (const event of store.readAll()) events.push(event);
    return events;
  });
}

const countOf = (events: readonly StoredEvent[], type: string) => events.filter((e) => e.type === type).length;
/** Members added one by one plus those registered with their household in one HouseholdImported. */
const membersImported = (events: readonly StoredEvent[]) =>
  countOf(events, 'MemberAdded') +
  events
    .filter((e) => e.type === 'HouseholdImported')
    .reduce((n, e) => n + (e.data as HouseholdImported['data']).members.length, 0);

describe('household sheet: generate → import', () => {
  it('reads back every generated household and member from CSV, and a re-run adds no event', async () => {
    const folder = tempFolder();
    const sheet = join(folder, 'sheet.csv');
    const written = await writeHouseholdSheet(
      generateProvinceHouseholds(sichuan(), { provinceCode: '51', households: 150, seed: 'round-trip' }),
      { kind: 'csv', path: sheet },
    );
    const store = join(folder, 'events.db');

    const result = await importInto(store, sheet);
    expect(result).toMatchObject({
      households: 150,
      rows: written.rows,
      acceptedRows: written.rows,
      rejectedRows: 0,
      problems: 0,
      resumedAfterRow: null,
    });
    // The generated households may carry data-quality warnings (e.g. a rural household in a 居委会): never refusals.
    const warningLines =
      result.errorFile === null ? [] : readFileSync(result.errorFile, 'utf8').trimEnd().split('\r\n').slice(1);
    expect(warningLines.filter((line) => !line.endsWith(',警告 warning'))).toEqual([]);
    expect(warningLines).toHaveLength(result.warnings);
    const events = await allEvents(store);
    // The fast path: one HouseholdImported per household with its members, income and 3+1.
    expect(countOf(events, 'HouseholdImported')).toBe(150);
    expect(membersImported(events)).toBe(written.rows);
    expect(
      events
        .filter((e) => e.type === 'HouseholdImported')
        .every(
          (e) =>
            (e.data as HouseholdImported['data']).incomes.length === 1 &&
            (e.data as HouseholdImported['data']).threePlusOne !== null,
        ),
    ).toBe(true);
    expect(countOf(events, 'PersonReserved')).toBe(written.rows);
    expect(countOf(events, 'HouseholdNumberReserved')).toBe(150);

    const again = await importInto(store, sheet);
    expect(again).toMatchObject({ households: 150, acceptedRows: written.rows, rejectedRows: 0 });
    expect(await allEvents(store)).toHaveLength(events.length);
  });

  it('reads an XLSX sheet the same way', async () => {
    const folder = tempFolder();
    const sheet = join(folder, 'sheet.xlsx');
    const written = await writeHouseholdSheet(
      generateProvinceHouseholds(sichuan(), { provinceCode: '51', households: 40, seed: 'xlsx' }),
      { kind: 'xlsx', path: sheet },
    );
    const store = join(folder, 'events.db');
    const result = await importInto(store, sheet);
    expect(result).toMatchObject({ households: 40, acceptedRows: written.rows, rejectedRows: 0 });
    const events = await allEvents(store);
    expect(countOf(events, 'HouseholdImported')).toBe(40);
    expect(membersImported(events)).toBe(written.rows);
  });

  it('parses every generated row back to the generated household and member', () => {
    const columns = columnIndexOf(sheetHeader());
    const prefixes = loadRegistrationPrefixes();
    const rules = {
      today: '2026-03-01',
      isKnownVillage: (c: string) => sichuan().has(c),
      isKnownRegistrationDivision: (p: string) => prefixes.has(p),
    };
    for (const household of generateProvinceHouseholds(sichuan(), {
      provinceCode: '51',
      households: 200,
      seed: 'parse',
    })) {
      sheetRows(household).forEach((row, i) => {
        const parsed = parseHouseholdRow(row, columns, rules);
        if (!parsed.ok) throw new Error(parsed.problems.map((p) => `${p.field} ${p.code}`).join('; '));
        const { members, ...facts } = household;
        expect(parsed.household).toEqual({ legacyMonitoring: null, ...facts });
        expect(parsed.member).toEqual(members[i]);
      });
    }
  });
});

describe('household sheet: refused rows', () => {
  it('writes each refused row with its row number, column, code and both languages, and keeps the accepted rows', async () => {
    const folder = tempFolder();
    const [first, second] = [
      ...generateProvinceHouseholds(sichuan(), { provinceCode: '51', households: 2, seed: 'bad' }),
    ];
    const good = sheetRows(first);
    const other = sheetRows(second);
    const col = (name: string) => columnIndexOf(sheetHeader())[name as 'name'];
    const edit = (row: string[], column: string, value: string) =>
      row.map((cell, i) => (i === col(column) ? value : cell));
    const badCheck = (id: string) => id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
    // Row numbers as a spreadsheet shows them: the header is row 1.
    const rows = [
      good[0], // 2: the head, accepted
      ...good.slice(1), // accepted
      edit(other[0], 'residentId', badCheck(other[0][col('residentId')])), // bad check character → the head is refused
    ];
    const strangers = [
      edit(edit(other[0], 'householdNumber', '9001'), 'villageCode', '510199999999'), // unknown village
      edit(edit(other[0], 'householdNumber', '9002'), 'name', ''), // missing name
      edit(edit(other[0], 'householdNumber', '9003'), 'wagesYuan', '-5'), // negative income
      edit(edit(other[0], 'householdNumber', '9004'), 'residentId', good[0][col('residentId')]), // the first household's head, in another household
    ];
    const sheet = join(folder, 'bad.csv');
    writeFileSync(sheet, `\uFEFF${csvLine(sheetHeader())}${[...rows, ...strangers].map(csvLine).join('')}`);
    const store = join(folder, 'events.db');

    const result = await importInto(store, sheet);
    const headRow = 2 + good.length;
    // Two households: the first, and 9004, registered before its only member was refused.
    expect(result).toMatchObject({
      acceptedRows: good.length,
      rejectedRows: 5,
      households: 2,
      errorFile: `${sheet}.errors.csv`,
    });

    const lines = readFileSync(`${sheet}.errors.csv`, 'utf8')
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe('行号 row,列 column,代码 code,说明 message (zh-CN),message (en),级别 severity');
    // The refusals of a row (its household's data-quality warnings, if any, are other lines).
    const byRow = (row: number) =>
      lines
        .slice(1)
        .filter((l) => l.startsWith(`${row},`) && l.endsWith(',错误 error'))
        .map((l) => l.slice(0, -',错误 error'.length));
    expect(byRow(headRow)).toEqual([
      '8,身份证号码 residentId,resident-id.check-character,居民身份证号码校验码不符（GB 11643 MOD 11-2）,The check character of the resident ID number does not match (GB 11643 MOD 11-2)'.replace(
        /^8/,
        String(headRow),
      ),
    ]);
    expect(byRow(headRow + 1)).toEqual([
      `${headRow + 1},村代码 villageCode,division.unknown,行政区划代码不在区划表中,The division code is not in the division table`,
    ]);
    expect(byRow(headRow + 2)).toEqual([
      `${headRow + 2},姓名 name,import.field-required,必填项为空,A required field is empty`,
    ]);
    expect(byRow(headRow + 3)).toEqual([
      `${headRow + 3},工资性收入 wagesYuan,income.component-negative,收入各项不能为负数,Income components are not negative`,
    ]);
    expect(byRow(headRow + 4)).toEqual([
      `${headRow + 4},身份证号码 residentId,member.id-already-in-household,该身份证号码已是其他户（或本户其他成员）的成员,"The resident ID already belongs to a member of another household, or to another member of this one"`,
    ]);
    // No value reaches the error file: not the ID, not the name.
    expect(lines.join('\n')).not.toContain(good[0][col('residentId')]);

    const events = await allEvents(store);
    // The first household took the fast path; 9004, with a refused member, the command path.
    expect(countOf(events, 'HouseholdImported') + countOf(events, 'HouseholdRegistered')).toBe(2);
    expect(membersImported(events)).toBe(good.length);
    // The refused head's reservation was released: only the accepted members hold one.
    expect(countOf(events, 'PersonReserved') - countOf(events, 'PersonReleased')).toBe(good.length);
  });

  it('accepts a member whose ID prefix was never a division, with a warning line for the row in the error file', async () => {
    const folder = tempFolder();
    const [household] = [
      ...generateProvinceHouseholds(sichuan(), { provinceCode: '51', households: 1, seed: 'prefix' }),
    ];
    const rows = sheetRows(household);
    const col = columnIndexOf(sheetHeader()).residentId;
    // 519999 (no Sichuan county) + the head's birth date and sequence, with its check character.
    const first17 = `519999${rows[0][col].slice(6, 17)}`;
    const unknown = first17 + residentIdCheckCharacter(first17);
    rows[0] = rows[0].map((cell, i) => (i === col ? unknown : cell));
    const sheet = join(folder, 'prefix.csv');
    writeFileSync(sheet, `\uFEFF${csvLine(sheetHeader())}${rows.map(csvLine).join('')}`);

    const result = await importInto(join(folder, 'events.db'), sheet);
    expect(result).toMatchObject({ acceptedRows: rows.length, rejectedRows: 0, problems: 0, households: 1 });
    const lines = readFileSync(`${sheet}.errors.csv`, 'utf8')
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines.filter((l) => l.includes('resident-id.division-unknown'))).toEqual([
      '2,身份证号码 residentId,resident-id.division-unknown,身份证号码前6位不是1980年以来的任何行政区划代码，请核实号码,The first six digits of the resident ID number are no division code known since 1980: check the number,警告 warning',
    ]);
    expect(lines.join('\n')).not.toContain(unknown);
    const imported = (await allEvents(join(folder, 'events.db'))).filter((e) => e.type === 'HouseholdWarningRaised');
    expect(imported.map((e) => (e.data as { rule: string }).rule)).toContain('resident-id.division-unknown');
  });

  it('refuses a sheet without the household sheet header, naming the missing columns', async () => {
    const folder = tempFolder();
    const sheet = join(folder, 'other.csv');
    writeFileSync(sheet, 'a,b\r\n1,2\r\n');
    await expect(importInto(join(folder, 'events.db'), sheet)).rejects.toThrow(
      /表头缺少列：村代码 villageCode、户编号 householdNumber/,
    );
  });
});

describe('household sheet: rigid-expenditure columns', () => {
  it('records them through both paths, as RecordRigidExpenditure would: in HouseholdImported and as RigidExpenditureRecorded', async () => {
    const folder = tempFolder();
    const households = [
      ...generateProvinceHouseholds(sichuan(), { provinceCode: '51', households: 80, seed: 'rigid' }),
    ];
    const withRigid = households.filter((h) => h.rigidExpenditure !== null);
    expect(withRigid.length).toBeGreaterThan(5);
    expect(withRigid.length).toBeLessThan(households.length);
    const sheet = join(folder, 'rigid.csv');
    await writeHouseholdSheet(households, { kind: 'csv', path: sheet });

    await importInto(join(folder, 'fast.db'), sheet, { progressFile: null });
    const fast = (await allEvents(join(folder, 'fast.db')))
      .filter((e) => e.type === 'HouseholdImported')
      .flatMap((e) => (e.data as HouseholdImported['data']).rigidExpenditures ?? []);
    await importInto(join(folder, 'commands.db'), sheet, { progressFile: null, batchHouseholds: 1 });
    const commands = (await allEvents(join(folder, 'commands.db')))
      .filter((e) => e.type === 'RigidExpenditureRecorded')
      .map((e) => {
        const { householdId: _id, ...record } = e.data as { householdId: string };
        return record as Record<string, unknown>;
      });

    const expected = withRigid.map(({ rigidExpenditure: r }) => ({
      period: { kind: 'calendar-year', year: r?.year },
      medicalAfterReimbursementFen: Number(r?.medicalAfterReimbursementYuan) * 100,
      educationFen: Number(r?.educationYuan) * 100,
      disasterLossFen: Number(r?.disasterLossYuan) * 100,
      totalFen:
        (Number(r?.medicalAfterReimbursementYuan) + Number(r?.educationYuan) + Number(r?.disasterLossYuan)) * 100,
    }));
    const byTotal = (a: { totalFen?: unknown }, b: { totalFen?: unknown }) => Number(a.totalFen) - Number(b.totalFen);
    expect([...fast].sort(byTotal)).toEqual([...expected].sort(byTotal));
    expect([...commands].sort(byTotal)).toEqual([...expected].sort(byTotal));
  });

  it('refuses figures without their year, and negative figures, at their columns', () => {
    const [household] = [...generateProvinceHouseholds(sichuan(), { provinceCode: '51', households: 1, seed: 'r' })];
    const columns = columnIndexOf(sheetHeader());
    const rules = {
      today: '2026-03-01',
      isKnownVillage: (c: string) => sichuan().has(c),
      isKnownRegistrationDivision: (p: string) => sichuan().isKnownCountyPrefix(p),
    };
    const row = (cells: Partial<Record<'expenditureYear' | 'educationYuan' | 'disasterLossYuan', string>>) => {
      const fields = [...sheetRows(household)[0]];
      for (const [column, value] of Object.entries(cells)) fields[columns[column as 'educationYuan']] = value;
      return parseHouseholdRow(fields, columns, rules);
    };
    expect(row({ expenditureYear: '', educationYuan: '3000', disasterLossYuan: '' })).toMatchObject({
      ok: false,
      problems: [{ code: 'import.field-required', field: 'expenditureYear' }],
    });
    expect(row({ expenditureYear: '2024', educationYuan: '-1' })).toMatchObject({
      ok: false,
      problems: [{ code: 'rigid-expenditure.amount-negative', field: 'educationYuan' }],
    });
    expect(row({ expenditureYear: '2024', educationYuan: '3000' })).toMatchObject({
      ok: true,
      household: { rigidExpenditure: { year: 2024, educationYuan: '3000' } },
    });
  });
});
