import { MongoClient, type Collection, type Db } from 'mongodb';
import {
  checkBatch,
  checkCollection,
  checkFindQuery,
  checkIds,
  checkIndexFields,
  checkKey,
  checkPosition,
  checkPut,
  checkWhere,
  MAX_GET_MANY_IDS,
  ReadStoreClosed,
  type BatchResult,
  type CheckedDelete,
  type FindQuery,
  type ReadDocument,
  type ReadStore,
  type ReadStoreBatch,
  type WhereFilter,
} from '@relapse-watch/read-store-core';
import { deleteDocument, putDocument, writeBatch, type WriteMode } from './mongo-batch-writer';
import { liveFilter, sortOf } from './mongo-query';
import {
  CHECKPOINTS,
  PROCESSED,
  dataPath,
  documentCollection,
  indexName,
  isNamespaceNotFound,
  processedKey,
  type StoredCheckpoint,
  type StoredDocument,
  type StoredProcessed,
} from './mongo-schema';

/** Ids per `find` of a {@link MongoReadStore.getMany}. */
const GET_MANY_CHUNK = 1_000;

/** Options of {@link MongoReadStore.connect} and {@link MongoReadStore.fromClient}. */
export interface MongoReadStoreOptions {
  /** Database holding the read models; default: the database named in the URL (or the client's default). */
  readonly database?: string;
}

/**
 * The read store on the MongoDB wire protocol (MongoDB, or FerretDB 1.x in distributed
 * mode), with the mongodb driver 7.x. Layout in `mongo-schema.ts`.
 *
 * It uses no transactions, change streams or non-equality filters, none of which FerretDB
 * 1.x offers or pushes down: every write is keyed by `_id` and guarded by the position
 * stored in the document, and a batch applies its parts in the order the port prescribes
 * for such engines (see {@link ReadStore.applyBatch}).
 *
 * On FerretDB 1.24 the guard does not hold between two writers racing on one document (its
 * filtered update is not atomic across connections): run one projection runner per projection.
 * There the store compares positions itself and writes by `_id` alone (see {@link WriteMode});
 * new documents cost an indexed insert, but every update or lookup of a stored one scans the
 * collection, so a projection that rewrites documents slows as its collection grows.
 */
export class MongoReadStore implements ReadStore {
  private closed = false;
  private mode: Promise<WriteMode> | null = null;

  private constructor(
    private readonly db: Db,
    private readonly client: MongoClient,
    private readonly ownsClient: boolean,
  ) {}

  /**
   * Connects to `url` (e.g. `mongodb://127.0.0.1:27018/relapsewatch`) with a client of its
   * own, which {@link close} closes. Rejects when the server does not answer.
   */
  static async connect(url: string, options: MongoReadStoreOptions = {}): Promise<MongoReadStore> {
    const client = new MongoClient(url);
    try {
      await client.connect();
    } catch (error) {
      await client.close();
      throw error;
    }
    return new MongoReadStore(client.db(options.database), client, true);
  }

  /** A store on a client the caller owns: {@link close} leaves the client open. */
  static fromClient(client: MongoClient, options: MongoReadStoreOptions = {}): MongoReadStore {
    return new MongoReadStore(client.db(options.database), client, false);
  }

  /** The database the store writes to. */
  get databaseName(): string {
    return this.db.databaseName;
  }

  async get<T = unknown>(collection: string, id: string): Promise<ReadDocument<T> | null> {
    this.assertOpen();
    const documents = this.documents(checkCollection(collection));
    checkKey(id, 'id', 'id');
    // By `_id` alone, the only filter FerretDB 1.x hands to its backend: adding
    // `deleted: false` made it filter every document of the collection in Go instead.
    const doc = await documents.findOne({ _id: id });
    return doc && !doc.deleted ? toReadDocument<T>(doc) : null;
  }

  /**
   * One `find` with `_id: { $in }` per {@link GET_MANY_CHUNK} ids. On MongoDB that is an
   * index lookup; FerretDB 1.24 does not push `$in` down and filters the collection once in
   * Go per chunk — which still costs less than one `_id` lookup per id there as soon as a
   * batch has more than a dozen ids (see `bench/README.md`, projection-mongo).
   */
  async getMany<T = unknown>(collection: string, ids: readonly string[]): Promise<Map<string, ReadDocument<T> | null>> {
    this.assertOpen();
    const documents = this.documents(checkCollection(collection));
    const unique = checkIds(ids, MAX_GET_MANY_IDS);
    const found = new Map<string, ReadDocument<T> | null>(unique.map((id) => [id, null]));
    for (let from = 0; from < unique.length; from += GET_MANY_CHUNK) {
      const chunk = unique.slice(from, from + GET_MANY_CHUNK);
      const filter = chunk.length === 1 ? { _id: chunk[0] } : { _id: { $in: chunk } };
      for (const doc of await documents.find(filter).toArray())
        if (!doc.deleted) found.set(doc._id, toReadDocument<T>(doc));
    }
    return found;
  }

