import { hash } from 'node:crypto';

/** The stored fields an event's hash covers. */
export interface HashedFields {
  readonly streamId: string;
  readonly revision: number;
  readonly id: string;
  readonly type: string;
  readonly schemaVersion: number;
  /** `data` exactly as stored (its JSON text). */
  readonly dataJson: string;
  /** `metadata` exactly as stored (its JSON text). */
  readonly metadataJson: string;
  readonly recordedAt: string;
}

/**
 * SHA-256 (hex) over an event's canonical form chained to the previous event of the same
 * stream, so any edit made behind the store's back breaks the chain from that event on.
 *
 * The canonical form is the stored fields in a fixed order joined by "\n", with the previous
 * hash last ("" for the first event): stream id, revision, id, type, schema version, data
 * JSON, metadata JSON, recordedAt, prevHash. It is unambiguous because no field can hold a
 * raw newline — stream ids and types are checked for control characters, and JSON text
 * escapes them — and any language can recompute it from the stored columns alone. The
 * global position is left out: each adapter assigns it differently. A database may build the
 * same bytes itself for a fast verifier (`CanonicalEventRow`, e.g. the SQLite range reader's
 * SQL): a change here changes it there too, or every event stops verifying.
 */
export function eventHash(fields: HashedFields, prevHash: string | null): string {
  const canonical =
    fields.streamId +
    '\n' +
    fields.revision +
    '\n' +
    fields.id +
    '\n' +
    fields.type +
    '\n' +
    fields.schemaVersion +
    '\n' +
    fields.dataJson +
    '\n' +
    fields.metadataJson +
    '\n' +
    fields.recordedAt +
    '\n' +
    (prevHash ?? '');
  // One-shot crypto.hash: half the cost of a Hash object for event-sized inputs.
  return hash('sha256', canonical, 'hex');
}
