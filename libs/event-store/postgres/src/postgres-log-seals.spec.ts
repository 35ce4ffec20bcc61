import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from '@jest/globals';
import { Pool } from 'pg';
import { logSealsConformance } from '@relapse-watch/event-store-testing';
import { PostgresEventStore } from './postgres-event-store';
import { SCHEMA_VERSION } from './schema';

// Every test wants an empty log: each gets a schema of its own, all dropped at the end.
const url = process.env['POSTGRES_URL'] as string;
const prefix = `es_seals_${randomBytes(4).toString('hex')}`;
const schemas: string[] = [];
const admin = new Pool({ connectionString: url, max: 1 });

afterAll(async () => {
  for (const schema of schemas) await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await admin.end();
});

function nextSchema(): string {
  const schema = `${prefix}_${schemas.length + 1}`;
  schemas.push(schema);
  return schema;
}

logSealsConformance('postgres', async () => PostgresEventStore.open({ connectionString: url, schema: nextSchema() }));

describe('PostgresEventStore schema', () => {
  it('upgrades a version-1 schema (no log_seals table) in place and refuses an unknown version', async () => {
    const schema = nextSchema();
    await (await PostgresEventStore.open({ connectionString: url, schema })).close();
    await admin.query(`DROP TABLE "${schema}".log_seals; UPDATE "${schema}".event_store_schema SET version = 1`);

    const store = await PostgresEventStore.open({ connectionString: url, schema });
    expect(await store.logSeals().lastSeal()).toBeNull();
    await store.close();
    const found = await admin.query(`SELECT version FROM "${schema}".event_store_schema`);
    expect(found.rows).toEqual([{ version: SCHEMA_VERSION }]);
    await admin.query(`UPDATE "${schema}".event_store_schema SET version = 99`);
    await expect(PostgresEventStore.open({ connectionString: url, schema })).rejects.toThrow(
      /schema version 99 .* expects 2/,
    );
  });
});
