// Spec-only support: the generated scenario projected into a read store, as the service would hold it.
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { SqliteEventStore } from '@relapse-watch/event-store-sqlite';
import type { ReadStore } from '@relapse-watch/read-store-core';
import { MongoReadStore } from '@relapse-watch/read-store-mongodb';
import { SqliteReadStore } from '@relapse-watch/read-store-sqlite';
import { serviceUrl } from '@relapse-watch/testing';
import { MongoClient } from 'mongodb';
import type { ReportEvent } from '../domain/report-event';
import type { ReportingCollections } from '../read-model/reporting-collections';
import { TierSummaryProjector } from '../read-model/tier-summary.projector';
import { keepInInbox } from './inbox-events';

/** The read stores the specs run on: a SQLite file, and a fresh FerretDB database (dropped by {@link dropDatabases}). */
export const READ_STORES: [string, (dir: string, databases: string[]) => Promise<ReadStore>][] = [
  ['SQLite', async (dir) => SqliteReadStore.open({ path: join(dir, 'read.db') })],
  [
    'MongoDB API (FerretDB)',
    async (_dir, databases) => {
      const database = `rw_reporting_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
      databases.push(database);
      return MongoReadStore.connect(serviceUrl('MONGODB_URL'), { database });
    },
  ],
];

/** Drops the FerretDB databases the specs made. */
export async function dropDatabases(databases: readonly string[]): Promise<void> {
  if (databases.length === 0) return;
  const client = new MongoClient(serviceUrl('MONGODB_URL'));
  try {
    for (const name of databases) await client.db(name).dropDatabase();
  } finally {
    await client.close();
  }
}

/** Keeps the events in a new inbox in `dir` and projects them into `store`; returns the inbox. */
export async function projectScenario(
  dir: string,
  store: ReadStore,
  collections: ReportingCollections,
  events: readonly ReportEvent[],
  utcOffsetMinutes: number,
): Promise<SqliteEventStore> {
  const inbox = SqliteEventStore.open({ path: join(dir, 'inbox.db') });
  await keepInInbox(inbox, events);
  const projector = new TierSummaryProjector({ inbox, store, collections, utcOffsetMinutes });
  await projector.start();
  await projector.waitUntil(events.length);
  await projector.stop();
  return inbox;
}
