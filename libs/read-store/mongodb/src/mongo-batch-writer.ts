import { MongoBulkWriteError, type Collection, type Db } from 'mongodb';
import type { BatchResult, CheckedBatch, CheckedDelete, CheckedPut } from '@relapse-watch/read-store-core';
import {
  CHECKPOINTS,
  PROCESSED,
  documentCollection,
  isDuplicateKey,
  onlyDuplicateKeys,
  processedKey,
  type StoredCheckpoint,
  type StoredDocument,
  type StoredProcessed,
} from './mongo-schema';

/**
 * Runs a position-guarded upsert. The filter matches the `_id` only while the stored
 * position is lower; when it is not, the upsert tries to insert a second document with
 * that `_id` and the server refuses with a duplicate key — which means "the guard held,
 * nothing applied", not a failure.
 * @returns whether the write applied.
 */
async function guarded(write: () => Promise<unknown>): Promise<boolean> {
  try {
    await write();
    return true;
  } catch (error) {
    if (isDuplicateKey(error)) return false;
    throw error;
  }
}

/**
 * How a guarded write reaches a document that already exists.
 *
 * - `filtered` (MongoDB): the update's filter carries the guard, `{ _id, position: { $lt } }`,
 *   so the server checks and writes atomically, through the `_id` index.
 * - `compare-then-write` (FerretDB 1.x): FerretDB hands only a filter of exactly `{ _id }` to
 *   its SQLite backend; with the position in it, it loads and filters every document of the
 *   collection in Go (about 0.1 ms per document: 5 s per write at 50,000 documents). Its
 *   filtered update is no atomic check-and-write either — it queries, then updates in a
 *   second transaction — so the guard there already holds for one writer per document only.
 *   This mode reads the stored position by `_id`, compares it here, and updates by `_id`
 *   alone: the same guarantee, at a fraction of the cost.
 */
export type WriteMode = 'filtered' | 'compare-then-write';

/**
 * What is stored under the id before a guarded write, read by `_id` alone (FerretDB 1.x
 * pushes that down). A replayed write the stored position already covers is skipped
 * without a write, and a new document is inserted. In `filtered` mode the guard itself
 * stays in the write: the insert fails on a duplicate `_id`, the update filters on the
 * position, so a concurrent writer between the read and the write cannot make an older
 * write win.
 */
interface Prior {
  readonly state: 'covered' | 'absent' | 'older';
  /** Whether the stored document is visible (not a tombstone). */
  readonly live: boolean;
}

async function prior(documents: Collection<StoredDocument>, id: string, position: number): Promise<Prior> {
  const stored = await documents.findOne({ _id: id }, { projection: { position: 1, deleted: 1 } });
  if (stored === null) return { state: 'absent', live: false };
  return { state: stored.position >= position ? 'covered' : 'older', live: stored.deleted === false };
}

/** The stored form of a put, or of a delete's tombstone. */
function storedDocument(op: CheckedPut | CheckedDelete): StoredDocument {
  return op.type === 'put'
    ? { _id: op.id, position: op.position, deleted: false, data: op.data }
    : { _id: op.id, position: op.position, deleted: true };
}

/** Writes a put if its position is above the stored one (live document or tombstone). */
export async function putDocument(db: Db, mode: WriteMode, op: CheckedPut): Promise<boolean> {
  const documents = db.collection<StoredDocument>(documentCollection(op.collection));
  const before = await prior(documents, op.id, op.position);
  if (before.state === 'covered') return false;
  if (before.state === 'absent') {
    const inserted = await guarded(() => documents.insertOne(storedDocument(op)));
    if (inserted) return true;
    // Another writer inserted it since the read: compare again.
    if (mode === 'compare-then-write') return putDocument(db, mode, op);
  }
  const set = { $set: { position: op.position, deleted: false, data: op.data } };
  if (mode === 'compare-then-write') {
    await documents.updateOne({ _id: op.id }, set);
    return true;
  }
  return guarded(() => documents.updateOne({ _id: op.id, position: { $lt: op.position } }, set, { upsert: true }));
}

/**
 * Turns the document into a tombstone at the delete's position, if that is above the
 * stored one; an id never seen gets a tombstone too. Reading the document as it was
 * before tells whether a visible document went away.
 */
export async function deleteDocument(db: Db, mode: WriteMode, op: CheckedDelete): Promise<boolean> {
  const documents = db.collection<StoredDocument>(documentCollection(op.collection));
  const stored = await prior(documents, op.id, op.position);
  if (stored.state === 'covered') return false;
  if (stored.state === 'absent') {
    if (await guarded(() => documents.insertOne(storedDocument(op)))) return false;
    if (mode === 'compare-then-write') return deleteDocument(db, mode, op);
  }
  const tombstone = { $set: { position: op.position, deleted: true }, $unset: { data: '' } } as const;
  if (mode === 'compare-then-write') {
    await documents.updateOne({ _id: op.id }, tombstone);
    return stored.live;
  }
  let wasLive = false;
  const applied = await guarded(async () => {
    const before = await documents.findOneAndUpdate(
      { _id: op.id, position: { $lt: op.position } },
      tombstone,
      // No projection: FerretDB 1.x rejects findAndModify's `fields` as not implemented.
      { upsert: true, returnDocument: 'before' },
    );
    wasLive = before !== null && before.deleted === false;
  });
  return applied && wasLive;
}

