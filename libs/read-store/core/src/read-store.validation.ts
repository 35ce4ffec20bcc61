import { ReadStoreInputError } from './errors';
import { checkJsonData, isPlainObject, isWellFormedText } from './json-data.validation';
import {
  MAX_IN_VALUES,
  type FieldValue,
  type FindQuery,
  type ReadStoreBatch,
  type SortKey,
  type WhereFilter,
} from './read-store.types';

/** Collection names: usable unquoted as a MongoDB collection and safe inside a SQL identifier. */
export const COLLECTION_NAME = /^[a-z][a-z0-9_-]{0,62}$/;
/** Data field paths: identifiers joined by dots, so an adapter may inline them in a query. */
export const FIELD_PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;
/** Longest document id, checkpoint name, consumer name or message id. */
export const MAX_KEY_LENGTH = 200;
/** Most fields in one index (MongoDB allows 32 per compound index). */
export const MAX_INDEX_FIELDS = 16;

// Keys are printable, so they log and index safely.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/** A put checked and serialised once, ready for any adapter to write. */
export interface CheckedPut {
  readonly type: 'put';
  readonly collection: string;
  readonly id: string;
  readonly position: number;
  readonly data: unknown;
  readonly dataJson: string;
}

/** A checked delete. */
export interface CheckedDelete {
  readonly type: 'delete';
  readonly collection: string;
  readonly id: string;
  readonly position: number;
}

/** A batch after {@link checkBatch}: every part valid, data serialised. */
export interface CheckedBatch {
  readonly operations: readonly (CheckedPut | CheckedDelete)[];
  readonly checkpoint: { readonly name: string; readonly position: number } | null;
  readonly processed: { readonly consumer: string; readonly messageIds: readonly string[] } | null;
}

/** @throws {@link ReadStoreInputError} `collection.invalid` */
export function checkCollection(value: unknown, field = 'collection'): string {
  if (typeof value !== 'string' || !COLLECTION_NAME.test(value)) {
    throw new ReadStoreInputError('collection.invalid', field, `Collection name must match ${COLLECTION_NAME}`);
  }
  return value;
}

/**
 * Checks a document id, checkpoint name, consumer name or message id: a non-empty,
 * printable, well-formed string of at most {@link MAX_KEY_LENGTH} characters.
 * `kind` is the code prefix: `id`, `checkpoint-name`, `consumer` or `message-id`.
 * @throws {@link ReadStoreInputError} `<kind>.empty`, `<kind>.too-long` or `<kind>.invalid`
 */
export function checkKey(value: unknown, field: string, kind: string): string {
  if (typeof value !== 'string' || value.length === 0) {
    throw new ReadStoreInputError(`${kind}.empty`, field, `${field} must be a non-empty string`);
  }
  if (value.length > MAX_KEY_LENGTH) {
    throw new ReadStoreInputError(`${kind}.too-long`, field, `${field} is longer than ${MAX_KEY_LENGTH} characters`);
  }
  if (CONTROL.test(value) || !isWellFormedText(value)) {
    throw new ReadStoreInputError(`${kind}.invalid`, field, `${field} has control characters or lone surrogates`);
  }
  return value;
}

/**
 * Checks the ids of a {@link ReadStore.getMany}: an array of at most `max` keys, each as
 * {@link checkKey} wants it. Returns them without duplicates, in first-seen order.
 * @throws {@link ReadStoreInputError} `ids.invalid`, or `id.*` at `ids[i]`
 */
export function checkIds(value: unknown, max: number): string[] {
  if (!Array.isArray(value))
    throw new ReadStoreInputError('ids.invalid', 'ids', 'ids must be an array of document ids');
  if (value.length > max) throw new ReadStoreInputError('ids.invalid', 'ids', `ids may hold at most ${max} ids`);
  return [...new Set(value.map((id: unknown, i) => checkKey(id, `ids[${i}]`, 'id')))];
}

