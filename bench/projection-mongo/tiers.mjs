// The data of bench/projection-mongo's store cases: a tree of tier units (province → city →
// county → township → village, ~40,000 units) with rollup counters, household-like documents of
// ~300 bytes, and a seeded PRNG so both backends get the same ids, events and reads.

/** Branching below each tier: 2 provinces × 10 × 8 × 15 × 15 = 36,000 villages, 38,582 units in all. */
export const FANOUT = { province: 2, city: 10, county: 8, township: 15, village: 15 };
const TIERS = Object.keys(FANOUT);

/** mulberry32: a small deterministic PRNG (the same sequence on every run), values in [0, 1). */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Every unit of the tree as `{ id, tier, chain }`, where `chain` lists the unit's own id and its
 * ancestors' up to the province (what one event at a village updates). Ids look like division
 * codes: 2 digits per tier.
 */
export function tierUnits() {
  const units = [];
  const walk = (prefix, depth, chain) => {
    const tier = TIERS[depth];
    for (let i = 1; i <= FANOUT[tier]; i++) {
      const id = `${prefix}${String(i).padStart(depth === 4 ? 3 : 2, '0')}`;
      const unit = { id, tier, chain: [id, ...chain] };
      units.push(unit);
      if (depth < TIERS.length - 1) walk(id, depth + 1, unit.chain);
    }
  };
  walk('', 0, []);
  return units;
}

/** A unit's rollup document before any event (~300 bytes of JSON with its Chinese name). */
export function emptyRollup(unit) {
  const [id, parent = null] = unit.chain;
  return {
    unitCode: id,
    tier: unit.tier,
    parentCode: parent,
    countyCode: unit.chain.length >= 3 ? unit.chain[unit.chain.length - 3] : null,
    name: `${unit.tier === 'village' ? '幸福村' : '示范单位'}${id.slice(-3)}`,
    households: 0,
    monitored: 0,
    eliminated: 0,
    relapsed: 0,
    incomeSum: 0,
    byRisk: { illness: 0, disability: 0, education: 0, disaster: 0, unemployment: 0 },
    byMethod: { industry: 0, employment: 0, socialSecurity: 0 },
    lastEventAt: null,
  };
}

const RISKS = ['illness', 'disability', 'education', 'disaster', 'unemployment'];
const METHODS = ['industry', 'employment', 'socialSecurity'];

/** Folds one event at a village into a unit's counters (a new object: documents are values). */
export function foldRollup(data, event) {
  return {
    ...data,
    households: data.households + (event.kind === 0 ? 1 : 0),
    monitored: data.monitored + (event.kind === 1 ? 1 : 0),
    eliminated: data.eliminated + (event.kind === 2 ? 1 : 0),
    relapsed: data.relapsed + (event.kind === 3 ? 1 : 0),
    incomeSum: data.incomeSum + event.income,
    byRisk: { ...data.byRisk, [RISKS[event.risk]]: data.byRisk[RISKS[event.risk]] + 1 },
    byMethod: { ...data.byMethod, [METHODS[event.method]]: data.byMethod[METHODS[event.method]] + 1 },
    lastEventAt: event.at,
  };
}

/** The n-th rollup event: a random village and what happened there. */
export function rollupEvent(random, villages, n) {
  return {
    village: villages[Math.floor(random() * villages.length)],
    kind: Math.floor(random() * 4),
    risk: Math.floor(random() * RISKS.length),
    method: Math.floor(random() * METHODS.length),
    income: Math.floor(random() * 20_000),
    at: new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString(),
  };
}

/** A household-like document of ~300 bytes of JSON (what a first write of a read model holds). */
export function householdDoc(n) {
  return {
    householdId: `hh-${String(n).padStart(9, '0')}`,
    villageCode: `0101010101${String(n % 15).padStart(3, '0')}`,
    countyCode: `010101${String(n % 8).padStart(2, '0')}`,
    head: '张三丰',
    members: 1 + (n % 7),
    village: '幸福村',
    category: n % 3 === 0 ? 'edge-of-poverty' : 'monitored',
    riskType: 'illness',
    perCapitaIncome: 6_000 + (n % 10_000),
    note: '入户核实：家庭收入稳定，已落实产业帮扶措施。',
    updatedAt: '2026-12-07T08:00:00.000Z',
  };
}
