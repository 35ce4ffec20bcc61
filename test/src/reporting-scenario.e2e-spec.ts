import { isDeepStrictEqual } from 'node:util';
import { afterAll, describe, expect, it } from '@jest/globals';
import { adminTestToken, testAccessToken } from '@relapse-watch/testing';
import { deployAssistance, stopDeployments } from './e2e/assistance-deployment.fixture';
import { call, until } from './e2e/inspection.scenario';
import { generateCounty, PROVINCE, type CountyPlan, type Phase } from './e2e/reporting-county.plan';
import { expectedReport } from './e2e/reporting-county.expected';
import {
  formLateTeam,
  inspectPhase,
  launchWithTeams,
  openLeads,
  registerCounty,
  townshipCandidates,
  type LastWrites,
} from './e2e/reporting-county.drive';
import { runCases, settleInspections } from './e2e/reporting-cases.drive';

// Issue 13, item 7: a generated county (2 townships × 3 villages × 34 households of Jiajiang
// County, Leshan) driven through the registry, inspection and assistance APIs only, in two phases;
// every tier's report (each village, township, the county, the city, the province; 2024–2026)
// held against figures the plan alone gives (e2e/reporting-county.expected.ts); a report as of an
// instant between the phases equal to the live one then, and byte for byte the same after phase
// B; the embedded and the distributed deployments giving the same JSON. Each deployment has fresh
// stores (and, distributed, consumer groups started at the end of the topics), so even the
// province's figures are this county's alone.
const SEED = 'relapse-watch-reporting-scenario-42-2024';
const COUNTY = '511126';
const YEARS = [2024, 2025, 2026];
afterAll(stopDeployments);

function unitsOf(county: CountyPlan): string[] {
  const code = county.countyCode;
  return [
    ...county.villages,
    ...county.townships,
    `${code}000000`,
    `${code.slice(0, 4)}00000000`,
    `${PROVINCE}0000000000`,
  ];
}

/** A report's status and its body exactly as sent. */
async function reportText(base: string, unit: string, year: number, asOf?: string) {
  const query = `year=${year}${asOf === undefined ? '' : `&asOf=${encodeURIComponent(asOf)}`}`;
  const res = await fetch(`${base}/api/reporting/units/${unit}?${query}`, {
    headers: { authorization: `Bearer ${await adminTestToken()}` },
  });
  return { status: res.status, text: await res.text() };
}

/**
 * Every unit's report of every year once the reporting has caught up with `phase` (polled until it
 * reads as expected, for at most three minutes), held against the expected figures; their texts.
 */
async function settled(base: string, county: CountyPlan, phase: Phase): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  const deadline = Date.now() + 180_000;
  for (const unit of unitsOf(county))
    for (const year of YEARS) {
      const expected = expectedReport(county, unit, year, phase);
      let got = await reportText(base, unit, year);
      while (Date.now() < deadline && !(got.status === 200 && isDeepStrictEqual(JSON.parse(got.text), expected))) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        got = await reportText(base, unit, year);
      }
      expect({ unit, year, status: got.status, report: JSON.parse(got.text) }).toEqual({
        unit,
        year,
        status: 200,
        report: expected,
      });
      texts.set(`${unit}/${year}`, got.text);
    }
  return texts;
}

/**
 * The instant between the phases: the latest event time of phase A (each service's last write of
 * A, read back from its audit trail), once every service's clock has passed it — each process's
 * clock started on the scenario's day when it started, so they differ by seconds; the offset of
 * each is bounded below by its last event's time minus when its answer came back.
 */
async function boundary(base: string, writes: LastWrites): Promise<string> {
  const auditor = await testAccessToken({
    sub: 'e2e-auditor',
    kind: 'user',
    role: 'auditor',
    unit: `${PROVINCE}0000000000`,
  });
  let instant = 0;
  const offsets: number[] = [];
  for (const context of ['registry', 'inspection', 'assistance'] as const) {
    const write = writes[context]!;
    const part = await until(
      () =>
        call(base, 'GET', `/api/${context}/audit/households/${write.householdId}`, undefined, {
          authorization: `Bearer ${auditor}`,
        }),
      (a) =>
        a.status === 200 && (a.body['entries'] as { position: number }[]).some((e) => e.position >= write.position),
    );
    const times = (part.body['entries'] as { occurredAt: string }[]).map((e) => Date.parse(e.occurredAt));
    expect({ context, status: part.status }).toEqual({ context, status: 200 });
    instant = Math.max(instant, ...times);
    offsets.push(Math.max(...times) - write.answeredAt);
  }
  while (offsets.some((offset) => Date.now() + offset <= instant))
    await new Promise((resolve) => setTimeout(resolve, 20));
  return new Date(instant).toISOString();
}

/** Every unit's as-of report (retried while the reporting's own clock has not reached the instant). */
async function asOfTexts(base: string, county: CountyPlan, asOf: string): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  for (const unit of unitsOf(county))
    for (const year of YEARS) {
      let got = await reportText(base, unit, year, asOf);
      for (let i = 0; i < 100 && got.status === 422 && got.text.includes('report.as-of-in-future'); i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        got = await reportText(base, unit, year, asOf);
      }
      expect({ unit, year, status: got.status }).toEqual({ unit, year, status: 200 });
      texts.set(`${unit}/${year}`, got.text);
    }
  return texts;
}

describe('tier reports of a generated county, live and as of an instant, embedded and distributed', () => {
  const finals = new Map<string, Map<string, string>>();
  it.each(['embedded', 'distributed'] as const)(
    '%s: every tier against the plan; as of the phase boundary equal to live then and unchanged after',
    async (mode) => {
      const base = await deployAssistance(mode, { reporting: true, deadlineWatchMs: '0' });
      const county = generateCounty(SEED, COUNTY, await townshipCandidates(base, COUNTY));
      expect(county.households.length).toBeGreaterThanOrEqual(200);
      const writes: LastWrites = {};

      // Phase A: the register, the campaign, the in-time visits, every case's lead.
      const ids = await registerCounty(base, county, writes);
      await launchWithTeams(base, county, ids);
      await inspectPhase(base, county, ids, 'A', writes);
      const caseIds = await openLeads(base, county, ids, writes);
      const asOf = await boundary(base, writes);
      const liveA = await settled(base, county, 'A');
      const before = await asOfTexts(base, county, asOf);
      for (const [key, text] of before)
        expect({ key, asOf: JSON.parse(text) }).toEqual({ key, asOf: JSON.parse(liveA.get(key)!) });
      for (const [key, text] of before) expect({ key, text }).toEqual({ key, text: liveA.get(key) });

      // Phase B: the late team and visits, the cases' procedures, issues and items settled, flags.
      await formLateTeam(base, county);
      await inspectPhase(base, county, ids, 'B', writes);
      await settleInspections(base, county, ids);
      await runCases(base, county, ids, caseIds);
      const final = await settled(base, county, 'B');
      const after = await asOfTexts(base, county, asOf);
      for (const [key, text] of after) expect({ key, text }).toEqual({ key, text: before.get(key) });

      // The same JSON in both modes.
      const other = [...finals.values()][0];
      if (other !== undefined)
        for (const [key, text] of final) expect({ key, text }).toEqual({ key, text: other.get(key) });
      finals.set(mode, final);
    },
    900_000,
  );
});
