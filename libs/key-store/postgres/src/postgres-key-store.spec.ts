import { randomBytes } from 'node:crypto';
import { afterAll, expect, it } from '@jest/globals';
import { Pool } from 'pg';
import { PostgresEventStore } from '@relapse-watch/event-store-postgres';
import { keyStoreConformance, personalDataEventStoreCases, wrappedKey } from '@relapse-watch/key-store-testing';
import { PostgresKeyStore } from './postgres-key-store';

// Other suites share this PostgreSQL: this run gets a schema of its own, dropped at the end.
const url = process.env['POSTGRES_URL'] as string;
const schema = `ks_conformance_${randomBytes(6).toString('hex')}`;

afterAll(async () => {
  const admin = new Pool({ connectionString: url, max: 1 });
  await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await admin.query(`DROP SCHEMA IF EXISTS "${schema}_events" CASCADE`);
  await admin.end();
});

keyStoreConformance('postgres', async () => PostgresKeyStore.open({ connectionString: url, schema }));

it('erasure leaves the key columns empty in the table itself, not only in answers', async () => {
  const store = await PostgresKeyStore.open({ connectionString: url, schema });
  const admin = new Pool({ connectionString: url, max: 1 });
  try {
    const key = wrappedKey();
    await store.putIfAbsent([key]);
    await store.erase({
      subjectId: key.subjectId,
      erasedAt: '2026-12-07T08:00:00.000Z',
      reason: '测试 / test',
      erasedBy: { userId: 'admin-1', role: 'administrator' },
    });
    const { rows } = await admin.query(
      `SELECT master_key_id, wrapped, erase_reason FROM "${schema}".data_keys WHERE subject_id = $1`,
      [key.subjectId],
    );
    expect(rows).toEqual([{ master_key_id: null, wrapped: null, erase_reason: '测试 / test' }]);
  } finally {
    await store.close();
    await admin.end();
  }
});

it('refuses a schema of another version and an invalid schema name', async () => {
  const other = `ks_version_${randomBytes(6).toString('hex')}`;
  const admin = new Pool({ connectionString: url, max: 1 });
  try {
    await (await PostgresKeyStore.open({ connectionString: url, schema: other })).close();
    await admin.query(`UPDATE "${other}".key_store_schema SET version = 99`);
    await expect(PostgresKeyStore.open({ connectionString: url, schema: other })).rejects.toThrow(/schema version 99/);
    await expect(PostgresKeyStore.open({ connectionString: url, schema: 'Bad-Name' })).rejects.toMatchObject({
      code: 'key-store.input',
    });
  } finally {
    await admin.query(`DROP SCHEMA IF EXISTS "${other}" CASCADE`);
    await admin.end();
  }
});

personalDataEventStoreCases(
  'PostgreSQL event store',
  async () => PostgresEventStore.open({ connectionString: url, schema: `${schema}_events` }),
  async () => PostgresKeyStore.open({ connectionString: url, schema }),
);
