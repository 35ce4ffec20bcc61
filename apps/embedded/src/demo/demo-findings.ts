import type { SeededRandom } from '@relapse-watch/household-registry';
import type { AnswerValue, Findings, HouseholdFacts, InspectionArea } from '@relapse-watch/inspection-rules';

/** Where a household stands in the demo caseload when it is visited. */
export type DemoMonitoring = 'not-monitored' | 'monitored' | 'eliminated';

const RISK_KINDS = ['illness', 'disability', 'unstable-work', 'natural-disaster', 'schooling-cost', 'accident'];
const DROP_REASONS = ['illness', 'disaster', 'job-loss', 'industry-failure', 'farm-price-drop', 'other'];
// What a field worker writes when the record is off: never a name, an ID number or a phone.
const MISMATCHES = [
  '务工信息未更新 / employment not updated',
  '家庭人口变化未登记 / a change of members not recorded',
  '收入台账与系统不一致 / the income ledger differs from the system',
];

/**
 * The answers of a demo visit to checklist 2024.1, drawn from the seed on what the household's
 * record says: most households are found as recorded, a few percent each show a relapse risk, an
 * income drop, unsafe housing or water, a member uninsured, a record or ledger that does not
 * match, or no "how to apply" leaflet — so the campaign's rules raise suggestions, data-quality
 * issues and rectification items on some households, as a real campaign's do. An answer that
 * differs from the record (housing, water, insurance, members) is what the data-quality rules
 * compare.
 */
export function demoFindings(facts: HouseholdFacts, monitoring: DemoMonitoring, random: SeededRandom): Findings {
  const record = facts.threePlusOne;
  const latestIncome = facts.incomes.at(-1);
  const atRisk = random.chance(monitoring === 'monitored' ? 0.08 : 0.03);
  const dropped = atRisk ? random.chance(0.5) : random.chance(0.02);
  const flip = (recorded: boolean | undefined, p: number) => (recorded ?? true) !== random.chance(p);
  const housingSafe = flip(record === null ? true : record.housingGrade === 'A' || record.housingGrade === 'B', 0.015);
  const recordMatches = !random.chance(0.025);
  const membersPresent = random.chance(0.012)
    ? facts.members.length + (random.chance(0.5) ? 1 : -1)
    : facts.members.length;
  const eliminatedUnstable = monitoring === 'eliminated' && random.chance(0.08);
  const answers: Record<InspectionArea, Record<string, AnswerValue>> = {
    'relapse-risk': {
      'risk-present': atRisk,
      'sudden-hardship': atRisk && random.chance(0.3),
      ...(atRisk ? { 'main-risk-kind': RISK_KINDS[random.int(0, RISK_KINDS.length - 1)] } : {}),
    },
    income: {
      'per-capita-estimate': Math.max(0, latestIncome?.perCapitaNetIncomeFen ?? random.int(900_000, 3_000_000)),
      'income-dropped': dropped,
      ...(dropped ? { 'drop-reason': DROP_REASONS[random.int(0, DROP_REASONS.length - 1)] } : {}),
    },
    'assistance-measures': {
      'measures-in-place': monitoring !== 'monitored' || !random.chance(0.05),
      'development-measure': monitoring === 'monitored' && random.chance(0.05) ? 'no' : 'yes',
      'new-social-assistance': random.chance(0.01) ? 'dibao' : 'none',
    },
    'elimination-stability': {
      'monitoring-state':
        monitoring === 'not-monitored'
          ? 'not-monitored'
          : monitoring === 'monitored'
            ? 'monitored-not-eliminated'
            : eliminatedUnstable
              ? 'eliminated-unstable'
              : 'eliminated-stable',
      ...(monitoring === 'eliminated' ? { 'income-stable-six-months': !eliminatedUnstable } : {}),
    },
    'latent-risks': {
      'housing-safe': housingSafe,
      'drinking-water-safe': flip(record?.drinkingWaterSafe, 0.01),
      'child-dropped-out': random.chance(0.003),
      'all-insured': flip(record?.medicalInsuranceCovered, 0.012),
    },
    'data-quality': {
      'record-matches': recordMatches,
      'ledger-matches': !random.chance(0.01),
      'members-present': Math.max(1, membersPresent),
      ...(recordMatches ? {} : { 'mismatch-detail': MISMATCHES[random.int(0, MISMATCHES.length - 1)] }),
    },
    'policy-awareness': {
      'application-guide': !random.chance(0.04),
      ...(monitoring === 'not-monitored' ? {} : { 'assistance-policy': !random.chance(0.05) }),
    },
  };
  return Object.fromEntries(
    Object.entries(answers).map(([area, areaAnswers]) => [area, { answers: areaAnswers, note: null, evidence: [] }]),
  );
}
