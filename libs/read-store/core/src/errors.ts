/** Base class of every error the read store raises on purpose. */
export abstract class ReadStoreError extends Error {
  /** Machine-readable code, stable across versions. */
  abstract readonly code: string;
}

/**
 * Input to a {@link ReadStore} method was malformed; nothing was written (for a batch:
 * no part of it). `field` is the path of the offending value from the method's arguments,
 * e.g. `doc.data.address.villageCode` or `operations[2].position`.
 */
export class ReadStoreInputError extends ReadStoreError {
  constructor(
    readonly code: string,
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'ReadStoreInputError';
  }
}

/** The store was used after {@link ReadStore.close}. */
export class ReadStoreClosed extends ReadStoreError {
  readonly code = 'read-store.closed';
  constructor() {
    super('The read store is closed');
    this.name = 'ReadStoreClosed';
  }
}
