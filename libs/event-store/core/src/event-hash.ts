import { createHash } from 'node:crypto';

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
 * The canonical form is the JSON array of the stored fields in a fixed order — the JSON
 * texts of data and metadata as stored, so verification needs no re-serialisation. The
 * global position is left out: it is assigned differently by each adapter.
 */
export function eventHash(fields: HashedFields, prevHash: string | null): string {
  return createHash('sha256')
    .update(
      JSON.stringify([
        fields.streamId,
        fields.revision,
        fields.id,
        fields.type,
        fields.schemaVersion,
        fields.dataJson,
        fields.metadataJson,
        fields.recordedAt,
        prevHash,
      ]),
    )
    .digest('hex');
}