/**
 * Writes operations on distinct documents: first all of them as new documents, in one
 * unordered `insertMany` per collection (an insert is the one write FerretDB 1.x checks
 * through an index, so a rebuild, which mostly creates documents, costs no reads at all);
 * then, one by one, the guarded write of each operation whose `_id` already existed.
 * An insert that went through is exactly what the guarded write would have done for an
 * absent id: the put applied; the delete left a tombstone and deleted nothing visible.
 * Being distinct, the documents do not depend on the order their writes land in.
 */
async function writeDistinct(
  db: Db,
  mode: WriteMode,
  operations: readonly (CheckedPut | CheckedDelete)[],
): Promise<boolean[]> {
  const applied = operations.map(() => false);
  const existing: number[] = [];
  const byCollection = new Map<string, number[]>();
  operations.forEach((op, i) => {
    const list = byCollection.get(op.collection);
    if (list) list.push(i);
    else byCollection.set(op.collection, [i]);
  });
  for (const [collection, indexes] of byCollection) {
    const documents = db.collection<StoredDocument>(documentCollection(collection));
    const duplicates = new Set<number>();
    try {
      await documents.insertMany(
        indexes.map((i) => storedDocument(operations[i])),
        { ordered: false },
      );
    } catch (error) {
      if (error instanceof MongoBulkWriteError && onlyDuplicateKeys(error)) {
        const failures = Array.isArray(error.writeErrors) ? error.writeErrors : [error.writeErrors];
        for (const failure of failures) duplicates.add(failure.index);
      } else if (indexes.length === 1 && isDuplicateKey(error)) duplicates.add(0);
      else throw error;
    }
    indexes.forEach((i, k) => {
      if (duplicates.has(k)) existing.push(i);
      else applied[i] = operations[i].type === 'put';
    });
  }
  // Sequential: FerretDB 1.x answers concurrent writes to one database with SQLITE_BUSY.
  for (const i of existing.sort((a, b) => a - b)) {
    const op = operations[i];
    applied[i] = op.type === 'put' ? await putDocument(db, mode, op) : await deleteDocument(db, mode, op);
  }
  return applied;
}

/** Moves the checkpoint forward only: a lower position than the stored one is ignored. */
export async function saveCheckpoint(db: Db, name: string, position: number): Promise<void> {
  const checkpoints = db.collection<StoredCheckpoint>(CHECKPOINTS);
  await guarded(() =>
    checkpoints.updateOne({ _id: name, position: { $lt: position } }, { $set: { position } }, { upsert: true }),
  );
}

/** Whether `consumer` already processed any of `messageIds`: one `_id` lookup each, pushed down. */
export async function isAnyProcessed(db: Db, consumer: string, messageIds: readonly string[]): Promise<boolean> {
  const processed = db.collection<StoredProcessed>(PROCESSED);
  const found = await Promise.all(
    messageIds.map((id) => processed.findOne({ _id: processedKey(consumer, id) }, { projection: { _id: 1 } })),
  );
  return found.some((doc) => doc !== null);
}

/**
 * Records the message ids. An id already there (a redelivery that raced past the check)
 * is a duplicate key and is fine: the record exists either way.
 */
export async function markProcessed(db: Db, consumer: string, messageIds: readonly string[]): Promise<void> {
  if (messageIds.length === 0) return;
  const processedAt = new Date().toISOString();
  const records = [...new Set(messageIds)].map((id) => ({ _id: processedKey(consumer, id), processedAt }));
  try {
    await db.collection<StoredProcessed>(PROCESSED).insertMany(records, { ordered: false });
  } catch (error) {
    if (!(error instanceof MongoBulkWriteError && onlyDuplicateKeys(error)) && !isDuplicateKey(error)) throw error;
  }
}

/**
 * Applies a checked batch without a transaction, in the order the port prescribes: check
 * the processed ids, apply the operations (each position-guarded), record the processed
 * ids, save the checkpoint last. A crash between any two steps leaves neither checkpoint
 * nor processed ids saved, so the batch comes again and the guard makes the operations
 * that had applied no-ops.
 *
 * Operations on distinct documents (what a projection batch holds) go through
 * {@link writeDistinct}; a batch naming one document twice is applied one operation at a
 * time in batch order, so each is guarded against the one before it.
 */
export async function writeBatch(db: Db, mode: WriteMode, batch: CheckedBatch): Promise<BatchResult> {
  if (batch.processed && (await isAnyProcessed(db, batch.processed.consumer, batch.processed.messageIds))) {
    return { applied: batch.operations.map(() => false), alreadyProcessed: true };
  }
  let applied: boolean[] = [];
  const keys = new Set(batch.operations.map((op) => `${op.collection}/${op.id}`));
  if (keys.size === batch.operations.length) applied = await writeDistinct(db, mode, batch.operations);
  else
    for (const op of batch.operations)
      applied.push(op.type === 'put' ? await putDocument(db, mode, op) : await deleteDocument(db, mode, op));
  if (batch.processed) await markProcessed(db, batch.processed.consumer, batch.processed.messageIds);
  if (batch.checkpoint) await saveCheckpoint(db, batch.checkpoint.name, batch.checkpoint.position);
  return { applied, alreadyProcessed: false };
}
