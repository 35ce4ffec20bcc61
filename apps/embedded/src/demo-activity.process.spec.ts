import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from '@jest/globals';
import { adminTestToken } from '@relapse-watch/testing';
import type { DemoActivitySummary } from './demo/demo-activity';
import { newDataDir, startEmbedded as start } from './embedded-process.fixture';

// `npm start` on an empty store (the default demo): after the county's households, the year's
// campaign, visits with findings, decisions, the caseload and cases under way — each figure read
// back through the services' own APIs against what the seeding says it created (its summary line).
// Dated from the test clock (TEST_CLOCK_START, 7 December 2026), so the campaign is 51-2026.

const COUNTY = '511923000000';

/** A response body, read field by field by the checks below. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Body = Record<string, any>;

async function get(url: string, path: string): Promise<{ status: number; body: Body }> {
  const res = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${await adminTestToken()}` } });
  return { status: res.status, body: (await res.json()) as Body };
}

/** Reads until `read` answers what is expected (a read model catching up), or the last answer after `tries`. */
async function eventually<T>(read: () => Promise<T>, expected: T, tries = 240): Promise<T> {
  let last = await read();
  for (let i = 0; i < tries && JSON.stringify(last) !== JSON.stringify(expected); i++) {
    await new Promise((r) => setTimeout(r, 500));
    last = await read();
  }
  return last;
}

/** Events the demo's seeding wrote (its actor on every one), straight from the embedded event store. */
function demoEvents(dataDir: string): number {
  const db = new DatabaseSync(join(dataDir, 'events.db'), { readOnly: true });
  try {
    const row = db
      .prepare(
        `SELECT count(*) AS n FROM events WHERE metadata LIKE '%"system:demo-seed"%' OR metadata LIKE '%"demo-seed"%'`,
      )
      .get() as { n: number };
    return row.n;
  } finally {
    db.close();
  }
}

describe('the embedded process’s demo activity', () => {
  it('answers at once, then seeds the campaign, visits, findings and cases the summary names; a second start writes nothing', async () => {
    const dataDir = newDataDir();
    const first = start(dataDir);
    const url = await first.url;
    // The server listens before the seed is done: it answers while nothing of the demo is logged yet.
    expect((await get(url, '/api/system/info')).status).toBe(200);
    expect(first.logs.some((l) => l['households'] !== undefined || l['demoActivity'] !== undefined)).toBe(false);

    let line: Record<string, unknown> | undefined;
    for (let i = 0; i < 2_400 && line === undefined; i++) {
      await new Promise((r) => setTimeout(r, 500));
      line = first.logs.find(
        (l) => l['demoActivity'] !== undefined || l['msg'] === '演示活动载入失败 / demo activity seeding failed',
      );
    }
    expect(line?.['msg']).toBe('已载入演示活动（平昌县）/ demo activity seeded');
    const summary = line!['demoActivity'] as DemoActivitySummary;
    const parts = first.logs.filter((l) => l['demoPart'] !== undefined).map((l) => l['demoPart']);
    expect(parts).toEqual(['caseload', 'campaign', 'visits', 'cases']);

    // What the plan must hold for the pages to show something on every list.
    expect(summary).toMatchObject({
      today: '2026-12-07',
      campaignId: '51-2026',
      stopped: false,
      policyPublished: true,
    });
    const { villages, visits, caseload, procedures } = summary;
    expect(summary.teams).toBeGreaterThan(0);
    expect(villages.uncovered).toBeGreaterThan(0);
    expect(villages.late).toBeGreaterThan(0);
    expect(visits.completed).toBeGreaterThan(0);
    expect(visits.householdsVisited).toBeLessThan(3_000);
    expect(visits.dataQualityIssuesOpened).toBeGreaterThan(visits.dataQualityIssuesResolved);
    expect(visits.rectificationItemsOpened).toBeGreaterThan(visits.rectificationItemsClosed);
    expect(visits.accepted.atRisk).toBeGreaterThan(0);
    expect(caseload.cases).toBeGreaterThan(0);
    expect(caseload.rejectedRows).toBe(0);
    expect(procedures.leadCases).toBeGreaterThan(0);

    // The campaign and its teams, through the inspection's API.
    const campaign = await get(url, '/api/inspection/campaigns/51-2026');
    expect(campaign.body).toMatchObject({
      launchedOn: summary.launchedOn,
      teamsInPlaceBy: summary.teamsInPlaceBy,
      inspectBy: summary.inspectBy,
    });
    const teams = await eventually(
      async () =>
        ((await get(url, `/api/inspection/campaigns/51-2026/teams?unitCode=${COUNTY}`)).body['items'] as unknown[])
          .length,
      summary.teams,
    );
    expect(teams).toBe(summary.teams);

    // Progress: households done, villages with a team and overdue, households flagged at risk.
    const progress = async () => {
      const { body } = await get(url, `/api/inspection/campaigns/51-2026/progress?divisionCode=${COUNTY}`);
      return {
        done: body['households']?.['done'],
        late: body['households']?.['late'],
        villages: body['villages']?.['inScope'],
        withTeam: body['villages']?.['withTeam'],
        villagesOverdue: body['villages']?.['overdue'],
        flagged: body['atRisk']?.['flagged'],
      };
    };
    const expectedProgress = {
      done: visits.completed,
      late: visits.completedLate,
      villages: villages.inScope,
      withTeam: villages.onTime + villages.late,
      villagesOverdue: villages.uncovered,
      flagged: visits.flagged,
    };
    expect(await eventually(progress, expectedProgress)).toEqual(expectedProgress);

    // Cases: the imported caseload and the cases the inspection's leads opened, by phase.
    const cases = async (query = '') =>
      (await get(url, `/api/assistance/cases?divisionCode=${COUNTY}${query}`)).body['total'] as number;
    const allCases = caseload.cases + procedures.leadCases;
    expect(await eventually(() => cases(), allCases)).toBe(allCases);
    for (const [phase, count] of Object.entries(procedures.byPhase))
      expect({ phase, count: await eventually(() => cases(`&phase=${phase}`), count) }).toEqual({ phase, count });
    const stillLeads = procedures.leadCases - Object.values(procedures.byPhase).reduce((a, b) => a + b, 0);
    expect(await eventually(() => cases('&phase=lead'), stillLeads)).toBe(stillLeads);
    if (procedures.overdueMarked > 0)
      expect(await eventually(() => cases('&overdue=true').then((n) => n > 0), true)).toBe(true);

    expect(await first.stop()).toBe(0);
    const written = demoEvents(dataDir);
    expect(written).toBeGreaterThan(3_000);

    // A second start on the same data: the store is not empty, so no part of the demo runs.
    const second = start(dataDir);
    const again = await second.url;
    expect((await get(again, '/api/inspection/campaigns/51-2026')).status).toBe(200);
    await new Promise((r) => setTimeout(r, 5_000));
    expect(
      second.logs.some(
        (l) => l['households'] !== undefined || l['demoPart'] !== undefined || l['demoActivity'] !== undefined,
      ),
    ).toBe(false);
    expect(await second.stop()).toBe(0);
    expect(demoEvents(dataDir)).toBe(written);
  }, 1_800_000);
});
