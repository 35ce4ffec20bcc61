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
 * What is stored under the id before a guarded write, read by `_id` alone (FerretDB 1.x
 * pushes that down). Only a shortcut: FerretDB 1.24 runs every update over the whole
 * collection, about 4 ms per thousand documents, while this read and an insert take about
 * a millisecond each. So a replayed write the stored position already covers skips the
 * update, and a new document is inserted. The guard itself stays in the write: the insert
 * fails on a duplicate `_id`, the update filters on the position, so a concurrent writer
 * between the read and the write cannot make an older write win.
 */
type Prior = 'covered' | 'absent' | 'older';

async function prior(documents: Collection<StoredDocument>, id: string, position: number): Promise<Prior> {
  const stored = await documents.findOne({ _id: id }, { projection: { position: 1 } });
  if (stored === null) return 'absent';
  return stored.position >= position ? 'covered' : 'older';
}

/** Writes a put if its position is above the stored one (live document or tombstone). */
export async function putDocument(db: Db, op: CheckedPut): Promise<boolean> {
  const documents = db.collection<StoredDocument>(documentCollection(op.collection));
  const before = await prior(documents, op.id, op.position);
  if (before === 'covered') return false;
  if (before === 'absent') {
    const inserted = await guarded(() => documents.insertOne({ _id: op.id, position: op.position, deleted: false, data: op.data }));
    if (inserted) return true;
  }
  return guarded(() =>
    documents.updateOne(
      { _id: op.id, position: { $lt: op.position } },
      { $set: { position: op.position, deleted: false, data: op.data } },
      { upsert: true },
    ),
  );
}

/**
 * Turns the document into a tombstone at the delete's position, if that is above the
 * stored one; an id never seen gets a tombstone too. Reading the document as it was
 * before, in the same command, tells whether a visible document went away.
 */
export async function deleteDocument(db: Db, op: CheckedDelete): Promise<boolean> {
  const documents = db.collection<StoredDocument>(documentCollection(op.collection));
  const stored = await prior(documents, op.id, op.position);
  if (stored === 'covered') return false;
  if (stored === 'absent' && (await guarded(() => documents.insertOne({ _id: op.id, position: op.position, deleted: true })))) {
    return false;
  }
  let wasLive = false;
  const applied = await guarded(async () => {
    const before = await documents.findOneAndUpdate(
      { _id: op.id, position: { $lt: op.position } },
      { $set: { position: op.position, deleted: true }, $unset: { data: '' } },
      // No projection: FerretDB 1.x rejects findAndModify's `fields` as not implemented.
      { upsert: true, returnDocument: 'before' },
    );
    wasLive = before !== null && before.deleted === false;
  });
  return applied && wasLive;
}

/** Moves the checkpoint forward only: a lower position than the stored one is ignored. */
export async function saveCheckpoint(db: Db, name: string, position: number): Promise<void> {
  const checkpoints = db.collection<StoredCheckpoint>(CHECKPOINTS);
  await guarded(() => checkpoints.updateOne({ _id: name, position: { $lt: position } }, { $set: { position } }, { upsert: true }));
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
 * the processed ids, apply the operations one by one in order (each position-guarded),
 * record the processed ids, save the checkpoint last. A crash between any two steps leaves
 * neither checkpoint nor processed ids saved, so the batch comes again and the guard makes
 * the operations that had applied no-ops.
 */
export async function writeBatch(db: Db, batch: CheckedBatch): Promise<BatchResult> {
  if (batch.processed && (await isAnyProcessed(db, batch.processed.consumer, batch.processed.messageIds))) {
    return { applied: batch.operations.map(() => false), alreadyProcessed: true };
  }
  const applied: boolean[] = [];
  // Sequential on purpose: two operations on one document must apply in batch order.
  for (const op of batch.operations) applied.push(op.type === 'put' ? await putDocument(db, op) : await deleteDocument(db, op));
  if (batch.processed) await markProcessed(db, batch.processed.consumer, batch.processed.messageIds);
  if (batch.checkpoint) await saveCheckpoint(db, batch.checkpoint.name, batch.checkpoint.position);
  return { applied, alreadyProcessed: false };
}
