import { ReadStoreInputError } from './errors';

/** Largest serialised document data accepted; MongoDB's own limit is 16 MB of BSON. */
export const MAX_DOCUMENT_BYTES = 8 * 1024 * 1024;

// A lone UTF-16 surrogate has no UTF-8 form: SQLite would store it mangled and BSON
// rejects it, so it is refused up front for the same result on every adapter.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when the string has no lone surrogate (what ES2024's `isWellFormed` checks). */
export function isWellFormedText(value: string): boolean {
  return !LONE_SURROGATE.test(value);
}

/** True for `{}` literals and `Object.create(null)`, false for arrays and class instances. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Checks that `value` survives a JSON round trip unchanged and serialises it: plain
 * objects, arrays, strings, finite numbers, booleans and null. `undefined`, functions,
 * symbols, bigints, NaN, Dates and other class instances, and cycles are rejected rather
 * than silently altered. Object keys must not contain `.` or NUL nor start with `$`:
 * MongoDB reserves those, and dotted keys could not be told apart from field paths.
 * @returns the JSON text.
 * @throws {@link ReadStoreInputError} `data.not-json`, `data.key.invalid` or `data.too-large`.
 */
export function checkJsonData(value: unknown, field: string): string {
  const stack = new Set<object>();
  const visit = (v: unknown, path: string): void => {
    switch (typeof v) {
      case 'boolean':
        return;
      case 'string':
        if (!isWellFormedText(v)) throw notJson(path, 'a string with a lone surrogate');
        return;
      case 'number':
        if (!Number.isFinite(v)) throw notJson(path, 'a non-finite number');
        return;
      case 'object': {
        if (v === null) return;
        if (stack.has(v)) throw notJson(path, 'a cycle');
        stack.add(v);
        if (Array.isArray(v)) {
          for (let i = 0; i < v.length; i++) visit(v[i], `${path}[${i}]`);
        } else if (isPlainObject(v)) {
          for (const key of Object.keys(v)) {
            checkKey(key, path);
            visit(v[key], `${path}.${key}`);
          }
          if (Object.getOwnPropertySymbols(v).length > 0) throw notJson(path, 'a symbol key');
        } else {
          throw notJson(path, 'a class instance');
        }
        stack.delete(v);
        return;
      }
      default:
        throw notJson(path, typeof v);
    }
  };
  visit(value, field);
  const json = JSON.stringify(value);
  // UTF-8 takes at most 3 bytes per UTF-16 unit: count bytes only when it could matter.
  if (json.length * 3 > MAX_DOCUMENT_BYTES && Buffer.byteLength(json) > MAX_DOCUMENT_BYTES) {
    throw new ReadStoreInputError('data.too-large', field, `Data larger than ${MAX_DOCUMENT_BYTES} bytes`);
  }
  return json;
}

function checkKey(key: string, path: string): void {
  if (key.includes('.') || key.startsWith('$') || key.includes('\u0000') || !isWellFormedText(key)) {
    throw new ReadStoreInputError(
      'data.key.invalid',
      `${path}.${key}`,
      `Data keys must not contain '.' or NUL nor start with '$' (at ${path})`,
    );
  }
}

function notJson(path: string, what: string): ReadStoreInputError {
  return new ReadStoreInputError('data.not-json', path, `Not JSON-serialisable: ${what} at ${path}`);
}
