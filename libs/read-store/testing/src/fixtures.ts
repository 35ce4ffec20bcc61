import { randomUUID } from 'node:crypto';
import { expect } from '@jest/globals';
import { ReadStoreInputError } from '@relapse-watch/read-store-core';

/** A collection name no other test uses. */
export function uniqueCollection(prefix = 't'): string {
  return `${prefix}-${randomUUID().replaceAll('-', '')}`;
}

/** A checkpoint, consumer or message name no other test uses. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${randomUUID()}`;
}

/** Expects `promise` to reject with a {@link ReadStoreInputError} of this code and field. */
export async function expectInputError(promise: Promise<unknown>, code: string, field: string): Promise<void> {
  const error = await promise.then(
    () => {
      throw new Error(`expected a ReadStoreInputError ${code} at ${field}, but the call succeeded`);
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ReadStoreInputError);
  expect({ code: (error as ReadStoreInputError).code, field: (error as ReadStoreInputError).field }).toEqual({
    code,
    field,
  });
}
