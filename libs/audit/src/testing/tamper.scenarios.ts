import { afterEach, describe, expect, it } from '@jest/globals';
import {
  logSealsOf,
  type EventStore,
  type LogSealKey,
  type LogSealKeyring,
  type StoredEvent,
} from '@relapse-watch/event-store-core';
import { collect, rawRows, sealOver, testEvent } from '@relapse-watch/event-store-testing';
import { LogSealer } from '../seal/log-sealer';
import { verifyLog, type VerifyLogOptions } from '../verify/verify-log';

/** What the tamper scenarios need of an adapter: fresh stores, and SQL behind the store's back. */
export interface TamperHarness {
  /** Opens a new, empty store. */
  readonly open: () => Promise<EventStore>;
  /** Opens a second store on the same database as `store`: another process sharing the log. */
  readonly reopen: (store: EventStore) => Promise<EventStore>;
  /** Sets an event's stored data text, as an edit made directly in the database. */
  readonly editData: (store: EventStore, position: number, dataJson: string) => Promise<void>;
  /** Deletes an event's row. */
  readonly deleteRow: (store: EventStore, position: number) => Promise<void>;
  /** Swaps two events' positions (each row keeps everything else). */
  readonly swapPositions: (store: EventStore, a: number, b: number) => Promise<void>;
  /** How verifyLog runs (default: as configured by default; the logs here are below its threads' threshold). */
  readonly verifyOptions?: Pick<VerifyLogOptions, 'threads' | 'threadsFromEvents'>;
}

const KEY: LogSealKey = { keyId: 'audit-test', secret: Buffer.alloc(32, 11) };
const KEYRING: LogSealKeyring = { current: KEY, byId: new Map([[KEY.keyId, KEY]]) };
const WRONG: LogSealKey = { keyId: 'audit-test', secret: Buffer.alloc(32, 12) };
const STREAMS = 5;
const PER_STREAM = 6;

/**
 * Edits, deletes and reorders stored events directly in a real database and expects
 * `verifyLog` to name the event and the reason; an intact log verifies, a forged seal is named,
 * `--from` starts where asked.
 */
