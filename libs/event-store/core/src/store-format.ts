import { EventStoreError, WrongExpectedRevision } from './errors';
import type { EventStore } from './event-store.port';
import type { StoredEvent } from './types';

/**
 * Version of what the services write into the event store. A version that reads events
 * differently (format 2: personal data encrypted with a per-household key, issue 10) raises it,
 * and a store written in another format is refused at start instead of being misread.
 */
export const CURRENT_STORE_FORMAT = 2;

/**
 * Stream of the store's format marker: outside every context's prefix (`registry-…`), so no
 * projection handles it and no relay publishes it. Plain, not `$`-prefixed: KurrentDB keeps
 * `$` streams for itself.
 */
export const STORE_FORMAT_STREAM = 'system-store-format';

/** Type of the marker event; its data is {@link StoreFormatStampedData}. */
export const STORE_FORMAT_STAMPED = 'StoreFormatStamped';

/** Data of a {@link STORE_FORMAT_STAMPED} event. */
export interface StoreFormatStampedData {
  readonly format: number;
  /** The software that stamped it, `name@version`, for the operator reading the log. */
  readonly stampedBy: string;
}

/** What the caller supplies: the marker's id and time are never made here. */
export interface StoreFormatFacts {
  readonly eventId: string;
  readonly now: string;
  /** `name@version` of the service or tool starting on the store. */
  readonly stampedBy: string;
  /** The format this software writes; {@link CURRENT_STORE_FORMAT} by default. */
  readonly format?: number;
}

/** How the store's format compares with the software's. */
export type StoreFormatCheck =
  | { readonly kind: 'stamped'; readonly format: number }
  | { readonly kind: 'current'; readonly format: number }
  /** `found` null: events but no marker, i.e. written before markers existed (format 1). */
  | { readonly kind: 'older'; readonly found: number | null; readonly needed: number }
  | { readonly kind: 'newer'; readonly found: number; readonly needed: number };

/** An empty store racing with another starter is re-read at most this many times. */
const MAX_ATTEMPTS = 3;

/**
 * Checks the store's format marker, stamping an empty store with the software's format. A
 * store holding events but no marker was written by format 1. Safe when several processes
 * start on one store together: the stamp is appended only to a stream that does not exist yet,
 * and the loser of that race reads the winner's marker.
 */
export async function checkStoreFormat(store: EventStore, facts: StoreFormatFacts): Promise<StoreFormatCheck> {
  const needed = facts.format ?? CURRENT_STORE_FORMAT;
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const marker = await lastOf(store.readStream(STORE_FORMAT_STREAM, { direction: 'backwards', maxCount: 1 }));
    if (marker !== undefined) return compare(formatOf(marker), needed);
    const first = await lastOf(store.readAll({ maxCount: 1 }));
    if (first !== undefined && first.streamId !== STORE_FORMAT_STREAM) return { kind: 'older', found: null, needed };
    if (first === undefined) {
      try {
        await store.appendToStream(STORE_FORMAT_STREAM, [stampOf(facts, needed)], { expectedRevision: 'no_stream' });
        return { kind: 'stamped', format: needed };
      } catch (error) {
        if (!(error instanceof WrongExpectedRevision)) throw error;
      }
    }
  }
  throw new Error(`Store format marker of ${STORE_FORMAT_STREAM} still unsettled after ${MAX_ATTEMPTS} reads`);
}

/**
 * Start-up refused: the store was written in another format. The message is the one line the
 * operator reads — what happened and what to do, in Chinese and English.
 */
export class StoreFormatRefused extends EventStoreError {
  readonly code = 'event-store.format-refused';
  constructor(readonly check: Extract<StoreFormatCheck, { kind: 'older' | 'newer' }>) {
    super(refusalText(check));
    this.name = 'StoreFormatRefused';
  }
}

/** Throws {@link StoreFormatRefused} unless the check found (or stamped) the software's format. */
export function assertStoreFormat(check: StoreFormatCheck): void {
  if (check.kind === 'older' || check.kind === 'newer') throw new StoreFormatRefused(check);
}

function refusalText(check: Extract<StoreFormatCheck, { kind: 'older' | 'newer' }>): string {
  if (check.kind === 'newer') {
    return (
      `事件库由较新版本写入（格式 ${check.found}），本版本只能读取格式 ${check.needed}：请用较新版本启动 / ` +
      `the event store was written in format ${check.found} by a newer version; this version reads format ${check.needed}: run the newer version`
    );
  }
  const found = check.found === null ? '格式 1，无格式标记' : `格式 ${check.found}`;
  const foundEn = check.found === null ? 'format 1, no format marker' : `format ${check.found}`;
  return (
    `事件库由旧版本写入（${found}），本版本需要格式 ${check.needed}（个人信息加密存储）：请用空的 DATA_DIR（或空的事件库）启动并重新导入农户表格 / ` +
    `the event store was written by an older version (${foundEn}); this version needs format ${check.needed} (personal data encrypted): ` +
    'start with an empty DATA_DIR (or an empty event store) and re-import the household sheets'
  );
}

/**
 * Whether the store holds anything besides its format marker: what "an empty store" means to
 * a seeder that only writes into empty stores.
 */
export async function holdsEventsBesideFormatMarker(store: EventStore): Promise<boolean> {
  for await (const event of store.readAll({ maxCount: 2 })) if (event.streamId !== STORE_FORMAT_STREAM) return true;
  return false;
}

function compare(found: number, needed: number): StoreFormatCheck {
  if (found === needed) return { kind: 'current', format: found };
  return found < needed ? { kind: 'older', found, needed } : { kind: 'newer', found, needed };
}

// A marker whose data is not a format number counts as the oldest format: refused, not trusted.
function formatOf(event: StoredEvent): number {
  const format = (event.data as Partial<StoreFormatStampedData> | null)?.format;
  return typeof format === 'number' && Number.isSafeInteger(format) && format >= 1 ? format : 1;
}

function stampOf(facts: StoreFormatFacts, format: number) {
  const data: StoreFormatStampedData = { format, stampedBy: facts.stampedBy };
  return {
    id: facts.eventId,
    type: STORE_FORMAT_STAMPED,
    data,
    metadata: {
      actor: { userId: 'system', role: 'system' },
      divisionCode: '000000000000',
      correlationId: facts.eventId,
      causationId: null,
      occurredAt: facts.now,
    },
  };
}

async function lastOf(events: AsyncIterable<StoredEvent>): Promise<StoredEvent | undefined> {
  let last: StoredEvent | undefined;
  for await (const event of events) last = event;
  return last;
}
