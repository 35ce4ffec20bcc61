import { eventHash, type StoredEventRow } from '@relapse-watch/event-store-core';

type Row = [number, string, number, string, string, number, string, string, string, string | null, string];

/**
 * A stored log as raw rows, built the way an adapter stores it (hash chained per stream), for the
 * verifier's Given-When-Then specs. Rows are mutable copies so a spec can tamper with them.
 */
export function rawLog(events: readonly { streamId: string; data?: unknown }[], firstPosition = 1): Row[] {
  const heads = new Map<string, { revision: number; hash: string }>();
  return events.map((e, i) => {
    const head = heads.get(e.streamId);
    const revision = head === undefined ? 0 : head.revision + 1;
    const prevHash = head?.hash ?? null;
    const fields = {
      streamId: e.streamId,
      revision,
      id: `0190f5e2-7b1c-7a00-8000-${String(i + 1).padStart(12, '0')}`,
      type: 'Recorded',
      schemaVersion: 1,
      dataJson: JSON.stringify(e.data ?? { n: i }),
      metadataJson: '{"actor":{"userId":"u1","role":"village-inspector"}}',
      recordedAt: '2024-08-20T10:00:00.000Z',
    };
    const hash = eventHash(fields, prevHash);
    heads.set(e.streamId, { revision, hash });
    return [
      firstPosition + i,
      fields.streamId,
      revision,
      fields.id,
      fields.type,
      1,
      fields.dataJson,
      fields.metadataJson,
      fields.recordedAt,
      prevHash,
      hash,
    ];
  });
}

/** Recomputes a row's hash from its (tampered) fields, as a forger who knows the scheme would. */
export function rehash(row: Row): void {
  row[10] = eventHash(
    {
      streamId: row[1],
      revision: row[2],
      id: row[3],
      type: row[4],
      schemaVersion: row[5],
      dataJson: row[6],
      metadataJson: row[7],
      recordedAt: row[8],
    },
    row[9],
  );
}

/** The rows as the port types them. */
export function asStored(rows: readonly Row[]): StoredEventRow[] {
  return rows.map((r) => [...r] as unknown as StoredEventRow);
}
