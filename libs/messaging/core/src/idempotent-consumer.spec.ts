import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { ReceivedMessage } from './bus.port';
import { serializeCloudEvent, toCloudEvent } from './cloud-event';
import { deliverWithRetries } from './delivery-policy';
import { InvalidCloudEvent } from './errors';
import { idempotentHandler, type ProcessedMessageStore } from './idempotent-consumer';

interface VisitRow {
  readonly householdId: string;
  readonly note: string;
}

/** A consumer's store as the read-store adapter will build it: effects and processed id in one transaction. */
class SqliteVisitLog implements ProcessedMessageStore<VisitRow[]> {
  constructor(private readonly db: DatabaseSync) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS processed_messages (consumer TEXT NOT NULL, message_id TEXT NOT NULL, PRIMARY KEY (consumer, message_id)) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS visit_log (consumer TEXT NOT NULL, household_id TEXT NOT NULL, note TEXT NOT NULL);
    `);
  }

  async hasProcessed(consumer: string, messageId: string): Promise<boolean> {
    return (
      this.db
        .prepare('SELECT 1 FROM processed_messages WHERE consumer = ? AND message_id = ?')
        .get(consumer, messageId) !== undefined
    );
  }

  async commit(consumer: string, messageId: string, effects: VisitRow[]): Promise<void> {
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const claimed = this.db
        .prepare('INSERT OR IGNORE INTO processed_messages (consumer, message_id) VALUES (?, ?)')
        .run(consumer, messageId);
      if (claimed.changes === 0) {
        this.db.exec('ROLLBACK');
        return;
      }
      const insert = this.db.prepare('INSERT INTO visit_log (consumer, household_id, note) VALUES (?, ?, ?)');
      for (const row of effects) insert.run(consumer, row.householdId, row.note);
      this.db.exec('COMMIT');
    } catch (error) {
      if (this.db.isTransaction) this.db.exec('ROLLBACK');
      throw error;
    }
  }
}

function visitMessage(householdId: string, offset: number): Omit<ReceivedMessage, 'attempt'> {
  const envelope = toCloudEvent({
    id: randomUUID(),
    type: 'cn.relapsewatch.inspection.HouseholdVisited.v1',
    subject: householdId,
    time: '2024-08-20T09:30:00Z',
    dataschema: 'https://schemas.relapsewatch.cn/inspection/household-visited.v1.json',
    data: { note: '入户核查：住房安全有保障' },
    correlationId: randomUUID(),
    divisionCode: '510104001001',
  });
  return {
    topic: 'relapsewatch.inspection.events.v1',
    key: householdId,
    value: serializeCloudEvent(envelope),
    headers: {},
    partition: 0,
    offset: String(offset),
  };
}

const toRows = async (event: { subject: string; data: { note: string } }): Promise<VisitRow[]> => [
  { householdId: event.subject, note: event.data.note },
  { householdId: event.subject, note: 'second row of the same effect' },
];

describe('idempotent consumer', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rw-idempotent-'));
  const db = new DatabaseSync(join(dir, 'read.db'));
  db.exec('PRAGMA journal_mode = WAL');
  const store = new SqliteVisitLog(db);
  const rowsOf = (consumer: string, householdId: string) =>
    (
      db
        .prepare('SELECT COUNT(*) AS n FROM visit_log WHERE consumer = ? AND household_id = ?')
        .get(consumer, householdId) as { n: number }
    ).n;
  afterAll(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a bus retry after a failure that came after the commit writes the effects once', async () => {
    const consumer = `visits-${randomUUID()}`;
    const householdId = randomUUID();
    let computed = 0;
    const inner = idempotentHandler<VisitRow[], { note: string }>({
      consumer,
      store,
      handle: async (event) => {
        computed++;
        return toRows(event);
      },
    });
    const attempts: number[] = [];
    const outcome = await deliverWithRetries({
      message: visitMessage(householdId, 7),
      handler: async (message) => {
        attempts.push(message.attempt);
        await inner(message);
        // The commit happened; the acknowledgement to the bus is what fails.
        if (message.attempt === 1) throw new Error('offset commit lost');
      },
      maxAttempts: 3,
      retryDelayMs: 1,
      signal: new AbortController().signal,
      deadLetter: async () => {
        throw new Error('must not dead-letter');
      },
    });
    expect(outcome).toBe('handled');
    expect(attempts).toEqual([1, 2]);
    expect(computed).toBe(1);
    expect(rowsOf(consumer, householdId)).toBe(2);
  });

  it('the same CloudEvent re-sent at another offset (a relay restart) is skipped; other consumers apply it once each', async () => {
    const householdId = randomUUID();
    const first = visitMessage(householdId, 1);
    const resent = { ...first, offset: '2' };
    const [a, b] = [`visits-a-${randomUUID()}`, `visits-b-${randomUUID()}`];
    const handlerA = idempotentHandler({ consumer: a, store, handle: toRows });
    const handlerB = idempotentHandler({ consumer: b, store, handle: toRows });
    await handlerA({ ...first, attempt: 1 });
    await handlerA({ ...resent, attempt: 1 });
    await handlerB({ ...resent, attempt: 1 });
    expect(rowsOf(a, householdId)).toBe(2);
    expect(rowsOf(b, householdId)).toBe(2);
  });

  it('a failure before the commit writes nothing, and the retry writes once', async () => {
    const consumer = `visits-${randomUUID()}`;
    const householdId = randomUUID();
    let calls = 0;
    const handler = idempotentHandler({
      consumer,
      store,
      handle: async (event: { subject: string; data: { note: string } }) => {
        if (calls++ === 0) throw new Error('division tree not loaded yet');
        return toRows(event);
      },
    });
    const message = visitMessage(householdId, 3);
    await expect(handler({ ...message, attempt: 1 })).rejects.toThrow('division tree not loaded yet');
    expect(rowsOf(consumer, householdId)).toBe(0);
    await handler({ ...message, attempt: 2 });
    expect(rowsOf(consumer, householdId)).toBe(2);
  });

  it('two deliveries racing past hasProcessed still commit once', async () => {
    const consumer = `visits-${randomUUID()}`;
    const householdId = randomUUID();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let started = 0;
    const handler = idempotentHandler({
      consumer,
      store,
      handle: async (event: { subject: string; data: { note: string } }) => {
        started++;
        await gate;
        return toRows(event);
      },
    });
    const message = visitMessage(householdId, 5);
    const both = Promise.all([handler({ ...message, attempt: 1 }), handler({ ...message, attempt: 1 })]);
    while (started < 2) await new Promise((resolve) => setImmediate(resolve));
    release();
    await both;
    expect(rowsOf(consumer, householdId)).toBe(2);
  });

  it('a value that is not an integration event is rejected and writes nothing', async () => {
    const consumer = `visits-${randomUUID()}`;
    const handler = idempotentHandler({ consumer, store, handle: toRows });
    const message = { ...visitMessage(randomUUID(), 9), value: '{"specversion":"1.0"}', attempt: 1 };
    await expect(handler(message)).rejects.toBeInstanceOf(InvalidCloudEvent);
    expect(
      (db.prepare('SELECT COUNT(*) AS n FROM visit_log WHERE consumer = ?').get(consumer) as { n: number }).n,
    ).toBe(0);
  });
});
