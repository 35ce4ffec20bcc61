import { csvFields } from './division-csv.parser';

describe('csvFields', () => {
  it.each([
    [
      'code,name,streetCode,provinceCode,cityCode,areaCode',
      ['code', 'name', 'streetCode', 'provinceCode', 'cityCode', 'areaCode'],
    ],
    [
      '510824104228,"青山观村村民委员会",510824104,51,5108,510824',
      ['510824104228', '青山观村村民委员会', '510824104', '51', '5108', '510824'],
    ],
    ['51,"四川省"', ['51', '四川省']],
    ['1,"a, b",2', ['1', 'a, b', '2']],
    ['1,"say ""hi""",2', ['1', 'say "hi"', '2']],
    ['1,"""",2', ['1', '"', '2']],
    ['1,,2', ['1', '', '2']],
    ['1,"x"', ['1', 'x']],
    ['', ['']],
  ])('splits %j', (line, fields) => {
    expect(csvFields(line)).toEqual(fields);
  });

  it('refuses an unterminated quoted field', () => {
    expect(() => csvFields('1,"abc')).toThrow(/unterminated/i);
  });
});
