import { DivisionDirectory } from '../divisions/division-directory';
import { readDivisionExtract, shippedExtractPath } from '../divisions/division-extract.reader';
import { countyProfileOf } from './county-profile';
import { RegistrationPrefixPicker, type RegistrationOrigins } from './registration-origins';
import { SeededRandom } from './seeded-random';
import { SICHUAN_POVERTY_COUNTIES } from './sichuan-poverty-counties';
import { isVillageCommittee } from './village-committees';

let directory: DivisionDirectory;
beforeAll(async () => {
  const source = await readDivisionExtract(shippedExtractPath('51'));
  directory = DivisionDirectory.fromRecords(source.edition, source.records);
});

describe('the poverty-county table', () => {
  it('lists 88 counties, 45 deep-poverty ones, exits 5/15/30/31/7 in 2016–2020, under their names in the extract', () => {
    expect(SICHUAN_POVERTY_COUNTIES).toHaveLength(88);
    expect(new Set(SICHUAN_POVERTY_COUNTIES.map(([code]) => code)).size).toBe(88);
    expect(SICHUAN_POVERTY_COUNTIES.filter(([, , , deep]) => deep === 'deep')).toHaveLength(45);
    const exits = [2016, 2017, 2018, 2019, 2020].map(
      (year) => SICHUAN_POVERTY_COUNTIES.filter(([, , exitYear]) => exitYear === year).length,
    );
    expect(exits).toEqual([5, 15, 30, 31, 7]);
    for (const [code, name] of SICHUAN_POVERTY_COUNTIES) {
      const unit = directory.node(`${code}000000`);
      expect([unit.tier, unit.name]).toEqual(['county', name]);
    }
  });

  it('gives each county the tier its table entry and prefecture call for', () => {
    expect(countyProfileOf('513431').tier).toBe('deep-poverty-county'); // 昭觉县
    expect(countyProfileOf('511923').tier).toBe('poverty-county'); // 平昌县
    expect(countyProfileOf('510121').tier).toBe('chengdu'); // 金堂县
    expect(countyProfileOf('510302').tier).toBe('other-county'); // 自流井区
    expect(countyProfileOf('500101').tier).toBe('no-reference'); // another province
    expect(countyProfileOf('513431').sizeArea).toBe('yi-area');
    expect(countyProfileOf('513422').sizeArea).toBe('tibetan-area'); // 木里, inside Liangshan
  });
});

describe('isVillageCommittee', () => {
  it.each([
    ['跳蹬村委会', true],
    ['大梁村村委会', true],
    ['永寿社区村民委员会', true],
    ['黄桷村村委员会', true],
    ['水井坊社区居委会', false],
    ['八宝街社区居民委员会', false],
    ['团结社区居民委员', false],
    ['古城社区', false],
    ['唐家河国家级自然保护区虚拟生活区', false],
  ])('%s → %s', (name, expected) => {
    expect(isVillageCommittee(name)).toBe(expected);
  });
});

describe('RegistrationPrefixPicker.codeInForce', () => {
  // A chain as the full code history has it: 513021 达县 (until 1993) → 511721 达县 (until 2013) → 511703 达川区.
  const origins: RegistrationOrigins = {
    countiesByProvince: new Map([['51', ['511703']]]),
    retired: [
      { code: '513021', retired: 1993, successor: '511721' },
      { code: '511721', retired: 2013, successor: '511703' },
    ],
  };
  const picker = new RegistrationPrefixPicker(origins, ['511703']);
  it.each([
    [1988, '513021'],
    [1992, '513021'],
    [1993, '511721'],
    [2012, '511721'],
    [2013, '511703'],
    [2020, '511703'],
  ])('a number issued in %i in today’s 511703 starts %s', (year, code) => {
    expect(picker.codeInForce(new SeededRandom(1), '511703', year)).toBe(code);
  });

  it('also walks a history that names today’s code as the successor of both', () => {
    const flat = new RegistrationPrefixPicker(
      {
        countiesByProvince: origins.countiesByProvince,
        retired: [
          { code: '513021', retired: 1993, successor: '511703' },
          { code: '511721', retired: 2013, successor: '511703' },
        ],
      },
      ['511703'],
    );
    expect(flat.codeInForce(new SeededRandom(1), '511703', 1990)).toBe('513021');
    expect(flat.codeInForce(new SeededRandom(1), '511703', 2000)).toBe('511721');
  });
});
