import { afterEach, describe, expect, it } from '@jest/globals';
import {
  assertStoreFormat,
  checkStoreFormat,
  CURRENT_STORE_FORMAT,
  holdsEventsBesideFormatMarker,
  newEventId,
  STORE_FORMAT_STREAM,
  StoreFormatRefused,
  type EventStore,
  type StoreFormatFacts,
} from '@relapse-watch/event-store-core';
import { collect, testEvent, uniqueStreamId } from './fixtures';

/** Opens a new, empty store each time it is called. */
export type EmptyEventStoreFactory = () => Promise<EventStore>;

function facts(overrides: Partial<StoreFormatFacts> = {}): StoreFormatFacts {
  return { eventId: newEventId(), now: '2026-12-07T08:00:00.000Z', stampedBy: 'conformance@0.0.0', ...overrides };
}

function refusal(check: Awaited<ReturnType<typeof checkStoreFormat>>): StoreFormatRefused {
  try {
    assertStoreFormat(check);
  } catch (error) {
    if (error instanceof StoreFormatRefused) return error;
    throw error;
  }
  throw new Error(`no refusal for ${JSON.stringify(check)}`);
}

/**
 * The store-format marker on a real adapter: an empty store is stamped with the current format,
 * a store written without a marker (format 1) or in another format is refused, and processes
 * starting together stamp once. Needs a new, empty store per test (unlike the main suite).
 */
export function storeFormatConformance(adapterName: string, openEmpty: EmptyEventStoreFactory): void {
  describe(`store format marker: ${adapterName}`, () => {
    const open: EventStore[] = [];
    const fresh = async () => {
      const store = await openEmpty();
      open.push(store);
      return store;
    };
    afterEach(async () => {
      await Promise.all(open.splice(0).map((store) => store.close()));
    });

    it('stamps an empty store with the current format once, and finds it current afterwards', async () => {
      const store = await fresh();
      expect(await checkStoreFormat(store, facts())).toEqual({ kind: 'stamped', format: CURRENT_STORE_FORMAT });
      expect(await checkStoreFormat(store, facts())).toEqual({ kind: 'current', format: CURRENT_STORE_FORMAT });
      const markers = await collect(store.readStream(STORE_FORMAT_STREAM));
      expect(markers).toHaveLength(1);
      expect(markers[0]).toMatchObject({
        type: 'StoreFormatStamped',
        data: { format: CURRENT_STORE_FORMAT, stampedBy: 'conformance@0.0.0' },
      });
      expect(await holdsEventsBesideFormatMarker(store)).toBe(false);
      await store.appendToStream(uniqueStreamId('registry-household'), [testEvent('HouseholdRegistered', {})]);
      expect(await holdsEventsBesideFormatMarker(store)).toBe(true);
      expect(await checkStoreFormat(store, facts())).toEqual({ kind: 'current', format: CURRENT_STORE_FORMAT });
    });

    it('refuses a store holding events but no marker (format 1) in one line saying what to do', async () => {
      const store = await fresh();
      await store.appendToStream(uniqueStreamId('registry-household'), [testEvent('HouseholdRegistered', {})]);
      const check = await checkStoreFormat(store, facts());
      expect(check).toEqual({ kind: 'older', found: null, needed: CURRENT_STORE_FORMAT });
      const error = refusal(check);
      expect(error.code).toBe('event-store.format-refused');
      expect(error.message).not.toContain('\n');
      expect(error.message).toContain('格式 1');
      expect(error.message).toContain(`this version needs format ${CURRENT_STORE_FORMAT}`);
      expect(error.message).toContain('start with an empty DATA_DIR');
      expect(await collect(store.readStream(STORE_FORMAT_STREAM))).toEqual([]);
    });

    it('refuses a store stamped with an older format, and one stamped by a newer version', async () => {
      const older = await fresh();
      await checkStoreFormat(older, facts({ format: 1 }));
      expect(await checkStoreFormat(older, facts())).toEqual({ kind: 'older', found: 1, needed: CURRENT_STORE_FORMAT });
      const newer = await fresh();
      await checkStoreFormat(newer, facts({ format: CURRENT_STORE_FORMAT + 1 }));
      const check = await checkStoreFormat(newer, facts());
      expect(check).toEqual({ kind: 'newer', found: CURRENT_STORE_FORMAT + 1, needed: CURRENT_STORE_FORMAT });
      expect(refusal(check).message).toContain('run the newer version');
    });

    it('stamps once when several starters check one empty store at once', async () => {
      const store = await fresh();
      const checks = await Promise.all([1, 2, 3, 4].map(() => checkStoreFormat(store, facts())));
      expect(checks.filter((c) => c.kind === 'stamped')).toHaveLength(1);
      expect(checks.filter((c) => c.kind === 'current')).toHaveLength(3);
      expect(await collect(store.readStream(STORE_FORMAT_STREAM))).toHaveLength(1);
    });
  });
}
