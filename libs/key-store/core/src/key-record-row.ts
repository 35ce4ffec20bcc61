import type { KeyRecord } from './key-store.port';

/** A row of the `data_keys` table both SQL adapters keep (same columns in SQLite and PostgreSQL). */
export interface KeyRecordRow {
  readonly subject_id: string;
  readonly master_key_id: string | null;
  readonly wrapped: Uint8Array | null;
  readonly created_at: string | null;
  readonly erased_at: string | null;
  readonly erase_reason: string | null;
  readonly erased_by_user: string | null;
  readonly erased_by_role: string | null;
}

/** The record a row holds: the tombstone once `erased_at` is set, else the wrapped key. */
export function keyRecordFromRow(row: KeyRecordRow): KeyRecord {
  if (row.erased_at !== null) {
    return {
      state: 'erased',
      erasure: {
        subjectId: row.subject_id,
        erasedAt: row.erased_at,
        reason: row.erase_reason ?? '',
        erasedBy: { userId: row.erased_by_user ?? '', role: row.erased_by_role ?? '' },
      },
    };
  }
  return {
    state: 'active',
    key: {
      subjectId: row.subject_id,
      masterKeyId: row.master_key_id as string,
      wrapped: new Uint8Array(row.wrapped as Uint8Array),
      createdAt: row.created_at as string,
    },
  };
}
