import { randomUUID } from 'node:crypto';
import type { EventStore, NewEvent } from '@relapse-watch/event-store-core';
import { testEvent, uniqueStreamId } from '@relapse-watch/event-store-testing';
import type { Projection } from '@relapse-watch/read-store-core';

/** The document of the households-per-village read model used by projection-runner specs. */
export interface VillageSummary {
  readonly villageCode: string;
  readonly households: number;
}

/**
 * Households per village: the small read model every projection-runner spec runs, on any
 * read-store adapter. A suffix gives the projection and its collection names of their own,
 * so tests can share one database.
 */
export function householdsPerVillageProjection(suffix = ''): Projection<VillageSummary> {
  const name = suffix ? `households-per-village-${suffix}` : 'households-per-village';
  return {
    name,
    collection: name,
    handles: ['HouseholdRegistered', 'HouseholdDeregistered'],
    documentId: (event) => (event.data as { villageCode: string }).villageCode,
    evolve(doc, event) {
      const { villageCode } = event.data as { villageCode: string };
      const households = (doc?.households ?? 0) + (event.type === 'HouseholdRegistered' ? 1 : -1);
      return households <= 0 ? null : { villageCode, households };
    },
    indexes: [['households']],
  };
}

/** A household registered in the village. */
export const registered = (villageCode: string): NewEvent =>
  testEvent('HouseholdRegistered', { householdId: randomUUID(), villageCode });
/** A household deregistered from the village. */
export const deregistered = (villageCode: string): NewEvent =>
  testEvent('HouseholdDeregistered', { householdId: randomUUID(), villageCode });
/** An event the projection does not handle. */
export const noise = (): NewEvent => testEvent('InspectionCompleted', { findings: 7 });
/** `count` events made by `make`. */
export const many = (count: number, make: (i: number) => NewEvent): NewEvent[] =>
  Array.from({ length: count }, (_, i) => make(i));

/** Appends each event to a stream of its own, concurrently; returns the highest position written. */
export async function appendAll(store: EventStore, events: readonly NewEvent[]): Promise<number> {
  const results = await Promise.all(events.map((e) => store.appendToStream(uniqueStreamId('registry-household'), [e])));
  return Math.max(0, ...results.map((r) => r.lastPosition));
}
