import type { EventStore } from '@relapse-watch/event-store-core';
import { SqliteEventStore } from '@relapse-watch/event-store-sqlite';
import type { ReadStore } from '@relapse-watch/read-store-core';
import { SqliteReadStore } from '@relapse-watch/read-store-sqlite';
import {
  loadCommandLineConfig,
  type EventStoreTarget,
  type ReadStoreTarget,
} from '@relapse-watch/service-runtime/config';
import { loadReportingConfig } from '../config/reporting.config';
import type { ReportingCliIo } from './reporting-cli.io';

/** The stores a reporting command works on: the server's own, as its environment names them. */
export interface ReportingStores {
  readonly inbox: EventStore;
  readonly store: ReadStore;
  readonly utcOffsetMinutes: number;
  close(): Promise<void>;
}

async function openInbox(target: EventStoreTarget): Promise<EventStore> {
  if (target.kind === 'sqlite') return SqliteEventStore.open({ path: target.path });
  // The runtime's main entry (NestJS and the drivers), only for a server.
  const runtime = await import('@relapse-watch/service-runtime');
  return runtime.openEventStore(target);
}

async function openReads(target: ReadStoreTarget): Promise<ReadStore> {
  if (target.kind === 'sqlite') return SqliteReadStore.open({ path: target.path });
  const runtime = await import('@relapse-watch/service-runtime');
  return runtime.openReadStore(target, { serverSelectionTimeoutMs: 5_000 });
}

/** Opens the reporting's inbox log and the read store the server uses, and says which on stderr. */
export async function openReportingStores(io: ReportingCliIo): Promise<ReportingStores> {
  const env = io.env ?? {};
  const runtime = loadCommandLineConfig(env, io.cwd);
  const { inbox: inboxTarget } = loadReportingConfig(runtime, env, io.cwd);
  const inbox = await openInbox(inboxTarget);
  let store: ReadStore;
  try {
    store = await openReads(runtime.readStore);
  } catch (error) {
    await inbox.close();
    throw error;
  }
  io.err(
    `报表收件日志 / reporting inbox: ${inboxTarget.kind === 'sqlite' ? inboxTarget.path : inboxTarget.kind}；读模型库 / read store: ${runtime.readStore.kind === 'sqlite' ? runtime.readStore.path : runtime.readStore.kind}`,
  );
  return {
    inbox,
    store,
    utcOffsetMinutes: runtime.utcOffsetMinutes,
    close: async () => {
      await store.close();
      await inbox.close();
    },
  };
}
