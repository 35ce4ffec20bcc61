// Seeded households for the `rules` benchmark: facts + the round's latest answers, varied so that
// every rule kind fires on some (at risk, key groups, data-quality contradictions, rectification).
// mulberry32, so every run evaluates the same households.

export function generator(seed) {
  let state = seed | 0;
  const random = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const chance = (p) => random() < p;
  const pick = (list) => list[Math.floor(random() * list.length)];
  const int = (low, high) => low + Math.floor(random() * (high - low + 1));
  const pad2 = (n) => String(n).padStart(2, '0');
  const dateIn = (year) => `${year}-${pad2(int(1, 12))}-${pad2(int(1, 28))}`;
  const RISKS = ['illness', 'natural-disaster', 'accident', 'unstable-work', 'schooling-cost', 'disability'];
  const CAPACITIES = ['skilled', 'ordinary', 'ordinary', 'weak', 'lost', 'none'];
  const SCHOOLING = ['not-in-school', 'not-in-school', 'primary', 'junior-secondary', 'senior-secondary'];

  function member(householdIndex, index) {
    const roll = random();
    const health =
      roll < 0.8
        ? { kind: 'healthy' }
        : roll < 0.9
          ? { kind: 'chronic-illness' }
          : roll < 0.95
            ? { kind: 'serious-illness' }
            : { kind: 'disabled', grade: int(1, 4) };
    const employed = chance(0.45);
    return {
      memberId: `m-${householdIndex}-${index}`,
      relationToHead: index === 0 ? 'head' : 'child',
      health,
      healthSince: dateIn(chance(0.3) ? 2024 : 2019),
      // Labour lost goes with an illness or disability on record, save a few records (a data-quality case).
      labourCapacity: health.kind === 'healthy' && !chance(0.01) ? pick(CAPACITIES.slice(0, 4)) : pick(CAPACITIES),
      employment: employed
        ? { status: 'employed', place: 'within-county', stability: chance(0.08) ? 'unstable' : 'stable' }
        : { status: 'not-employed' },
      schooling: chance(0.005) ? 'dropped-out' : pick(SCHOOLING),
      medicalInsuranceEnrolled: chance(0.98),
      livesInHousehold: chance(0.85),
    };
  }

  function income(year, perCapita, members, transferFen) {
    const mismatch = chance(0.01) ? int(100, 5000) : 0;
    return {
      period: { kind: 'calendar-year', year },
      netIncomeFen: perCapita * members,
      perCapitaNetIncomeFen: perCapita + mismatch,
      divisorMembers: members,
      transferFen,
      recordedOn: `${year + 1}-03-15`,
    };
  }

  function facts(index) {
    const size = int(1, 6);
    const members = Array.from({ length: size }, (_, m) => member(index, m));
    const previous = int(300_000, 3_000_000);
    const latest = chance(0.12)
      ? Math.round(previous * (0.4 + random() * 0.3))
      : Math.round(previous * (0.9 + random() * 0.3));
    const transfer = int(0, 300_000);
    const riskEvents = [];
    for (let r = 0, n = chance(0.15) ? int(1, 4) : 0; r < n; r++)
      riskEvents.push({
        riskEventId: `r-${index}-${r}`,
        kind: pick(RISKS),
        occurredOn: dateIn(chance(0.5) ? 2024 : 2023),
        lossFen: int(0, 2_000_000),
      });
    const spending = int(0, 100) < 8 ? int(500_000, 6_000_000) : int(0, 300_000);
    return {
      householdId: `h-${index}`,
      villageCode: `5101${pad2(int(1, 20))}${String(int(1, 30)).padStart(3, '0')}${String(int(1, 15)).padStart(3, '0')}`,
      householdNumber: String(index),
      status: chance(0.4) ? { kind: 'poverty-alleviated', yearLeftPoverty: int(2014, 2020) } : { kind: 'ordinary' },
      flags: { relocatedToResettlementSite: chance(0.05), urbanHukou: chance(0.02) },
      members,
      incomes: [
        income(2022, previous, size, transfer),
        income(2023, latest, size, chance(0.03) ? transfer + 600_000 : transfer),
      ],
      rigidExpenditures: [
        {
          period: { kind: 'calendar-year', year: 2024 },
          medicalAfterReimbursementFen: spending,
          educationFen: 0,
          disasterLossFen: 0,
          totalFen: spending,
          recordedOn: dateIn(2024).slice(0, 5) + '06-30',
        },
      ],
      riskEvents,
      threePlusOne: {
        foodAndClothingSecured: true,
        compulsoryEducationSecured: chance(0.99),
        medicalInsuranceCovered: chance(0.98),
        housingGrade: chance(0.03) ? pick(['C', 'D']) : pick(['A', 'B']),
        drinkingWaterSafe: chance(0.99),
        recordedOn: dateIn(chance(0.5) ? 2024 : 2022).slice(0, 4) + '-05-10',
      },
      openWarnings: chance(0.05)
        ? [
            {
              rule: pick(['schooling.age-mismatch', 'household.rural-in-urban-committee']),
              field: 'profile.schooling',
              memberId: null,
              raisedOn: '2024-04-01',
            },
          ]
        : [],
      warningsRaised: 0,
      legacyMonitoring: chance(0.05)
        ? {
            category: 'marginal-prone-to-poverty',
            identifiedOn: '2022-03-01',
            riskTypes: ['illness'],
            eliminated: chance(0.5),
          }
        : null,
      registeredOn: '2023-01-10',
    };
  }

  function findings(size) {
    if (chance(0.3)) return {};
    const risk = chance(0.04);
    return {
      'relapse-risk': {
        'risk-present': risk,
        'sudden-hardship': risk && chance(0.3),
        ...(risk ? { 'main-risk-kind': pick(RISKS) } : {}),
      },
      income: { 'per-capita-estimate': int(400_000, 3_000_000), 'income-dropped': chance(0.08) },
      'assistance-measures': {
        'measures-in-place': chance(0.97),
        'development-measure': chance(0.95) ? 'yes' : 'no',
        'new-social-assistance': chance(0.03)
          ? pick(['dibao', 'extreme-poverty', 'large-temporary-assistance'])
          : 'none',
      },
      'elimination-stability': {
        'monitoring-state': chance(0.9)
          ? 'not-monitored'
          : pick(['monitored-not-eliminated', 'eliminated-stable', 'eliminated-unstable']),
      },
      'latent-risks': {
        'housing-safe': chance(0.97),
        'drinking-water-safe': chance(0.99),
        'child-dropped-out': chance(0.005),
        'all-insured': chance(0.98),
      },
      'data-quality': {
        'record-matches': chance(0.97),
        'ledger-matches': chance(0.98),
        'members-present': chance(0.97) ? size : int(1, 6),
      },
      'policy-awareness': { 'application-guide': chance(0.96), 'assistance-policy': chance(0.9) },
    };
  }

  const household = (index) => {
    const made = facts(index);
    return [made, findings(made.members.length)];
  };
  return { household };
}