/** @throws {@link ReadStoreInputError} `position.invalid` */
export function checkPosition(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new ReadStoreInputError('position.invalid', field, `${field} must be a non-negative safe integer`);
  }
  return value;
}

/** @throws {@link ReadStoreInputError} `field-path.invalid` */
export function checkFieldPath(value: unknown, field: string): string {
  if (typeof value !== 'string' || !FIELD_PATH.test(value)) {
    throw new ReadStoreInputError('field-path.invalid', field, `Field path must match ${FIELD_PATH}`);
  }
  return value;
}

/** Checks a put's document and serialises its data. */
export function checkPut(collection: unknown, doc: unknown, at: { collection: string; doc: string }): CheckedPut {
  const name = checkCollection(collection, at.collection);
  if (!isPlainObject(doc)) throw new ReadStoreInputError('doc.invalid', at.doc, 'A document must be an object');
  const id = checkKey(doc['id'], `${at.doc}.id`, 'id');
  const position = checkPosition(doc['position'], `${at.doc}.position`);
  if (!('data' in doc)) throw new ReadStoreInputError('data.not-json', `${at.doc}.data`, 'A document needs data');
  const dataJson = checkJsonData(doc['data'], `${at.doc}.data`);
  return { type: 'put', collection: name, id, position, data: doc['data'], dataJson };
}

/** @throws {@link ReadStoreInputError} `where.invalid`, `field-path.invalid` or `where.value.invalid` */
export function checkWhere(where: unknown, field = 'where'): WhereFilter {
  if (where === undefined) return {};
  if (!isPlainObject(where))
    throw new ReadStoreInputError('where.invalid', field, 'where must be an object of field paths to values');
  for (const [path, value] of Object.entries(where)) {
    checkFieldPath(path, `${field}.${path}`);
    if (isPlainObject(value) && Object.keys(value).length === 1 && 'in' in value) {
      checkAnyOf(value['in'], `${field}.${path}.in`);
      continue;
    }
    if (!isFieldValue(value)) {
      throw new ReadStoreInputError(
        'where.value.invalid',
        `${field}.${path}`,
        'A where value must be a string, a finite number, a boolean or null',
      );
    }
  }
  return where as WhereFilter;
}

function checkAnyOf(values: unknown, field: string): void {
  if (!Array.isArray(values) || values.length > MAX_IN_VALUES || !values.every(isFieldValue)) {
    throw new ReadStoreInputError(
      'where.value.invalid',
      field,
      `in must list at most ${MAX_IN_VALUES} strings, finite numbers, booleans or nulls`,
    );
  }
}

