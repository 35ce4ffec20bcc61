import { SICHUAN_POVERTY_COUNTIES } from './sichuan-poverty-counties';

// Reference data of the generator, per county: how many households left poverty, and how large
// households are. Figures and sources are in src/import/README.md ("Generator"); they are
// plausible shares for synthetic data, not statistics.

/** Where a county stood in the 2014–2020 campaign; it sets the county's share of poverty-alleviated households. */
export type PovertyTier = 'deep-poverty-county' | 'poverty-county' | 'other-county' | 'chengdu' | 'no-reference';

/**
 * Share of a county's rural households that are poverty-alleviated (脱贫户), by tier. In 2013
 * Liangshan counted 881,000 poor among 5.3 million people, nearly all in its 11 poverty counties
 * (about 28 % there); 161 of Sichuan's 183 counties had registered poor, the 22 without them being
 * mostly Chengdu's districts. Provinces without a county table get `no-reference`.
 */
export const ALLEVIATED_SHARE_BY_TIER: Readonly<Record<PovertyTier, number>> = {
  'deep-poverty-county': 0.28,
  'poverty-county': 0.17,
  'other-county': 0.05,
  chengdu: 0.01,
  'no-reference': 0.1,
};

/** Areas with their own household sizes. */
export type HouseholdSizeArea = 'yi-area' | 'tibetan-area' | 'chengdu-plain' | 'elsewhere';

type Weights = readonly (readonly [number, number])[];

/**
 * Registered household sizes (members, including those working away) by area, and the most
 * children a household has. Means: Yi areas 4.6, Tibetan areas 3.9, the Chengdu plain 3.0,
 * elsewhere 3.2. The 7th census found resident family households of 3.25 persons in Liangshan
 * against 2.51 in Sichuan (3.72 and 2.95 in 2010); a registered rural household, which counts its
 * members working away, is larger, and larger still in the Yi counties than in Xichang.
 */
export const HOUSEHOLD_SIZE_BY_AREA: Readonly<Record<HouseholdSizeArea, { weights: Weights; maxChildren: number }>> = {
  'yi-area': {
    weights: [
      [1, 5],
      [2, 9],
      [3, 14],
      [4, 21],
      [5, 20],
      [6, 15],
      [7, 9],
      [8, 5],
      [9, 2],
    ],
    maxChildren: 5,
  },
  'tibetan-area': {
    weights: [
      [1, 9],
      [2, 14],
      [3, 19],
      [4, 22],
      [5, 17],
      [6, 11],
      [7, 5],
      [8, 3],
    ],
    maxChildren: 4,
  },
  'chengdu-plain': {
    weights: [
      [1, 16],
      [2, 28],
      [3, 22],
      [4, 17],
      [5, 10],
      [6, 7],
    ],
    maxChildren: 3,
  },
  elsewhere: {
    weights: [
      [1, 14],
      [2, 24],
      [3, 21],
      [4, 19],
      [5, 13],
      [6, 9],
    ],
    maxChildren: 3,
  },
};

/** The ten Yi counties of Liangshan and Leshan's two Yi autonomous counties (Ebian, Mabian). */
const YI_AREA_COUNTIES: ReadonlySet<string> = new Set([
  '511132',
  '511133',
  '513423',
  '513428',
  '513429',
  '513430',
  '513431',
  '513432',
  '513434',
  '513435',
  '513436',
  '513437',
]);

/**
 * The year households left poverty, nationwide (most in 2017–2019). A county's own households
 * mostly left by its exit year: exit required a poverty incidence under 3 %, so later years get
 * 3 % of their weight.
 */
const YEAR_LEFT_WEIGHTS: Weights = [
  [2014, 5],
  [2015, 8],
  [2016, 15],
  [2017, 15],
  [2018, 20],
  [2019, 25],
  [2020, 12],
];

/** What the generator draws a county's households from. */
export interface CountyProfile {
  readonly tier: PovertyTier;
  readonly alleviatedShare: number;
  readonly sizeArea: HouseholdSizeArea;
  readonly sizeWeights: Weights;
  readonly maxChildren: number;
  readonly yearLeftWeights: Weights;
}

const POVERTY_COUNTIES = new Map(
  SICHUAN_POVERTY_COUNTIES.map(([code, , exitYear, deep]) => [code, { exitYear, deep }]),
);

/** The profile of a county (six-digit code). */
export function countyProfileOf(county: string): CountyProfile {
  const poverty = POVERTY_COUNTIES.get(county);
  const tier: PovertyTier =
    county.slice(0, 2) !== '51'
      ? 'no-reference'
      : poverty?.deep
        ? 'deep-poverty-county'
        : poverty
          ? 'poverty-county'
          : county.slice(0, 4) === '5101'
            ? 'chengdu'
            : 'other-county';
  const sizeArea = sizeAreaOf(county);
  return {
    tier,
    alleviatedShare: ALLEVIATED_SHARE_BY_TIER[tier],
    sizeArea,
    sizeWeights: HOUSEHOLD_SIZE_BY_AREA[sizeArea].weights,
    maxChildren: HOUSEHOLD_SIZE_BY_AREA[sizeArea].maxChildren,
    yearLeftWeights: poverty
      ? YEAR_LEFT_WEIGHTS.map(([year, weight]) => [year, year <= poverty.exitYear ? weight : weight * 0.03] as const)
      : YEAR_LEFT_WEIGHTS,
  };
}

function sizeAreaOf(county: string): HouseholdSizeArea {
  if (YI_AREA_COUNTIES.has(county)) return 'yi-area';
  const prefecture = county.slice(0, 4);
  // Muli (木里) is a Tibetan autonomous county inside Liangshan.
  if (prefecture === '5132' || prefecture === '5133' || county === '513422') return 'tibetan-area';
  if (prefecture === '5101') return 'chengdu-plain';
  return 'elsewhere';
}
