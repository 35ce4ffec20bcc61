import { afterAll, beforeAll } from '@jest/globals';
import type { SqliteEventStore } from '@relapse-watch/event-store-sqlite';
import { lineInForceOn } from '../domain/province-policy/province-policy.queries';
import { handleProvincePolicyCommand, type ProvincePolicyDeps } from './province-policy.handler';
import { commandContext, openTestStore, readAll } from './testing/handler-test-store';

let harness: ReturnType<typeof openTestStore>;
let store: SqliteEventStore;
let deps: ProvincePolicyDeps;
// Pingchang County and Bazhong City, as the division tree would know them.
const KNOWN = new Set(['511923000000', '511900000000']);
beforeAll(() => {
  harness = openTestStore();
  store = harness.store;
  deps = { store, isKnownDivision: (code) => KNOWN.has(code) };
});
afterAll(() => harness.dispose());

const scope = { provinceCode: '51', year: 2024 };

describe('handleProvincePolicyCommand', () => {
  it('publishes, revises and designates on registry-policy-51-2024, keeping the history', async () => {
    const ctx = commandContext({ divisionCode: '510000000000' });
    await handleProvincePolicyCommand(
      deps,
      {
        type: 'PublishMonitoringThreshold',
        data: { ...scope, amountYuan: '7000', effectiveFrom: '2024-01-01', sourceDocument: 'doc-12' },
      },
      ctx,
    );
    const same = await handleProvincePolicyCommand(
      deps,
      {
        type: 'PublishMonitoringThreshold',
        data: { ...scope, amountYuan: 7000, effectiveFrom: '2024-01-01', sourceDocument: 'doc-12' },
      },
      ctx,
    );
    expect(same.events).toEqual([]);
    const revised = await handleProvincePolicyCommand(
      deps,
      {
        type: 'PublishMonitoringThreshold',
        data: { ...scope, amountYuan: '7200', effectiveFrom: '2024-07-01', sourceDocument: 'doc-30' },
      },
      ctx,
    );
    expect(lineInForceOn(revised.state, 'monitoring-threshold', '2024-06-30')?.amountFen).toBe(700_000);
    expect(lineInForceOn(revised.state, 'monitoring-threshold', '2024-07-01')?.amountFen).toBe(720_000);

    const designation = {
      ...scope,
      regionId: 'kr-1',
      kind: 'priority-assistance-county' as const,
      reason: '重点帮扶县',
      effectiveFrom: '2024-03-01',
    };
    await expect(
      handleProvincePolicyCommand(
        deps,
        { type: 'DesignateKeyRegion', data: { ...designation, divisionCodes: ['511923000000', '511999000000'] } },
        ctx,
      ),
    ).rejects.toMatchObject({ code: 'division.unknown', field: 'divisionCodes.1' });
    await handleProvincePolicyCommand(
      deps,
      { type: 'DesignateKeyRegion', data: { ...designation, divisionCodes: ['511923000000'] } },
      ctx,
    );

    const stored = await readAll(store, 'registry-policy-51-2024');
    expect(stored.map((e) => e.type)).toEqual([
      'MonitoringThresholdPublished',
      'ThresholdRevised',
      'KeyRegionDesignated',
    ]);
    expect(stored[1].data).toMatchObject({
      amountFen: 720_000,
      previous: { amountFen: 700_000, effectiveFrom: '2024-01-01', sourceDocument: 'doc-12' },
    });
    expect(stored[1].metadata.divisionCode).toBe('510000000000');
  });
});
