// Spec-only support: a generated county for the inspection scenario (issue 11, item 10); the
// figures expected of it are computed from this plan alone (inspection-county.expected.ts).
// Every household's facts are chosen so that the rules of 51-2024.1 put exactly the planned
// households in a key group and give exactly the planned ones an at-risk suggestion, whatever
// today's date: the key groups used (income drop, below the filter line, unstable employment)
// read no date, and the date-windowed rules (new assistance, new disability, disaster, repeated
// warnings) are kept from firing by the facts (equal transfers, healthy members, no disaster,
// at most one risk event, dated 2024).

export const CAMPAIGN = {
  provinceCode: '51',
  year: 2024,
  launchedOn: '2024-08-12',
  teamsInPlaceBy: '2024-08-16',
  inspectBy: '2024-08-30',
  checklistVersion: '2024.1',
  ruleSetVersion: '51-2024.1',
  keyGroupRuleIds: [
    'key-group.income-drop',
    'key-group.below-filter-line',
    'key-group.new-social-assistance',
    'key-group.new-severe-disability',
    'key-group.disaster',
    'key-group.repeated-warnings',
    'key-group.unstable-employment',
    'key-group.monitored-without-elimination',
  ],
} as const;
export const CAMPAIGN_ID = '51-2024';
/** The province's monitoring line in force on the launch date, as the rule set 51-2024.1 has it (7,400 yuan). */
export const MONITORING_LINE_YUAN = '7400';

export const METHODS = ['household-visit', 'online-communication', 'group-assessment'] as const;
export type Method = (typeof METHODS)[number];
export type KeyGroup = 'key-group.income-drop' | 'key-group.below-filter-line' | 'key-group.unstable-employment';

/** One whole visit the scenario sends, and the status it must get. */
export interface PlannedVisit {
  readonly method: Method;
  readonly contactedOn: string;
  readonly complete: boolean;
  /** 422 for a key-group household completed by group assessment alone. */
  readonly expect: 201 | 422;
}

export interface HouseholdPlan {
  readonly index: number;
  readonly townshipCode: string;
  readonly villageCode: string;
  readonly householdNumber: string;
  readonly status:
    { readonly kind: 'ordinary' } | { readonly kind: 'poverty-alleviated'; readonly yearLeftPoverty: number };
  /** Wages of 2022 and 2023 in yuan (one member, equal transfers: per-capita = wages + 800). */
  readonly wagesYuan: readonly [number, number];
  readonly unstableEmployment: boolean;
  readonly riskEvent: boolean;
  readonly keyGroup: KeyGroup | null;
  /** Findings report a relapse risk: the one at-risk suggestion, `at-risk.relapse-risk-finding`. */
  readonly atRisk: boolean;
  readonly visits: readonly PlannedVisit[];
  /** What a township official does with the at-risk suggestion. */
  readonly decision: 'accept' | 'dismiss' | null;
}

export interface CountyPlan {
  readonly countyCode: string;
  readonly townships: readonly string[];
  readonly villages: readonly string[];
  /** The one village left without a team (overdue after 2024-08-16). */
  readonly villageWithoutTeam: string;
  readonly households: readonly HouseholdPlan[];
}

const IN_TIME = ['2024-08-17', '2024-08-20', '2024-08-23', '2024-08-27', '2024-08-30'];
const LATE = ['2024-08-31', '2024-09-04', '2024-09-10'];

