import { afterAll, beforeAll } from '@jest/globals';
import type { SqliteEventStore } from '@relapse-watch/event-store-sqlite';
import { householdStreamId } from '../domain/household/household.decider';
import { householdNumberStreamId } from '../domain/household-number-reservation/household-number-reservation.decider';
import { ReservationConflict } from '../domain/reservation/reservation-conflict.error';
import { registerHousehold as registerCommand, VILLAGE_CODE } from '../domain/testing/household.fixtures';
import { registerHousehold } from './register-household.handler';
import { commandContext, openTestStore, typesOf } from './testing/handler-test-store';

let harness: ReturnType<typeof openTestStore>;
let store: SqliteEventStore;
beforeAll(() => {
  harness = openTestStore();
  store = harness.store;
});
afterAll(() => harness.dispose());

const numberStream = (number: string) => householdNumberStreamId(VILLAGE_CODE, number);

describe('registerHousehold', () => {
  it('reserves the village household number, then registers', async () => {
    const result = await registerHousehold(
      store,
      registerCommand({ householdId: 'hh-reg-1', householdNumber: 'reg-1' }),
      commandContext(),
    );
    expect(result.events.map((e) => e.type)).toEqual(['HouseholdRegistered']);
    expect(await typesOf(store, numberStream('reg-1'))).toEqual(['HouseholdNumberReserved']);
  });

  it('two concurrent registrations of one number: exactly one wins', async () => {
    const outcomes = await Promise.allSettled([
      registerHousehold(
        store,
        registerCommand({ householdId: 'hh-race-x', householdNumber: 'race-1' }),
        commandContext(),
      ),
      registerHousehold(
        store,
        registerCommand({ householdId: 'hh-race-y', householdNumber: 'race-1' }),
        commandContext(),
      ),
    ]);
    const won = outcomes.map((o) => o.status === 'fulfilled');
    expect(won.filter(Boolean)).toHaveLength(1);
    const [winner, loser] = won[0] ? ['hh-race-x', 'hh-race-y'] : ['hh-race-y', 'hh-race-x'];
    const refusal = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
    expect(refusal.reason).toBeInstanceOf(ReservationConflict);
    expect({ code: refusal.reason.code, holder: refusal.reason.holder }).toEqual({
      code: 'household.number-in-use',
      holder: { householdId: winner },
    });
    expect(await typesOf(store, householdStreamId(winner))).toEqual(['HouseholdRegistered']);
    expect(await typesOf(store, householdStreamId(loser))).toEqual([]);
  });

  it('releases a newly reserved number when the household refuses the registration', async () => {
    await registerHousehold(
      store,
      registerCommand({ householdId: 'hh-two-numbers', householdNumber: 'first' }),
      commandContext(),
    );
    // The household is registered under another number: registering it again differently is refused.
    await expect(
      registerHousehold(
        store,
        registerCommand({ householdId: 'hh-two-numbers', householdNumber: 'second' }),
        commandContext(),
      ),
    ).rejects.toMatchObject({
      code: 'household.already-registered',
    });
    expect(await typesOf(store, numberStream('second'))).toEqual([
      'HouseholdNumberReserved',
      'HouseholdNumberReleased',
    ]);
    expect(await typesOf(store, numberStream('first'))).toEqual(['HouseholdNumberReserved']);
  });

  it('keeps the number of a registered household when a different re-registration is refused', async () => {
    await registerHousehold(
      store,
      registerCommand({ householdId: 'hh-keep-number', householdNumber: 'keep' }),
      commandContext(),
    );
    await expect(
      registerHousehold(
        store,
        registerCommand({ householdId: 'hh-keep-number', householdNumber: 'keep', status: { kind: 'ordinary' } }),
        commandContext(),
      ),
    ).rejects.toMatchObject({
      code: 'household.already-registered',
    });
    expect(await typesOf(store, numberStream('keep'))).toEqual(['HouseholdNumberReserved']);
  });

  it('the same registration again writes nothing, with or without the idempotency key', async () => {
    const command = registerCommand({ householdId: 'hh-again', householdNumber: 'again' });
    await registerHousehold(store, command, commandContext({ idempotencyKey: 'reg-again' }));
    expect((await registerHousehold(store, command, commandContext({ idempotencyKey: 'reg-again' }))).replayed).toBe(
      true,
    );
    expect((await registerHousehold(store, command, commandContext())).events).toEqual([]);
    expect(await typesOf(store, numberStream('again'))).toEqual(['HouseholdNumberReserved']);
    expect(await typesOf(store, householdStreamId('hh-again'))).toEqual(['HouseholdRegistered']);
  });
});
