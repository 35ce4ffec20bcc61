import { caseloadColumnIndex, parseCaseloadRow } from './caseload-row.parser';
import { CASELOAD_COLUMNS, type CaseloadColumn } from './caseload-sheet.columns';
import { caseRow, DIBAO, POST } from './testing/caseload-sheet.fixture';

const columns = caseloadColumnIndex(CASELOAD_COLUMNS.map(([key, zh]) => `${zh} ${key}`));
const parse = (row: string[]) => parseCaseloadRow(row, columns);
const problemsOf = (row: string[]) => {
  const parsed = parse(row);
  return parsed.ok ? [] : parsed.problems.map((p) => [p.code, p.field]);
};

describe('a caseload row', () => {
  it('reads the case and its measure, coded values in Chinese or as codes, risk types by label, code or the province’s code', () => {
    const parsed = parse(
      caseRow(
        '0001',
        {
          leadSource: 'department-warning',
          riskTypes: '因病,缺劳力; 51.farm-price-drop、因病',
          monitoringCategory: '突发严重困难户',
        },
        { ...DIBAO, measureCategory: '兜底保障' },
      ),
    );
    expect(parsed).toEqual({
      ok: true,
      sheetCase: {
        villageCode: '511923102202',
        householdNumber: '0001',
        category: 'sudden-severe-hardship',
        identifiedOn: '2022-04-18',
        leadSource: 'department-warning',
        riskTypes: ['illness', 'lack-of-labour', '51.farm-price-drop'],
        eliminatedOn: null,
      },
      caseCells: [
        '511923102202',
        '0001',
        '突发严重困难户',
        '2022-04-18',
        'department-warning',
        '因病,缺劳力; 51.farm-price-drop、因病',
        '否',
        '',
      ],
      measure: {
        category: 'social-assistance',
        kind: '低保',
        responsibleDepartment: '县民政局',
        start: '2022-05-01',
        end: null,
        amountFen: 420_050,
      },
    });
  });

  it('finds its columns under the national export’s other headers', () => {
    const header = CASELOAD_COLUMNS.map(([key, zh]) =>
      key === 'leadSource' ? '识别来源' : key === 'amountYuan' ? '帮扶金额' : zh,
    );
    expect(caseloadColumnIndex(header)).toMatchObject({ leadSource: 4, amountYuan: 13 });
  });

  it('reports every problem of a row at once, at its column', () => {
    expect(
      problemsOf(
        caseRow(
          '',
          {
            leadSource: '道听途说',
            riskTypes: '因病、52.farm-price-drop',
            riskEliminated: '否',
            eliminatedOn: '2023-11-30',
          },
          {
            measureCategory: '慈善',
            measureKind: '',
            measureStart: '2022/5/1',
            measureEnd: '2022.4.1',
            amountYuan: '12.345',
          },
        ),
      ),
    ).toEqual([
      ['import.field-required', 'householdNumber'],
      ['import.value-unknown', 'leadSource'],
      ['import.value-unknown', 'riskTypes'],
      ['import.elimination-conflict', 'eliminatedOn'],
      ['import.value-unknown', 'measureCategory'],
      ['import.field-required', 'measureKind'],
      ['import.measure-end-before-start', 'measureEnd'],
      ['money.precision', 'amountYuan'],
    ]);
  });

  it('needs the measure’s category, kind, department and start once any measure column is filled', () => {
    const only = (cells: Partial<Record<CaseloadColumn, string>>) => caseRow('0001', cells);
    expect(problemsOf(only({ amountYuan: '100' }))).toEqual([
      ['import.field-required', 'measureCategory'],
      ['import.field-required', 'measureKind'],
      ['import.field-required', 'responsibleDepartment'],
      ['import.field-required', 'measureStart'],
    ]);
    expect(problemsOf(caseRow('0001', {}, { ...POST, amountYuan: '-5' }))).toEqual([['measure.amount', 'amountYuan']]);
  });

  it('takes an elimination from the date alone when the sheet has no yes/no column', () => {
    const header = CASELOAD_COLUMNS.filter(([key]) => key !== 'riskEliminated').map(([key]) => key);
    const row = caseRow('0001', { eliminatedOn: '2023年11月30日' }).filter(
      (_, i) => CASELOAD_COLUMNS[i][0] !== 'riskEliminated',
    );
    expect(parseCaseloadRow(row, caseloadColumnIndex(header))).toMatchObject({
      ok: true,
      sheetCase: { eliminatedOn: '2023-11-30' },
    });
  });
});
