import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { csvLine } from '@relapse-watch/sheet-io';
import { generateCaseload, type CaseloadGeneratorOptions, type GeneratedCase } from './caseload.generator';
import { householdKeysOf, type HouseholdKey } from './household-sheet.keys';

const OPTIONS: CaseloadGeneratorOptions = { seed: '2024', share: 0.5, asOf: '2024-12-31' };

async function* keys(count: number, from = 1): AsyncGenerator<HouseholdKey> {
  for (let n = from; n < from + count; n++)
    yield { villageCode: '511923102202', householdNumber: String(n).padStart(4, '0'), alleviated: n % 2 === 0 };
}

async function collect(households: AsyncIterable<HouseholdKey>, options = OPTIONS): Promise<GeneratedCase[]> {
  const all: GeneratedCase[] = [];
  for await (const c of generateCaseload(households, options)) all.push(c);
  return all;
}

describe('generateCaseload', () => {
  it('gives the same cases for the same seed, and a household the same case whatever else the sheet holds', async () => {
    const first = await collect(keys(400));
    expect(await collect(keys(400))).toEqual(first);
    const later = await collect(keys(200, 201));
    expect(later).toEqual(first.filter((c) => Number(c.householdNumber) > 200));
    expect(await collect(keys(400), { ...OPTIONS, seed: '2025' })).not.toEqual(first);
  });

  it('makes about the share of households cases, with plausible, consistent records', async () => {
    const cases = await collect(keys(2_000));
    expect(cases.length).toBeGreaterThan(900);
    expect(cases.length).toBeLessThan(1_100);
    for (const c of cases) {
      const alleviated = Number(c.householdNumber) % 2 === 0;
      expect(c.category).toBe(
        c.category === 'sudden-severe-hardship'
          ? 'sudden-severe-hardship'
          : alleviated
            ? 'unstable-poverty-alleviated'
            : 'marginal-prone-to-poverty',
      );
      expect(c.identifiedOn >= '2021-01-01' && c.identifiedOn <= '2024-12-01').toBe(true);
      if (c.eliminatedOn !== null) expect(c.eliminatedOn > c.identifiedOn && c.eliminatedOn <= '2024-12-31').toBe(true);
      expect(c.riskTypes.length).toBeGreaterThan(0);
      for (const m of c.measures) if (m.end !== null) expect(m.end > m.start).toBe(true);
      expect(new Set(c.measures.map((m) => m.start)).size).toBe(c.measures.length);
    }
    expect(cases.filter((c) => c.eliminatedOn !== null).length).toBeGreaterThan(300);
    expect(await collect(keys(50), { ...OPTIONS, share: 1 })).toHaveLength(50);
  });

  it('refuses a share outside 0–1', async () => {
    await expect(collect(keys(1), { ...OPTIONS, share: 1.5 })).rejects.toMatchObject({ code: 'generator.options' });
  });
});

describe('householdKeysOf', () => {
  it('reads one household per run of rows of a household sheet, poverty-alleviated by status or year', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'rw-household-keys-'));
    try {
      const file = join(folder, 'households.csv');
      const header = [
        '村代码 villageCode',
        '户编号 householdNumber',
        '户类型 status',
        '脱贫年度 yearLeftPoverty',
        '姓名 name',
      ];
      const rows = [
        ['511923102202', '0001', '脱贫户', '2018', '甲'],
        ['511923102202', '0001', '脱贫户', '2018', '乙'],
        ['511923102202', '0002', '一般农户', '', '丙'],
        ['511923102202', '0003', '监测户', '2019', '丁'],
      ];
      writeFileSync(file, `\uFEFF${[header, ...rows].map((r) => csvLine(r)).join('')}`);
      const found: HouseholdKey[] = [];
      for await (const key of householdKeysOf(file)) found.push(key);
      expect(found).toEqual([
        { villageCode: '511923102202', householdNumber: '0001', alleviated: true },
        { villageCode: '511923102202', householdNumber: '0002', alleviated: false },
        { villageCode: '511923102202', householdNumber: '0003', alleviated: true },
      ]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
