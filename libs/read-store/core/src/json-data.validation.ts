import { findJsonProblem, isPlainObject, isWellFormedText } from '@relapse-watch/event-store-core';
import { ReadStoreInputError } from './errors';

/** Largest serialised document data accepted; MongoDB's own limit is 16 MB of BSON. */
export const MAX_DOCUMENT_BYTES = 8 * 1024 * 1024;

// The JSON rules themselves are the event store's, so both stores refuse the same data.
export { isPlainObject, isWellFormedText };

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
  const problem = findJsonProblem(value, field, keyProblem);
  if (problem?.kind === 'key') {
    throw new ReadStoreInputError(
      'data.key.invalid',
      problem.path,
      `Data keys must not contain '.' or NUL nor start with '$' (at ${problem.path})`,
    );
  }
  if (problem)
    throw new ReadStoreInputError(
      'data.not-json',
      problem.path,
      `Not JSON-serialisable: ${problem.what} at ${problem.path}`,
    );
  const json = JSON.stringify(value);
  // UTF-8 takes at most 3 bytes per UTF-16 unit: count bytes only when it could matter.
  if (json.length * 3 > MAX_DOCUMENT_BYTES && Buffer.byteLength(json) > MAX_DOCUMENT_BYTES) {
    throw new ReadStoreInputError('data.too-large', field, `Data larger than ${MAX_DOCUMENT_BYTES} bytes`);
  }
  return json;
}

function keyProblem(key: string): string | null {
  return key.includes('.') || key.startsWith('$') || key.includes('\u0000') || !isWellFormedText(key)
    ? 'a reserved key'
    : null;
}
