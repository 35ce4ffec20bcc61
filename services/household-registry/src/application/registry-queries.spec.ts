import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { fixedOffsetClock } from '@relapse-watch/domain-kernel';
import type { HouseholdRegisterQueries } from '../read-model/household-register.queries';
import { callerOf, OPERATOR } from '@relapse-watch/access';
import { RegistryCommands } from './registry-commands';
import { HOUSEHOLD_PAGE_SIZE, RegistryQueries } from './registry-queries';
import { openTestStore, readAll } from './testing/handler-test-store';

// 2024-12-31T16:30Z is already 1 January 2025 in Beijing (UTC+8), still 31 December in UTC.
const NEW_YEAR_IN_CHINA = new Date('2024-12-31T16:30:00Z');
const provinceOfficial = callerOf({
  kind: 'user',
  id: 'official-0001',
  role: 'province-official',
  unitCode: '510000000000',
  villageCodes: [],
});

let harness: ReturnType<typeof openTestStore>;
beforeAll(async () => {
  harness = openTestStore();
  const commands = new RegistryCommands({
    store: harness.store,
    residentIdSalt: 'registry-queries-spec-salt',
    lookups: { isKnownDivision: () => true, isKnownRegistrationPrefix: () => true },
    clock: fixedOffsetClock(480, () => NEW_YEAR_IN_CHINA),
  });
  for (const year of [2024, 2025])
    await commands.policy(
      {
        type: 'PublishMonitoringThreshold',
        data: {
          provinceCode: '51',
          year,
          amountYuan: 7000 + year,
          effectiveFrom: `${year}-01-01`,
          sourceDocument: 'doc',
        },
      },
      { caller: provinceOfficial, correlationId: 'corr-1' },
    );
});
afterAll(() => harness.dispose());

describe('RegistryQueries.provincePolicy', () => {
  it('without a date reads what is in force "today" by the clock in the configured time zone', async () => {
    const at = (offset: number) =>
      new RegistryQueries({
        events: harness.store,
        households: {} as HouseholdRegisterQueries,
        clock: fixedOffsetClock(offset, () => NEW_YEAR_IN_CHINA),
      });
    const china = await at(480).provincePolicy('51', 2025);
    expect(china.inForceOn).toBe('2025-01-01');
    expect(china.monitoringThreshold).toMatchObject({ effectiveFrom: '2025-01-01' });
    const utc = await at(0).provincePolicy('51', 2025);
    expect(utc.inForceOn).toBe('2024-12-31');
    expect(utc.monitoringThreshold).toBeNull();
  });

  it('with a date reads what is in force on that date, whatever the clock says', async () => {
    const queries = new RegistryQueries({
      events: harness.store,
      households: {} as HouseholdRegisterQueries,
      clock: fixedOffsetClock(480, () => NEW_YEAR_IN_CHINA),
    });
    expect((await queries.provincePolicy('51', 2024, '2024-06-30')).monitoringThreshold).toMatchObject({
      effectiveFrom: '2024-01-01',
    });
  });
});

describe('RegistryCommands with a clock', () => {
  it('stamps a command without `now` with the clock’s instant', async () => {
    const [event] = await readAll(harness.store, 'registry-policy-51-2025');
    expect(event.metadata.occurredAt).toBe(NEW_YEAR_IN_CHINA.toISOString());
  });
});

describe('RegistryQueries.households', () => {
  it('asks the read model for the first page when no page is given', async () => {
    const asked: unknown[] = [];
    const households = {
      list: (filter: unknown) => {
        asked.push(filter);
        return Promise.resolve({ total: 0, items: [] });
      },
    } as unknown as HouseholdRegisterQueries;
    const queries = new RegistryQueries({ events: harness.store, households, clock: fixedOffsetClock(480) });
    await queries.households({ divisionCode: '511923000000' }, OPERATOR);
    expect(asked).toEqual([{ divisionCode: '511923000000', limit: HOUSEHOLD_PAGE_SIZE, offset: 0 }]);
  });
});
