// Spec-only support: the generated county of the reporting scenario (issue 13, item 7) — who lives
// where, their incomes, their inspection and their monitoring case — from a fixed seed. The spec
// drives it through the public APIs (reporting-county.drive.ts) and computes every figure it
// expects from this plan alone (reporting-county.expected.ts).
import { randomOf, type TownshipCandidate } from './inspection-county.plan';

export const PROVINCE = '51';
/** Sichuan's 2024 campaign (rule set 51-2024.1, the key groups the drive plans visits for). */
export const CAMPAIGN = {
  provinceCode: PROVINCE,
  year: 2024,
  launchedOn: '2024-08-12',
  teamsInPlaceBy: '2024-08-16',
  inspectBy: '2024-08-30',
  checklistVersion: '2024.1',
  ruleSetVersion: '51-2024.1',
  keyGroupRuleIds: ['key-group.income-drop', 'key-group.below-filter-line', 'key-group.unstable-employment'],
} as const;
export const CAMPAIGN_ID = '51-2024';
/** The monitoring lines published, yuan per year (2026's is the one the elimination guard reads). */
export const LINES_YUAN: Readonly<Record<number, number>> = { 2023: 7000, 2024: 7200, 2026: 7800 };

export type Method = 'household-visit' | 'online-communication' | 'group-assessment';
/** Before the as-of instant (A) or after it (B). */
export type Phase = 'A' | 'B';

export interface InspectionPlan {
  readonly contactedOn: string;
  readonly method: Method;
  readonly phase: Phase;
  readonly applicationGuide: boolean;
  /** Only asked of some: null leaves the question unanswered. */
  readonly assistancePolicy: boolean | null;
  /** Reports the record does not match: a data-quality issue and a rectification item, both accepted in A. */
  readonly mismatch: boolean;
  readonly resolveIssue: boolean;
  readonly closeItem: boolean;
  /** Reports a relapse risk; a township official accepts the at-risk suggestion in B (a lead opens). */
  readonly flag: boolean;
}

export interface MeasurePlan {
  readonly category: 'industry' | 'employment' | 'health' | 'education' | 'social-assistance';
  readonly status: 'planned' | 'started' | 'ended' | 'cancelled';
}

/** A monitoring case through the assistance API, all in phase B. */
export interface CasePlan {
  readonly outcome: 'open-lead' | 'identified' | 'rejected' | 'eliminated' | 'relapsed';
  readonly source: 'self-application' | 'cadre-inspection';
  /** The year of the lead and the procedure (2024 or 2025); today's for an open lead. */
  readonly year: 2024 | 2025;
  readonly category: 'unstable-poverty-alleviated' | 'marginal-prone-to-poverty' | 'sudden-severe-hardship';
  readonly riskTypes: readonly string[];
  readonly measures: readonly MeasurePlan[];
}

export interface HouseholdPlan {
  readonly index: number;
  readonly townshipCode: string;
  readonly villageCode: string;
  readonly householdNumber: string;
  readonly status: 'ordinary' | 'poverty-alleviated';
  /** A correction of the base status in B. */
  readonly correctedTo: 'ordinary' | 'poverty-alleviated' | null;
  readonly relocated: boolean;
  readonly labourCapable: boolean;
  /** Per-capita net income by year, yuan (one member: all wages). */
  readonly income: Readonly<Record<2023 | 2024, number>>;
  readonly inspection: InspectionPlan | null;
  readonly monitoringCase: CasePlan | null;
}

export interface CountyPlan {
  readonly countyCode: string;
  readonly townships: readonly string[];
  readonly villages: readonly string[];
  /** Its team is formed only in B, long after the teams-in-place deadline. */
  readonly lateTeamVillage: string;
  readonly households: readonly HouseholdPlan[];
}

const IN_TIME = ['2024-08-19', '2024-08-22', '2024-08-26', '2024-08-30'];
const LATE = ['2024-09-02', '2024-09-09'];
const RISKS = ['illness', 'schooling-cost', 'unstable-work', 'lack-of-labour', 'disability'];
const MEASURES = ['industry', 'employment', 'health', 'education', 'social-assistance'] as const;
const STATUSES = ['planned', 'started', 'ended', 'cancelled'] as const;
/** Outcomes of the households with a case, in order (the rest have none). */
const CASES: readonly CasePlan['outcome'][] = [
  'eliminated',
  'relapsed',
  'rejected',
  ...Array<CasePlan['outcome']>(4).fill('open-lead'),
  ...Array<CasePlan['outcome']>(14).fill('identified'),
];