export function tamperScenarios(adapterName: string, harness: TamperHarness): void {
  describe(`audit verify over a tampered log: ${adapterName}`, () => {
    const open: EventStore[] = [];
    afterEach(async () => {
      await Promise.all(open.splice(0).map((s) => s.close()));
    });

    /** Given: 5 streams of 6 events, interleaved, sealed every 7 events and the rest. */
    async function sealedLog() {
      const store = await harness.open();
      open.push(store);
      const prefix = `audit-${Math.random().toString(36).slice(2, 8)}`;
      for (let i = 0; i < PER_STREAM; i++)
        for (let s = 0; s < STREAMS; s++)
          await store.appendToStream(`${prefix}-${s}`, [testEvent('Recorded', { s, i, 说明: '走访记录 visit note' })]);
      const seals = logSealsOf(store);
      await sealer(store).sealCommitted();
      const events = await collect(store.readAll());
      return { store, seals, events };
    }

    function sealer(store: EventStore) {
      return new LogSealer(logSealsOf(store), {
        keyring: KEYRING,
        intervalEvents: 7,
        intervalMs: 0,
        now: () => new Date(),
      });
    }

    const verify = (store: EventStore, fromPosition = 0) =>
      verifyLog(logSealsOf(store), { keyring: KEYRING, fromPosition, batchSize: 8, ...harness.verifyOptions });

    const at = (events: StoredEvent[], streamIndex: number, revision: number) =>
      events.filter((e) => e.streamId.endsWith(`-${streamIndex}`))[revision];

    it('an intact log verifies: every event checked, every seal, nothing unsealed', async () => {
      const { store, events } = await sealedLog();
      const report = await verify(store);
      expect(report).toMatchObject({
        intact: true,
        firstProblem: null,
        eventsChecked: STREAMS * PER_STREAM,
        sealsChecked: Math.ceil((STREAMS * PER_STREAM) / 7),
        unsealedEvents: 0,
        lastSealedPosition: events.at(-1)!.position,
      });
    });

    it('an event whose data text was edited is named: event.hash-mismatch', async () => {
      const { store, events } = await sealedLog();
      const target = at(events, 2, 3);
      await harness.editData(store, target.position, JSON.stringify({ s: 2, i: 3, 说明: '改过 changed' }));
      const report = await verify(store);
      expect(report.firstProblem).toMatchObject({
        reason: 'event.hash-mismatch',
        position: target.position,
        streamId: target.streamId,
        revision: 3,
        eventId: target.id,
      });
      expect(report.problemCount).toBe(1);
    });

    it('a deleted event is named: event.missing', async () => {
      const { store, seals, events } = await sealedLog();
      const target = at(events, 1, 2);
      await harness.deleteRow(store, target.position);
      const report = await verify(store);
      const next = at(events, 1, 3);
      if (seals.densePositions) {
        expect(report.firstProblem).toMatchObject({
          reason: 'event.missing',
          position: target.position,
          streamId: null,
        });
      } else {
        // Positions have gaps here: the sealed count names the range, the stream's revisions the event.
        const seal = report.firstProblem?.seal;
        expect(report.firstProblem?.reason).toBe('event.missing');
        expect(seal!.fromPosition < target.position && target.position <= seal!.toPosition).toBe(true);
      }
      expect(report.problems).toContainEqual(
        expect.objectContaining({
          reason: 'event.missing',
          position: next.position,
          streamId: next.streamId,
          revision: 3,
        }),
      );
    });

    it('two events of one stream swapped are named: log.reordered', async () => {
      const { store, events } = await sealedLog();
      const [first, second] = [at(events, 4, 1), at(events, 4, 2)];
      await harness.swapPositions(store, first.position, second.position);
      const report = await verify(store);
      expect(report.firstProblem).toMatchObject({
        reason: 'log.reordered',
        position: first.position,
        streamId: first.streamId,
        revision: 2,
        eventId: second.id,
      });
    });

    it('two events of different streams swapped keep every chain, and the seal names its range', async () => {
      const { store, events } = await sealedLog();
      const [a, b] = [at(events, 0, 1), at(events, 1, 1)];
      await harness.swapPositions(store, a.position, b.position);
      const report = await verify(store);
      expect(report.firstProblem).toMatchObject({ reason: 'seal.digest-mismatch' });
      const { fromPosition, toPosition } = report.firstProblem!.seal!;
      expect(fromPosition < a.position && b.position <= toPosition).toBe(true);
    });

    it('a seal signed with another key is named: seal.signature-invalid', async () => {
      const { store, seals } = await sealedLog();
      await store.appendToStream('audit-forged', [testEvent('Recorded', { n: 1 }), testEvent('Recorded', { n: 2 })]);
      const last = await seals.lastSeal();
      const rows = await rawRows(seals, last!.toPosition + 1);
      expect(await seals.addSeal(sealOver(last, rows, WRONG))).toBe(true);
      const report = await verify(store);
      expect(report.firstProblem).toMatchObject({
        reason: 'seal.signature-invalid',
        seal: { fromPosition: last!.toPosition, toPosition: Number(rows.at(-1)![0]) },
      });
    });

    it('--from starts at the position: what lies before it is not read, what lies after is', async () => {
      const { store, events } = await sealedLog();
      const from = events[14].position;
      await harness.editData(store, events[3].position, '{"before":"from"}');
      expect(await verify(store, from)).toMatchObject({ intact: true, eventsChecked: events.length - 14 });
      await harness.editData(store, events[20].position, '{"after":"from"}');
      expect((await verify(store, from)).firstProblem).toMatchObject({
        reason: 'event.hash-mismatch',
        position: events[20].position,
      });
    });

    it('two sealers racing over a log that grows keep one chain that verifies', async () => {
      const store = await harness.open();
      const other = await harness.reopen(store);
      open.push(store, other);
      const [one, two] = [sealer(store), sealer(other)];
      const writing = (async () => {
        for (let i = 0; i < 40; i++)
          await store.appendToStreams(
            Array.from({ length: 3 }, (_, s) => ({ streamId: `race-${s}`, events: [testEvent('Recorded', { i, s })] })),
          );
      })();
      const sealing = (async () => {
        for (let i = 0; i < 20; i++) await Promise.all([one.sealFullIntervals(), two.sealCommitted()]);
      })();
      await Promise.all([writing, sealing]);
      await Promise.all([one.sealCommitted(), two.sealCommitted()]);
      const report = await verify(store);
      expect(report).toMatchObject({ intact: true, eventsChecked: 120, unsealedEvents: 0 });
    });
  });
}
