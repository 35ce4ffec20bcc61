import { randomBytes } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Client, Pool } from 'pg';
import { prepareAppend, type NewEvent } from '@relapse-watch/event-store-core';
import { testEvent, uniqueStreamId } from '@relapse-watch/event-store-testing';
import { writeAppend } from './append-writer';
import { PostgresEventStore } from './postgres-event-store';
import { schemaStatements } from './sql-statements';

const url = process.env['POSTGRES_URL'] as string;
const schema = `es_gap_${randomBytes(6).toString('hex')}`;
const WRITERS = 8;
const TOTAL = 100_000;
const BATCH = 250;
/** How long the late transaction stays open at least: long enough for most writes to land behind it. */
const HOLD_MS = 4_000;

describe('PostgresEventStore: no gaps behind a late-committing transaction', () => {
  let store: PostgresEventStore;
  let admin: Pool;
  beforeAll(async () => {
    admin = new Pool({ connectionString: url, max: 2 });
    store = await PostgresEventStore.open({ connectionString: url, schema, poolSize: WRITERS + 4 });
  });
  afterAll(async () => {
    await store?.close();
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await admin.end();
  });

  it(`${WRITERS} writers append ${TOTAL} events while one transaction holding an event stays open: a subscriber from 0 sees every one, in position order`, async () => {
    // The late transaction appends through the store's own write path, then stays open.
    const holder = new Client({ connectionString: url });
    await holder.connect();
    const heldEvent = testEvent('HeldBack', { late: true });
    let holderOpen = true;
    await holder.query('BEGIN');
    const held = await writeAppend(
      holder,
      schemaStatements(schema),
      prepareAppend(uniqueStreamId('gap-held'), [heldEvent]),
    );

    const received: { position: number; id: string }[] = [];
    const subscription = store.subscribeToAll();
    try {
      const receiving = (async () => {
        for await (const event of subscription) {
          received.push({ position: event.position, id: event.id });
          if (received.length === TOTAL + 1) break;
        }
        await subscription.stop();
      })();

      const started = Date.now();
      let written = 0;
      let halfWritten!: () => void;
      const half = new Promise<void>((resolve) => (halfWritten = resolve));
      const writtenIds: string[] = [heldEvent.id];
      const writing = Promise.all(
        Array.from({ length: WRITERS }, async (_, w) => {
          for (let round = 0; round * BATCH * WRITERS < TOTAL; round++) {
            const batch: NewEvent[] = Array.from({ length: BATCH }, (_, i) => testEvent('Written', { w, round, i }));
            await store.appendToStream(`gap-w${w}-${round % 5}-${schema}`, batch);
            for (const e of batch) writtenIds.push(e.id);
            written += BATCH;
            if (written >= TOTAL / 2) halfWritten();
          }
        }),
      ).then(() => Date.now() - started);

      await Promise.all([delay(HOLD_MS), half]);
      // The trap a plain `position > last` read falls into: committed events past a position
      // that is still invisible.
      const past = await admin.query<{ n: string }>(
        `SELECT count(*) AS n FROM "${schema}".events WHERE position > $1`,
        [held.lastPosition],
      );
      const heldVisible = await admin.query(`SELECT 1 FROM "${schema}".events WHERE event_id = $1`, [heldEvent.id]);
      expect(Number(past.rows[0].n)).toBeGreaterThanOrEqual(TOTAL / 2);
      expect(heldVisible.rows).toHaveLength(0);
      // Every writer's transaction started after the held one: nothing may be delivered yet.
      expect(received).toHaveLength(0);
      await holder.query('COMMIT');
      await holder.end();
      holderOpen = false;

      const writeMs = await writing;
      await receiving;
      const totalMs = Date.now() - started;

      const stored = await admin.query<{ position: string }>(
        `SELECT position FROM "${schema}".events ORDER BY position`,
      );
      const storedPositions = stored.rows.map((r) => Number(r.position));
      expect(storedPositions).toHaveLength(TOTAL + 1);
      // 0 skipped, 0 reordered, 0 duplicated: exactly the stored log, in its order.
      expect(received.map((e) => e.position)).toEqual(storedPositions);
      expect(new Set(received.map((e) => e.id)).size).toBe(TOTAL + 1);
      expect([...received.map((e) => e.id)].sort()).toEqual([...writtenIds].sort());
      expect(received.find((e) => e.id === heldEvent.id)?.position).toBe(held.lastPosition);

      // Figures for the report, not assertions.
      console.info(
        `gap test: ${TOTAL} events appended in ${writeMs} ms (${Math.round(TOTAL / (writeMs / 1000))}/s, ` +
          `batches of ${BATCH}), all ${TOTAL + 1} delivered ${totalMs} ms after the writers started`,
      );
    } finally {
      // On a failed expectation: ending the holder's session rolls its transaction back.
      await subscription.stop();
      if (holderOpen) await holder.end();
    }
  }, 180_000);
});