  async put<T = unknown>(collection: string, doc: ReadDocument<T>): Promise<boolean> {
    this.assertOpen();
    const checked = checkPut(collection, doc, { collection: 'collection', doc: 'doc' });
    return putDocument(this.db, await this.writeMode(), checked);
  }

  async delete(collection: string, id: string, position: number): Promise<boolean> {
    this.assertOpen();
    const checked: CheckedDelete = {
      type: 'delete',
      collection: checkCollection(collection),
      id: checkKey(id, 'id', 'id'),
      position: checkPosition(position, 'position'),
    };
    return deleteDocument(this.db, await this.writeMode(), checked);
  }

  async applyBatch(batch: ReadStoreBatch): Promise<BatchResult> {
    this.assertOpen();
    const checked = checkBatch(batch);
    return writeBatch(this.db, await this.writeMode(), checked);
  }

  async find<T = unknown>(collection: string, query?: FindQuery): Promise<ReadDocument<T>[]> {
    this.assertOpen();
    const documents = this.documents(checkCollection(collection));
    const checked = checkFindQuery(query);
    const cursor = documents.find(liveFilter(checked.where), { sort: sortOf(checked), skip: checked.offset ?? 0 });
    if (checked.limit !== undefined) cursor.limit(checked.limit);
    return (await cursor.toArray()).map((doc) => toReadDocument<T>(doc));
  }

  async count(collection: string, where?: WhereFilter): Promise<number> {
    this.assertOpen();
    const documents = this.documents(checkCollection(collection));
    return documents.countDocuments(liveFilter(checkWhere(where)));
  }

  async ensureIndex(collection: string, fields: readonly string[]): Promise<void> {
    this.assertOpen();
    const documents = this.documents(checkCollection(collection));
    const checked = checkIndexFields(fields);
    // Named after its fields, so asking again for the same index is a no-op on the server.
    await documents.createIndex(
      checked.map((field): [string, 1] => [dataPath(field), 1]),
      { name: indexName(checked) },
    );
  }

  async dropCollection(collection: string): Promise<void> {
    this.assertOpen();
    const documents = this.documents(checkCollection(collection));
    try {
      await documents.drop();
    } catch (error) {
      if (!isNamespaceNotFound(error)) throw error;
    }
  }

  async loadCheckpoint(name: string): Promise<number> {
    this.assertOpen();
    checkKey(name, 'name', 'checkpoint-name');
    const checkpoint = await this.db.collection<StoredCheckpoint>(CHECKPOINTS).findOne({ _id: name });
    return checkpoint?.position ?? 0;
  }

  async resetCheckpoint(name: string): Promise<void> {
    this.assertOpen();
    checkKey(name, 'name', 'checkpoint-name');
    await this.db.collection<StoredCheckpoint>(CHECKPOINTS).deleteOne({ _id: name });
  }

  async hasProcessed(consumer: string, messageId: string): Promise<boolean> {
    this.assertOpen();
    checkKey(consumer, 'consumer', 'consumer');
    checkKey(messageId, 'messageId', 'message-id');
    const record = await this.db
      .collection<StoredProcessed>(PROCESSED)
      .findOne({ _id: processedKey(consumer, messageId) }, { projection: { _id: 1 } });
    return record !== null;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.ownsClient) await this.client.close();
  }

  /**
   * How guarded updates are written, decided once from `buildInfo`: FerretDB names its
   * version there (`ferretdbVersion`). See {@link WriteMode}.
   */
  private writeMode(): Promise<WriteMode> {
    this.mode ??= this.db
      .admin()
      .command({ buildInfo: 1 })
      .then((info): WriteMode => (typeof info['ferretdbVersion'] === 'string' ? 'compare-then-write' : 'filtered'))
      .catch((error: unknown) => {
        this.mode = null;
        throw error;
      });
    return this.mode;
  }

  private documents(collection: string): Collection<StoredDocument> {
    return this.db.collection<StoredDocument>(documentCollection(collection));
  }

  private assertOpen(): void {
    if (this.closed) throw new ReadStoreClosed();
  }
}

function toReadDocument<T>(doc: StoredDocument): ReadDocument<T> {
  return { id: doc._id, position: doc.position, data: doc.data as T };
}
