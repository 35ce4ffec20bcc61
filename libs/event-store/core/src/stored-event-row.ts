import type { StoredEvent } from './types';

/**
 * An event's stored columns in the order every SQL adapter selects them: position, stream id,
 * revision, id, type, schema version, data JSON, metadata JSON, recordedAt, prevHash, hash.
 * Position and revision may arrive as text (PostgreSQL int8) or as numbers (SQLite).
 */
export type StoredEventRow = readonly [
  position: number | string,
  streamId: string,
  revision: number | string,
  id: string,
  type: string,
  schemaVersion: number,
  dataJson: string,
  metadataJson: string,
  recordedAt: string,
  prevHash: string | null,
  hash: string,
];

/** The StoredEvent of a row selected in {@link StoredEventRow} order; positions fit a safe integer. */
export function storedEventFromRow(r: StoredEventRow): StoredEvent {
  return {
    position: Number(r[0]),
    streamId: r[1],
    revision: Number(r[2]),
    id: r[3],
    type: r[4],
    schemaVersion: r[5],
    data: JSON.parse(r[6]),
    metadata: JSON.parse(r[7]),
    recordedAt: r[8],
    prevHash: r[9],
    hash: r[10],
  };
}
