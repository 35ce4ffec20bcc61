import type { EventData, RecordedEvent } from '@kurrent/kurrentdb-client';
import {
  isPlainObject,
  type EventMetadata,
  type PreparedEvent,
  type StoredEvent,
} from '@relapse-watch/event-store-core';
import { positionFromKurrent, revisionFromKurrent } from './positions';

/** Key of our part of a KurrentDB event's metadata; its presence marks an event as ours. */
export const ENVELOPE_KEY = 'relapseWatch';
/** Layout version of the envelope, so a later layout can be told apart from this one. */
export const ENVELOPE_FORMAT = 1;

/** What the port stores per event that KurrentDB has no field for. */
export type EnvelopeFields = {
  readonly format: typeof ENVELOPE_FORMAT;
  readonly schemaVersion: number;
  readonly recordedAt: string;
  readonly prevHash: string | null;
  readonly hash: string;
  readonly metadata: EventMetadata;
};

/**
 * A KurrentDB event's metadata as this adapter writes it. `$correlationId` and
 * `$causationId` are KurrentDB's own conventions (its `$bi-correlation` projection and UI
 * read them); everything the port needs lives under {@link ENVELOPE_KEY}. A type alias,
 * not an interface, so that it is assignable to the client's JSON metadata type.
 */
export type MetadataEnvelope = {
  readonly $correlationId: string;
  readonly $causationId?: string;
  readonly [ENVELOPE_KEY]: EnvelopeFields;
};

/** An event ready for `appendToStream`, with its place in the hash chain. */
export interface ChainedEvent {
  readonly event: PreparedEvent;
  readonly recordedAt: string;
  readonly prevHash: string | null;
  readonly hash: string;
}

/**
 * The client event for a prepared event. Data and metadata are re-parsed from the JSON text
 * the hash was computed over: the client serialises them again with JSON.stringify, which
 * gives back exactly that text (stringify∘parse is the identity on stringify's output), and
 * a caller mutating its objects while the append waits cannot change what is written.
 */
export function toEventData(chained: ChainedEvent): EventData {
  const { event } = chained;
  const metadata = JSON.parse(event.metadataJson) as EventMetadata;
  const envelope: MetadataEnvelope = {
    $correlationId: metadata.correlationId,
    ...(metadata.causationId === null ? {} : { $causationId: metadata.causationId }),
    [ENVELOPE_KEY]: {
      format: ENVELOPE_FORMAT,
      schemaVersion: event.schemaVersion,
      recordedAt: chained.recordedAt,
      prevHash: chained.prevHash,
      hash: chained.hash,
      metadata,
    },
  };
  return {
    id: event.id,
    contentType: 'application/json',
    type: event.type,
    // Any JSON value, not only the objects, arrays and strings the client's type names: the
    // client JSON.stringify-s whatever it gets (a bare number or null included).
    data: JSON.parse(event.dataJson),
    metadata: envelope,
  };
}

/** Our fields of an event's metadata, or null when the event is not ours (no envelope). */
export function readEnvelope(metadata: unknown): EnvelopeFields | null {
  if (!isPlainObject(metadata) || !(ENVELOPE_KEY in metadata)) return null;
  const fields = metadata[ENVELOPE_KEY];
  if (
    !isPlainObject(fields) ||
    fields['format'] !== ENVELOPE_FORMAT ||
    !Number.isSafeInteger(fields['schemaVersion']) ||
    typeof fields['recordedAt'] !== 'string' ||
    typeof fields['hash'] !== 'string' ||
    (fields['prevHash'] !== null && typeof fields['prevHash'] !== 'string') ||
    !isPlainObject(fields['metadata'])
  ) {
    // Ours by its key but unreadable: a newer layout or an edit behind the store's back.
    throw new Error(
      `Unreadable ${ENVELOPE_KEY} metadata envelope (format ${String(isPlainObject(fields) ? fields['format'] : fields)})`,
    );
  }
  return fields as unknown as EnvelopeFields;
}

/**
 * The StoredEvent of a recorded KurrentDB event, or null when the event is not ours (a
 * system event, a link, another application's event). Needs the event's position, which
 * servers from 22.6 on return on every read.
 */
export function storedEventFrom(recorded: RecordedEvent | undefined): StoredEvent | null {
  if (!recorded || !recorded.isJson) return null;
  const envelope = readEnvelope(recorded.metadata);
  if (!envelope) return null;
  if (!recorded.position)
    throw new Error('KurrentDB returned an event without its position: the server must be 22.6 or later');
  return {
    id: recorded.id,
    streamId: recorded.streamId,
    revision: revisionFromKurrent(recorded.revision),
    position: positionFromKurrent(recorded.position),
    type: recorded.type,
    schemaVersion: envelope.schemaVersion,
    data: recorded.data,
    metadata: envelope.metadata,
    recordedAt: envelope.recordedAt,
    hash: envelope.hash,
    prevHash: envelope.prevHash,
  };
}