/** A county of `townships` × `villagesPerTownship` × `householdsPerVillage` households from `seed`. */
export function generateCounty(
  seed: string,
  countyCode: string,
  candidates: readonly TownshipCandidate[],
  { townships = 2, villagesPerTownship = 3, householdsPerVillage = 34 } = {},
): CountyPlan {
  const random = randomOf(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const chosen = candidates.filter((c) => c.villageCodes.length >= villagesPerTownship).slice(0, townships);
  if (chosen.length < townships) throw new Error(`county ${countyCode}: fewer than ${townships} townships`);
  const villages = chosen.flatMap((c) => c.villageCodes.slice(0, villagesPerTownship));
  const households: HouseholdPlan[] = [];
  for (const villageCode of villages)
    for (let n = 0; n < householdsPerVillage; n++) {
      const index = households.length;
      const status = random() < 0.5 ? 'poverty-alleviated' : 'ordinary';
      const y2023 = 3000 + Math.floor(random() * 290) * 100;
      const y2024 = Math.max(2000, y2023 + (Math.floor(random() * 120) - 50) * 100);
      const inspected = random() < 0.94;
      const late = random() < 0.2;
      const mismatch = random() < 0.12;
      // A key group (poverty-alleviated below the filter line, an income drop) needs a household visit.
      const keyGroupRisk = status === 'poverty-alleviated' || y2024 < y2023;
      households.push({
        index,
        townshipCode: `${villageCode.slice(0, 9)}000`,
        villageCode,
        householdNumber: `RP-${villageCode.slice(6)}-${String(n + 1).padStart(3, '0')}`,
        status,
        correctedTo: random() < 0.03 ? (status === 'ordinary' ? 'poverty-alleviated' : 'ordinary') : null,
        relocated: random() < 0.1,
        labourCapable: random() < 0.8,
        income: { 2023: y2023, 2024: y2024 },
        inspection: inspected
          ? {
              contactedOn: late ? pick(LATE) : pick(IN_TIME),
              method: keyGroupRisk
                ? 'household-visit'
                : pick(['household-visit', 'online-communication', 'group-assessment']),
              phase: late ? 'B' : 'A',
              applicationGuide: random() < 0.85,
              assistancePolicy: random() < 0.5 ? random() < 0.7 : null,
              mismatch,
              resolveIssue: mismatch && random() < 0.5,
              closeItem: mismatch && random() < 0.5,
              flag: false,
            }
          : null,
        monitoringCase: null,
      });
    }
  return assignCases(county(countyCode, chosen, villages, households), random);
}

function county(
  countyCode: string,
  chosen: readonly TownshipCandidate[],
  villages: readonly string[],
  households: HouseholdPlan[],
): CountyPlan {
  return {
    countyCode,
    townships: chosen.map((c) => c.townshipCode),
    villages,
    lateTeamVillage: villages[villages.length - 1],
    households,
  };
}

/** Cases for households spread over the villages (every 7th), three flags from the inspection after them. */
function assignCases(plan: CountyPlan, random: () => number): CountyPlan {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const households = [...plan.households];
  let next = 3;
  for (const outcome of CASES) {
    const h = households[next];
    const eliminating = outcome === 'eliminated' || outcome === 'relapsed';
    const risks = eliminating ? ['illness'] : RISKS.filter(() => random() < 0.35);
    // The category follows the base status (脱贫不稳定户 only for a poverty-alleviated household).
    const categories =
      h.status === 'poverty-alleviated'
        ? (['unstable-poverty-alleviated', 'sudden-severe-hardship'] as const)
        : (['marginal-prone-to-poverty', 'sudden-severe-hardship'] as const);
    households[next] = {
      ...h,
      labourCapable: eliminating || h.labourCapable,
      correctedTo: null,
      monitoringCase: {
        outcome,
        source: pick(['self-application', 'cadre-inspection'] as const),
        year: eliminating || random() < 0.5 ? 2024 : 2025,
        category: pick(categories),
        riskTypes: risks.length === 0 ? ['illness'] : risks,
        measures: Array.from({ length: outcome === 'identified' ? Math.floor(random() * 3) : 0 }, () => ({
          category: pick(MEASURES),
          status: pick(STATUSES),
        })),
      },
    };
    next += 7;
  }
  // The inspection's leads: inspected households without a case of their own.
  let flagged = 0;
  for (let i = 5; i < households.length && flagged < 3; i += 11) {
    const h = households[i];
    if (h.monitoringCase !== null || h.inspection === null) continue;
    households[i] = { ...h, inspection: { ...h.inspection, flag: true } };
    flagged++;
  }
  return { ...plan, households };
}
