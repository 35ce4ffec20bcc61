import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { serviceUrl } from '@relapse-watch/testing';
import { topicGroup } from '@relapse-watch/service-runtime';
import { CAMPAIGN, CAMPAIGN_ID, generateCounty, type CountyPlan } from './e2e/inspection-county.plan';
import { completedOn, expectedFigures, expectedProgress, methodsOf } from './e2e/inspection-county.expected';
import { call, launchWithTeams, registerCounty, townshipCandidates, type FormedTeam } from './e2e/inspection.scenario';
import { inspectCounty, lastPosition, type HouseholdOutcome } from './e2e/inspection-visits.scenario';
import { startGroupAtEnd } from './e2e/kafka-group.fixture';
import { startService, type ServiceProcess } from './e2e/service-process.fixture';

// Issue 11, item 10: a generated county inspected end to end through the public API, in the
// embedded process and in distributed mode (registry, inspection and gateway each their own
// process on PostgreSQL + Kafka + FerretDB), each held against the same figures, computed from
// the plan alone (./e2e/inspection-county.expected.ts), never read from the service.
const SEED = 'relapse-watch-inspection-scenario-51-2024';
// Nanjiang County (南江县), Bazhong: no other suite registers households there.
const COUNTY = '511922';
const REGISTRY_TOPIC = 'relapsewatch.registry.events.v1';
const running: ServiceProcess[] = [];
const folders: string[] = [];
afterAll(async () => {
  for (const service of running.reverse()) await service.stop();
  folders.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rw-e2e-scenario-'));
  folders.push(dir);
  return dir;
}

async function started(project: string, env: Record<string, string>, args: string[] = []): Promise<string> {
  const service = await startService(project, { DATA_DIR: tempDir(), ...env }, args);
  running.push(service);
  return service.url;
}

const MODES: Record<'embedded' | 'distributed', () => Promise<string>> = {
  embedded: () => started('apps/embedded', { RESIDENT_ID_SALT: `e2e-scenario-${randomUUID()}` }, ['--no-demo']),
  distributed: async () => {
    const id = randomUUID().replaceAll('-', '').slice(0, 16);
    const mongo = new URL(serviceUrl('MONGODB_URL'));
    mongo.pathname = `/e2e_scenario_${id}`;
    const shared = {
      EVENT_STORE_URL: `${serviceUrl('POSTGRES_URL')}?schema=e2e_scenario_${id}`,
      READ_STORE_URL: mongo.toString(),
      BUS_URL: serviceUrl('KAFKA_URL'),
      KEY_STORE_URL: `${serviceUrl('POSTGRES_URL')}?schema=e2e_scenario_keys_${id}`,
    };
    // The inspection's own group, started at the end of the registry's topic: it folds only this run's events.
    const group = `inspection-scenario-${id}`;
    await startGroupAtEnd(topicGroup(group, REGISTRY_TOPIC), REGISTRY_TOPIC);
    const registry = await started('services/household-registry', { ...shared, RESIDENT_ID_SALT: `e2e-${id}` });
    const inspection = await started('services/inspection', {
      ...shared,
      REGISTRY_URL: registry,
      INSPECTION_CONSUMER_GROUP: group,
    });
    return started('services/gateway', { ...shared, REGISTRY_URL: registry, INSPECTION_URL: inspection });
  },
};

/** The progress of `divisionCode`, once the read model has caught up with `position` (X-Min-Position). */
async function progressOf(base: string, divisionCode: string, position: number) {
  const path = `/api/inspection/campaigns/${CAMPAIGN_ID}/progress?divisionCode=${divisionCode}`;
  return call(base, 'GET', path, undefined, { 'x-min-position': String(position) });
}

const FIGURES = ['divisionCode', 'households', 'keyGroups', 'atRisk', 'villages'] as const;
const figuresOf = (unit: Record<string, unknown>) => Object.fromEntries(FIGURES.map((k) => [k, unit[k]]));

/** The plan covers every case the scenario checks (a guard on the seed, not on the service). */
function checkPlanCovers(county: CountyPlan) {
  const plans = county.households;
  expect(plans).toHaveLength(48);
  expect(plans.filter((h) => h.visits.some((v) => v.expect === 422)).length).toBeGreaterThan(1);
  expect(plans.filter((h) => completedOn(h) > CAMPAIGN.inspectBy).length).toBeGreaterThan(1);
  expect(plans.filter((h) => h.decision === 'accept').length).toBeGreaterThan(1);
  expect(plans.filter((h) => h.decision === 'dismiss').length).toBeGreaterThan(0);
  for (const township of county.townships) {
    const own = expectedProgress(county, township);
    expect([own.keyGroups.completed > 0, own.atRisk.suggested > 0, own.households.inScope]).toEqual([true, true, 16]);
  }
}

describe('the concentrated inspection of a generated county', () => {
  const plans: CountyPlan[] = [];
  it.each(['embedded', 'distributed'] as const)(
    '%s: coverage, late, key groups, at risk and overdue villages per township',
    async (mode) => {
      const base = await MODES[mode]();
      const county = generateCounty(SEED, COUNTY, await townshipCandidates(base, COUNTY));
      checkPlanCovers(county);
      // One expected table for both modes: the same seed over the same division table gives the same county.
      if (plans.length > 0) expect(county).toEqual(plans[0]);
      plans.push(county);
      const ids = await registerCounty(base, county);
      const { launched, teams } = await launchWithTeams(base, county);
      expect(launched.status).toBe(201);
      const outcomes = await inspectCounty(base, county, ids);
      checkHouseholds(county, outcomes);

      // The progress read model, once caught up with the last write (X-Min-Position), against the plan's figures.
      await checkProgress(base, county, teams, lastPosition(outcomes.flatMap((o) => [...o.visits, o.decision])));
    },
    600_000,
  );
});

/** The county's, each township's (with its villages) and each team's progress, as the plan computes them. */
async function checkProgress(base: string, county: CountyPlan, teams: readonly FormedTeam[], position: number) {
  const countyCode = `${county.countyCode}000000`;
  const ofCounty = await progressOf(base, countyCode, position);
  expect(ofCounty.status).toBe(200);
  expect(ofCounty.body).toMatchObject({ campaignId: CAMPAIGN_ID, divisionCode: countyCode, tier: 'county' });
  expect(figuresOf(ofCounty.body)).toEqual(expectedProgress(county, countyCode));
  const townships = (ofCounty.body['children'] as Record<string, unknown>[]).map(figuresOf);
  expect(townships).toEqual(county.townships.map((t) => expectedProgress(county, t)));
  for (const township of county.townships) {
    const own = await progressOf(base, township, position);
    expect([own.status, own.body['tier']]).toEqual([200, 'township']);
    expect(figuresOf(own.body)).toEqual(expectedProgress(county, township));
    const villages = (own.body['children'] as Record<string, unknown>[]).map(figuresOf);
    const planned = county.villages.filter((v) => v.startsWith(township.slice(0, 9)));
    expect(villages).toEqual(planned.map((v) => expectedProgress(county, v)));
  }
  for (const { teamId, villageCodes } of teams) {
    const own = await call(base, 'GET', `/api/inspection/teams/${teamId}/progress`, undefined, {
      'x-min-position': String(position),
    });
    const { campaignId: _campaign, teamId: _team, ...figures } = own.body;
    expect([own.status, own.body['teamId']]).toEqual([200, teamId]);
    expect(figures).toEqual(expectedFigures(county, villageCodes));
  }
}

const DECIDED = { accept: 'accepted', dismiss: 'dismissed', none: null } as const;

/** Each household as the service answered, held against its plan. */
function checkHouseholds(county: CountyPlan, outcomes: readonly HouseholdOutcome[]) {
  for (const [i, plan] of county.households.entries()) {
    const { visits, decision, inspection } = outcomes[i];
    const seen = { household: i, statuses: visits.map((v) => v.status) };
    expect(seen).toEqual({ household: i, statuses: plan.visits.map((v) => v.expect) });
    for (const refused of visits.filter((v) => v.status === 422)) {
      expect(refused.body).toMatchObject({ code: 'inspection.household-visit-required', field: 'method' });
      expect(refused.body['message']).toContain(plan.keyGroup);
    }
    const completion = inspection.body['completion'] as Record<string, unknown>;
    expect({ household: i, ...completion, methods: [...(completion['methods'] as string[])].sort() }).toMatchObject({
      household: i,
      completedOn: completedOn(plan),
      late: completedOn(plan) > CAMPAIGN.inspectBy,
      methods: methodsOf(plan).sort(),
      keyGroupRuleIds: plan.keyGroup === null ? [] : [plan.keyGroup],
    });
    const suggestions = inspection.body['suggestions'] as {
      suggestion: { kind: string; ruleId: string };
      decision: { kind: string } | null;
    }[];
    const atRisk = suggestions.filter((s) => s.suggestion.kind === 'at-risk');
    expect({ household: i, atRisk: atRisk.map((s) => [s.suggestion.ruleId, s.decision?.kind ?? null]) }).toEqual({
      household: i,
      atRisk: plan.atRisk ? [['at-risk.relapse-risk-finding', DECIDED[plan.decision ?? 'none']]] : [],
    });
    if (decision !== null) expect(decision.status).toBe(200);
  }
}
