import type { ReadStore } from '@relapse-watch/read-store-core';
import {
  ACTIVE_GENERATION_ID,
  REPORTING_META_COLLECTION,
  reportingCollections,
  type ReportingCollections,
} from './reporting-collections';

/** The pointer document: which generation queries read. */
export interface ActiveGeneration {
  readonly generation: number;
  /** When it was made live, RFC 3339. */
  readonly activatedAt: string;
}

/** The generation queries read now; 1 when no rebuild ever moved the pointer. */
export async function activeGeneration(store: ReadStore): Promise<ReportingCollections> {
  const pointer = await store.get<ActiveGeneration>(REPORTING_META_COLLECTION, ACTIVE_GENERATION_ID);
  return reportingCollections(pointer?.data.generation ?? 1);
}

/**
 * Makes `generation` the live one. The pointer document's position is the generation number, so
 * an older generation can never be made live again by a late writer (the position guard).
 */
export async function activateGeneration(store: ReadStore, generation: number, at: Date): Promise<boolean> {
  return store.put<ActiveGeneration>(REPORTING_META_COLLECTION, {
    id: ACTIVE_GENERATION_ID,
    position: generation,
    data: { generation, activatedAt: at.toISOString() },
  });
}

/** Drops every collection of a generation, checkpoint included (a generation that was replaced). */
export async function dropGeneration(store: ReadStore, collections: ReportingCollections): Promise<void> {
  await store.resetCheckpoint(collections.checkpoint);
  for (const collection of [collections.units, collections.contexts, collections.households])
    await store.dropCollection(collection);
}

/** The live generation, held where queries read it and the subscribers move it. */
export class LiveGeneration {
  constructor(private current: ReportingCollections) {}

  get collections(): ReportingCollections {
    return this.current;
  }

  set collections(next: ReportingCollections) {
    this.current = next;
  }
}
