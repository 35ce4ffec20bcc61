import { randomBytes } from 'node:crypto';
import { afterAll } from '@jest/globals';
import { Pool } from 'pg';
import { storeFormatConformance } from '@relapse-watch/event-store-testing';
import { PostgresEventStore } from './postgres-event-store';

// Every test wants an empty store: each gets a schema of its own, all dropped at the end.
const url = process.env['POSTGRES_URL'] as string;
const prefix = `es_format_${randomBytes(4).toString('hex')}`;
const schemas: string[] = [];

afterAll(async () => {
  const admin = new Pool({ connectionString: url, max: 1 });
  for (const schema of schemas) await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await admin.end();
});

storeFormatConformance('postgres', async () => {
  const schema = `${prefix}_${schemas.length + 1}`;
  schemas.push(schema);
  return PostgresEventStore.open({ connectionString: url, schema });
});
