import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createContractValidator } from '@relapse-watch/contracts/testing';
import { fixedOffsetClock } from '@relapse-watch/domain-kernel';
import type { StoredEvent } from '@relapse-watch/event-store-core';
import { SqliteEventStore } from '@relapse-watch/event-store-sqlite';
import { parseCloudEvent, type RelayMapping } from '@relapse-watch/messaging-core';
import { CampaignCommands } from '../application/campaign-commands';
import { OPERATOR } from '@relapse-watch/access';
import { TeamCommands } from '../application/team-commands';
import { inspectionRelayMapper, PUBLISHED_STREAM_PREFIXES } from './inspection-relay.mapper';

// The relay's view of a campaign with a working group and a team that changes, on a real store.
const clock = fixedOffsetClock(480);
const ctx = { caller: OPERATOR, correlationId: 'relay-spec' };
let dir: string;
let store: SqliteEventStore;
let stored: StoredEvent[];
let teamId: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rw-inspection-relay-'));
  store = SqliteEventStore.open({ path: join(dir, 'events.db') });
  const policy = {
    lines: { monitoringThresholdFen: 720000, inspectionFilterLineFen: null },
    keyRegions: [{ regionId: 'kr-1', kind: 'major-natural-disaster', divisionCodes: ['511923000000'] }],
  };
  const campaigns = new CampaignCommands({ store, clock, policy: { inForce: () => Promise.resolve(policy) } });
  await campaigns.launch(
    {
      provinceCode: '51',
      year: 2024,
      launchedOn: '2024-09-01',
      teamsInPlaceBy: '2024-09-15',
      inspectBy: '2024-12-15',
      checklistVersion: '2024.1',
      ruleSetVersion: '51-2024.1',
      keyGroupRuleIds: ['key-group.income-drop'],
    },
    ctx,
  );
  await campaigns.formWorkingGroup(
    { provinceCode: '51', year: 2024, unitCode: '511923000000', members: [{ userId: 'u-lead', duty: 'leader' }] },
    ctx,
  );
  const teams = new TeamCommands({ store, clock });
  const formed = await teams.form(
    {
      campaignId: '51-2024',
      name: '一组',
      townshipCode: '511923002000',
      villageCodes: ['511923002201'],
      members: [{ userId: 'u-1', role: 'grid-worker' }],
    },
    ctx,
  );
  teamId = formed.createdId;
  await teams.changeCoverage(teamId, ['511923002202'], ctx);
  stored = [];
  for await (const e of store.readAll()) stored.push(e);
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the inspection relay mapper', () => {
  it('publishes the launch and every team event, each valid against its contract; nothing else', async () => {
    const mapper = inspectionRelayMapper(store);
    const validator = createContractValidator();
    const published: { type: string; key: string; subject: string }[] = [];
    for (const event of stored) {
      const mapped = await mapper(event);
      if (mapped === null) continue;
      for (const m of (Array.isArray(mapped) ? mapped : [mapped]) as RelayMapping[]) {
        expect(m.topic).toBe('relapsewatch.inspection.events.v1');
        const cloudEvent = parseCloudEvent(m.message.value);
        expect(validator.validate(cloudEvent.type, cloudEvent.data)).toEqual({ valid: true });
        published.push({ type: cloudEvent.type, key: m.message.key, subject: cloudEvent.subject });
      }
    }
    expect(published).toEqual([
      { type: 'cn.relapsewatch.inspection.CampaignLaunched.v1', key: '51-2024', subject: '51-2024' },
      { type: 'cn.relapsewatch.inspection.InspectionTeamFormed.v1', key: teamId, subject: teamId },
      { type: 'cn.relapsewatch.inspection.InspectionTeamChanged.v1', key: teamId, subject: teamId },
    ]);
  });

  it('reads the village reservations as private: outside the published prefixes', () => {
    const reservations = stored.filter((e) => e.streamId.startsWith('inspection-village-'));
    expect(reservations.length).toBeGreaterThan(0);
    for (const e of reservations) expect(PUBLISHED_STREAM_PREFIXES.some((p) => e.streamId.startsWith(p))).toBe(false);
  });
});
