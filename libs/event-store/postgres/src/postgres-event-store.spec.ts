import { randomBytes } from 'node:crypto';
import { afterAll } from '@jest/globals';
import { Pool } from 'pg';
import { eventStoreConformance } from '@relapse-watch/event-store-testing';
import { PostgresEventStore } from './postgres-event-store';

// Other suites share this PostgreSQL: this run gets a schema of its own, dropped at the end.
const url = process.env['POSTGRES_URL'] as string;
const schema = `es_conformance_${randomBytes(6).toString('hex')}`;

afterAll(async () => {
  const admin = new Pool({ connectionString: url, max: 1 });
  await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await admin.end();
});

eventStoreConformance('postgres', async () => PostgresEventStore.open({ connectionString: url, schema }));
