import { randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';

/** The FerretDB URL the Jest global setup put in the environment. */
export function mongoUrl(): string {
  const url = process.env['MONGODB_URL'];
  if (!url)
    throw new Error(
      'MONGODB_URL is not set: run these specs through jest.config.cjs, whose global setup starts FerretDB',
    );
  return url;
}

/**
 * A database name no other run uses: helpers share the one FerretDB, so each spec file
 * writes into a database of its own and drops it at the end.
 */
export function uniqueDatabase(prefix: string): string {
  return `${prefix}_${randomUUID().replaceAll('-', '').slice(0, 20)}`;
}

/** Drops the databases, with a client of its own (the stores under test may be closed by then). */
export async function dropDatabases(...names: string[]): Promise<void> {
  const client = new MongoClient(mongoUrl());
  try {
    for (const name of names) await client.db(name).dropDatabase();
  } finally {
    await client.close();
  }
}