function isFieldValue(value: unknown): value is FieldValue {
  if (value === null || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  return typeof value === 'string' && isWellFormedText(value);
}

/** Checks a find query and fills in its defaults. */
export function checkFindQuery(query: unknown): Required<Pick<FindQuery, 'where' | 'sort'>> & FindQuery {
  if (query === undefined) return { where: {}, sort: [] };
  if (!isPlainObject(query)) throw new ReadStoreInputError('query.invalid', 'query', 'A query must be an object');
  const where = checkWhere(query['where']);
  const sort = query['sort'] ?? [];
  if (!Array.isArray(sort)) throw new ReadStoreInputError('sort.invalid', 'sort', 'sort must be an array');
  sort.forEach((key: unknown, i) => {
    if (!isPlainObject(key))
      throw new ReadStoreInputError('sort.invalid', `sort[${i}]`, 'A sort key must be an object');
    checkFieldPath(key['field'], `sort[${i}].field`);
    if (key['direction'] !== 'asc' && key['direction'] !== 'desc') {
      throw new ReadStoreInputError(
        'sort.direction.invalid',
        `sort[${i}].direction`,
        "Sort direction must be 'asc' or 'desc'",
      );
    }
  });
  const { limit, offset } = query;
  if (limit !== undefined && (typeof limit !== 'number' || !Number.isSafeInteger(limit) || limit < 1)) {
    throw new ReadStoreInputError('limit.invalid', 'limit', 'limit must be a positive integer');
  }
  if (offset !== undefined && (typeof offset !== 'number' || !Number.isSafeInteger(offset) || offset < 0)) {
    throw new ReadStoreInputError('offset.invalid', 'offset', 'offset must be a non-negative integer');
  }
  return { where, sort: sort as SortKey[], limit: limit as number | undefined, offset: offset as number | undefined };
}

/** @throws {@link ReadStoreInputError} `index.fields.invalid` or `field-path.invalid` */
export function checkIndexFields(fields: unknown): readonly string[] {
  if (!Array.isArray(fields) || fields.length === 0 || fields.length > MAX_INDEX_FIELDS) {
    throw new ReadStoreInputError(
      'index.fields.invalid',
      'fields',
      `An index needs 1 to ${MAX_INDEX_FIELDS} field paths`,
    );
  }
  fields.forEach((f: unknown, i) => checkFieldPath(f, `fields[${i}]`));
  if (new Set(fields).size !== fields.length) {
    throw new ReadStoreInputError('index.fields.invalid', 'fields', 'An index lists a field twice');
  }
  return fields as string[];
}

/**
 * Checks a whole batch before anything is written, so bad input in any part writes nothing.
 * @throws {@link ReadStoreInputError} with `field` prefixed by the part, e.g. `operations[2].doc.id`.
 */
export function checkBatch(batch: unknown): CheckedBatch {
  if (!isPlainObject(batch)) throw new ReadStoreInputError('batch.invalid', 'batch', 'A batch must be an object');
  const b = batch as Partial<Record<keyof ReadStoreBatch, unknown>>;
  const ops = b.operations ?? [];
  if (!Array.isArray(ops)) throw new ReadStoreInputError('batch.invalid', 'operations', 'operations must be an array');
  const operations = ops.map((op: unknown, i): CheckedPut | CheckedDelete => {
    const at = `operations[${i}]`;
    if (!isPlainObject(op)) throw new ReadStoreInputError('operation.invalid', at, 'An operation must be an object');
    if (op['type'] === 'put')
      return checkPut(op['collection'], op['doc'], { collection: `${at}.collection`, doc: `${at}.doc` });
    if (op['type'] === 'delete') {
      return {
        type: 'delete',
        collection: checkCollection(op['collection'], `${at}.collection`),
        id: checkKey(op['id'], `${at}.id`, 'id'),
        position: checkPosition(op['position'], `${at}.position`),
      };
    }
    throw new ReadStoreInputError(
      'operation.type.invalid',
      `${at}.type`,
      "An operation's type must be 'put' or 'delete'",
    );
  });
  let checkpoint: CheckedBatch['checkpoint'] = null;
  if (b.checkpoint !== undefined) {
    if (!isPlainObject(b.checkpoint)) {
      throw new ReadStoreInputError('checkpoint.invalid', 'checkpoint', 'checkpoint must be { name, position }');
    }
    checkpoint = {
      name: checkKey(b.checkpoint['name'], 'checkpoint.name', 'checkpoint-name'),
      position: checkPosition(b.checkpoint['position'], 'checkpoint.position'),
    };
  }
  let processed: CheckedBatch['processed'] = null;
  if (b.processed !== undefined) {
    const p = b.processed;
    if (!isPlainObject(p))
      throw new ReadStoreInputError('processed.invalid', 'processed', 'processed must be { consumer, messageIds }');
    const consumer = checkKey(p['consumer'], 'processed.consumer', 'consumer');
    const ids = p['messageIds'];
    if (!Array.isArray(ids))
      throw new ReadStoreInputError('processed.invalid', 'processed.messageIds', 'messageIds must be an array');
    const messageIds = ids.map((id: unknown, i) => checkKey(id, `processed.messageIds[${i}]`, 'message-id'));
    processed = { consumer, messageIds };
  }
  return { operations, checkpoint, processed };
}