/** mulberry32 over a string's FNV-1a hash: the same seed, the same county. */
export function randomOf(seed: string): () => number {
  let state = 0x811c9dc5;
  for (const char of seed) state = Math.imul(state ^ char.charCodeAt(0), 0x01000193) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A township of the division table and its village committees (村委会: no urban-committee warning). */
export interface TownshipCandidate {
  readonly townshipCode: string;
  readonly villageCodes: readonly string[];
}

/**
 * A county of `townships` × `villagesPerTownship` × `householdsPerVillage` households in real
 * villages of the division table (the registry refuses others), chosen from `candidates` and
 * generated from `seed`.
 */
export function generateCounty(
  seed: string,
  countyCode: string,
  candidates: readonly TownshipCandidate[],
  { townships = 3, villagesPerTownship = 2, householdsPerVillage = 8 } = {},
): CountyPlan {
  const random = randomOf(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const chosen = candidates.filter((c) => c.villageCodes.length >= villagesPerTownship).slice(0, townships);
  if (chosen.length < townships)
    throw new Error(`county ${countyCode}: fewer than ${townships} townships with villages`);
  const townshipCodes = chosen.map((c) => c.townshipCode);
  const villages = chosen.flatMap((c) => {
    const left = [...c.villageCodes];
    return Array.from(
      { length: villagesPerTownship },
      () => left.splice(Math.floor(random() * left.length), 1)[0],
    ).sort();
  });
  const households: HouseholdPlan[] = [];
  for (const villageCode of villages)
    for (let n = 0; n < householdsPerVillage; n++) {
      const index = households.length;
      const keyGroup = pick<KeyGroup | null>([
        null,
        null,
        null,
        'key-group.income-drop',
        'key-group.below-filter-line',
        'key-group.unstable-employment',
      ]);
      const atRisk = random() < 0.3;
      const late = random() < 0.25;
      const completedOn = late ? pick(LATE) : pick(IN_TIME);
      const povertyAlleviated = keyGroup === 'key-group.below-filter-line' || random() < 0.5;
      households.push({
        index,
        townshipCode: `${villageCode.slice(0, 9)}000`,
        villageCode,
        householdNumber: `HS-${villageCode.slice(6)}-${String(n + 1).padStart(3, '0')}`,
        status: povertyAlleviated
          ? { kind: 'poverty-alleviated', yearLeftPoverty: 2016 + (index % 5) }
          : { kind: 'ordinary' },
        wagesYuan: wagesFor(keyGroup),
        unstableEmployment: keyGroup === 'key-group.unstable-employment',
        riskEvent: random() < 0.3,
        keyGroup,
        atRisk,
        visits: visitsFor(keyGroup === null ? pick(PLAIN_ROUTES) : pick(KEY_GROUP_ROUTES), completedOn),
        decision: atRisk ? pick<'accept' | 'dismiss' | null>(['accept', 'accept', 'dismiss', null]) : null,
      });
    }
  return {
    countyCode,
    townships: townshipCodes,
    villages,
    villageWithoutTeam: villages[Math.floor(random() * villages.length)],
    households,
  };
}

// Per-capita income = wages + 800 (one member). Lines of 51-2024.1: monitoring 7,400 yuan (the
// unstable band up to 11,100), filter 10,000. A drop is over 30 % between the two years.
function wagesFor(keyGroup: KeyGroup | null): [number, number] {
  switch (keyGroup) {
    case 'key-group.income-drop':
      return [19_200, 11_200]; // 20,000 → 12,000 per capita: 40 % down, above the band
    case 'key-group.below-filter-line':
      return [8_700, 8_200]; // 9,500 → 9,000: under the filter line, inside the band, not falling
    default:
      return [14_200, 15_200]; // 15,000 → 16,000
  }
}

type Route =
  'visit' | 'online' | 'group' | 'online-then-group' | 'refused-then-visit' | 'group-then-visit' | 'online-then-visit';
const PLAIN_ROUTES: readonly Route[] = ['visit', 'online', 'group', 'online-then-group'];
const KEY_GROUP_ROUTES: readonly Route[] = ['visit', 'refused-then-visit', 'group-then-visit', 'online-then-visit'];

function visitsFor(route: Route, completedOn: string): PlannedVisit[] {
  const earlier = '2024-08-17' < completedOn ? '2024-08-17' : completedOn;
  const done = (method: Method): PlannedVisit => ({ method, contactedOn: completedOn, complete: true, expect: 201 });
  const contact = (method: Method): PlannedVisit => ({ method, contactedOn: earlier, complete: false, expect: 201 });
  switch (route) {
    case 'visit':
      return [done('household-visit')];
    case 'online':
      return [done('online-communication')];
    case 'group':
      return [done('group-assessment')];
    case 'online-then-group':
      return [contact('online-communication'), done('group-assessment')];
    case 'refused-then-visit':
      return [{ ...done('group-assessment'), expect: 422 }, done('household-visit')];
    case 'group-then-visit':
      return [contact('group-assessment'), done('household-visit')];
    case 'online-then-visit':
      return [contact('online-communication'), done('household-visit')];
  }
}
