import type { CsvRecord } from '@relapse-watch/sheet-io';
import { SPEC_CHECKLIST } from './testing/visit-sheet.fixture';
import { parseVisitRow, visitColumnIndex, type VisitColumnIndex } from './visit-row.parser';

const HEADER = [
  '村代码 villageCode',
  '户编号',
  'method',
  '排查日期 contactedOn',
  '完成排查',
  '收入情况·收入是否明显下降 income.income-dropped',
  'income.per-capita-estimate',
  '收入情况·备注',
  'income.evidence',
  'relapse-risk.risk-kind',
];
const index = () => visitColumnIndex(HEADER, SPEC_CHECKLIST) as VisitColumnIndex;
const row = (fields: string[]): CsvRecord => ({ rowNumber: 5, fields });

describe('the visit sheet row', () => {
  it('reads the household, method, date, completion and the findings of the areas it fills', () => {
    expect(
      parseVisitRow(
        row([
          '511923100201',
          '0042',
          '入户走访',
          '2024年8月20日',
          '是',
          '否',
          '6,800.50',
          '外出务工',
          '照片1；照片2',
          'illness',
        ]),
        index(),
      ),
    ).toEqual({
      household: { villageCode: '511923100201', householdNumber: '0042' },
      method: 'household-visit',
      contactedOn: '2024-08-20',
      complete: true,
      findings: {
        income: {
          answers: { 'income-dropped': false, 'per-capita-estimate': 680050 },
          note: '外出务工',
          evidence: ['照片1', '照片2'],
        },
        'relapse-risk': { answers: { 'risk-kind': 'illness' }, note: null, evidence: [] },
      },
    });
  });

  it('reports every problem of the row at once, each at its column, and no value in a message', () => {
    const problems = parseVisitRow(
      row(['5119231002', '', '电话', '2024-13-40', '也许', '不知道', '-3', '', '', 'flood']),
      index(),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'import.field-required', field: 'villageCode' }),
        expect.objectContaining({ code: 'visit-sheet.method', field: 'method' }),
        expect.objectContaining({ code: 'import.date-format', field: 'contactedOn' }),
        expect.objectContaining({ code: 'visit-sheet.yes-no', field: 'complete' }),
        expect.objectContaining({ code: 'visit-sheet.yes-no', field: 'income.income-dropped' }),
        expect.objectContaining({ code: 'visit-sheet.amount-negative', field: 'income.per-capita-estimate' }),
        expect.objectContaining({ code: 'visit-sheet.option', field: 'relapse-risk.risk-kind' }),
      ]),
    );
    expect(problems).toHaveLength(7);
    expect(JSON.stringify(problems)).not.toMatch(/电话|也许|不知道|flood/);
  });

  it('takes a household id instead of village and number, and leaves completion off when the cell is empty', () => {
    const header = ['householdId', 'method', 'contactedOn'];
    const parsed = parseVisitRow(
      row(['0191A5C2-6F3E-7B21-8C4D-2E9F1A7B3C50', 'group-assessment', '2024-08-21']),
      visitColumnIndex(header, SPEC_CHECKLIST) as VisitColumnIndex,
    );
    expect(parsed).toEqual({
      household: { householdId: '0191a5c2-6f3e-7b21-8c4d-2e9f1a7b3c50' },
      method: 'group-assessment',
      contactedOn: '2024-08-21',
      complete: false,
      findings: {},
    });
  });

  it('refuses a header without the method, the date or a way to name the household, naming what is missing', () => {
    expect(visitColumnIndex(['户编号', '完成排查'], SPEC_CHECKLIST)).toMatchObject({
      code: 'import.header',
      message: expect.stringMatching(/排查方式 method.*排查日期 contactedOn.*householdId/),
    });
  });
});
