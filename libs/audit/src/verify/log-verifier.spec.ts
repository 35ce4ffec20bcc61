import { describe, expect, it } from '@jest/globals';
import type { LogSeal, LogSealKey, LogSealKeyring } from '@relapse-watch/event-store-core';
import { sealOver } from '@relapse-watch/event-store-testing';
import { asStored, rawLog, rehash } from '../testing/raw-log.fixture';
import { LogVerifier } from './log-verifier';

const KEY: LogSealKey = { keyId: 'k1', secret: Buffer.alloc(32, 3) };
const KEYRING: LogSealKeyring = { current: KEY, byId: new Map([['k1', KEY]]) };
const FORGER: LogSealKey = { keyId: 'k1', secret: Buffer.alloc(32, 4) };

// Given: streams a, b, c interleaved over positions 1–12, sealed (0, 5] and (5, 10]; 11–12 unsealed.
const ORDER = ['a', 'b', 'a', 'c', 'b', 'a', 'c', 'b', 'a', 'c', 'b', 'a'];
function given() {
  const rows = rawLog(ORDER.map((streamId) => ({ streamId })));
  const first = sealOver(null, asStored(rows.slice(0, 5)), KEY);
  const second = sealOver(first, asStored(rows.slice(5, 10)), KEY);
  return { rows, seals: [first, second] };
}

function verify(
  rows: ReturnType<typeof rawLog>,
  seals: readonly LogSeal[],
  options: { from?: number; dense?: boolean; keyring?: LogSealKeyring | null } = {},
) {
  const from = options.from ?? 0;
  const verifier = new LogVerifier({
    fromPosition: from,
    seals: seals.filter((s) => s.fromPosition >= from),
    keyring: options.keyring === undefined ? KEYRING : options.keyring,
    densePositions: options.dense ?? false,
    lastSealedPosition: seals.at(-1)?.toPosition ?? 0,
  });
  for (const row of asStored(rows)) if (Number(row[0]) >= from) verifier.check(row);
  return verifier.finish();
}

describe('LogVerifier', () => {
  it('an intact log verifies, with its counts', () => {
    const { rows, seals } = given();
    expect(verify(rows, seals, { dense: true })).toEqual({
      intact: true,
      firstProblem: null,
      problems: [],
      problemCount: 0,
      fromPosition: 0,
      eventsChecked: 12,
      sealsChecked: 2,
      unsealedEvents: 2,
      lastSealedPosition: 10,
    });
  });

  it('an edited event is named: event.hash-mismatch, its position, stream, revision and id', () => {
    const { rows, seals } = given();
    rows[5][6] = '{"n":"changed"}';
    const report = verify(rows, seals);
    expect(report.firstProblem).toMatchObject({
      reason: 'event.hash-mismatch',
      position: 6,
      streamId: 'a',
      revision: 2,
      eventId: rows[5][3],
    });
    expect(report.firstProblem?.message).toMatch(
      /^事件内容与其哈希不符.* \/ event does not match its hash.*position 6, stream a revision 2/,
    );
    expect(report.problemCount).toBe(1);
  });

  it('an edited event with a recomputed hash breaks the next event of its stream: event.chain-broken', () => {
    const { rows, seals } = given();
    rows[2][6] = '{"n":"changed"}';
    rehash(rows[2]);
    // Sealed, the seal over position 3 names its range first; the chain names the link.
    expect(verify(rows, seals).problems.map((p) => p.reason)).toEqual(['seal.digest-mismatch', 'event.chain-broken']);
    expect(verify(rows, []).firstProblem).toMatchObject({
      reason: 'event.chain-broken',
      position: 6,
      streamId: 'a',
      revision: 2,
    });
  });

  it('a stream rewritten with fresh hashes from its first event on is caught by the seal: seal.digest-mismatch', () => {
    const { rows, seals } = given();
    const stream = rows.filter((r) => r[1] === 'c');
    stream[0][6] = '{"n":"forged"}';
    for (const [i, row] of stream.entries()) {
      if (i > 0) row[9] = stream[i - 1][10];
      rehash(row);
    }
    expect(verify(rows, seals).firstProblem).toMatchObject({
      reason: 'seal.digest-mismatch',
      position: 5,
      seal: { fromPosition: 0, toPosition: 5 },
    });
  });

  it('a deleted event is named by its stream and revision: event.missing', () => {
    const { rows } = given();
    rows.splice(2, 1); // a's revision 1 at position 3
    const report = verify(rows, []);
    expect(report.firstProblem).toMatchObject({ reason: 'event.missing', position: 6, streamId: 'a', revision: 2 });
    expect(report.firstProblem?.message).toContain("the stream's events of revisions 1–1 are missing");
  });

  it('in a dense log the deleted position itself is named', () => {
    const { rows, seals } = given();
    rows.splice(2, 1);
    expect(verify(rows, seals, { dense: true }).firstProblem).toMatchObject({
      reason: 'event.missing',
      position: 3,
      streamId: null,
    });
  });

  it("a deleted stream tail inside a sealed range is named by the seal's count: event.missing", () => {
    const { rows, seals } = given();
    rows.splice(9, 1); // c's last event, position 10
    expect(verify(rows, seals).firstProblem).toMatchObject({
      reason: 'event.missing',
      seal: { fromPosition: 5, toPosition: 10 },
    });
  });

  it('two events of one stream swapped: log.reordered, naming the one that came too early', () => {
    const { rows, seals } = given();
    // a's revisions 1 (position 3) and 2 (position 6) trade places.
    const [p3, p6] = [rows[2], rows[5]];
    rows[2] = [3, ...p6.slice(1)] as typeof p3;
    rows[5] = [6, ...p3.slice(1)] as typeof p3;
    const report = verify(rows, seals);
    expect(report.firstProblem).toMatchObject({ reason: 'log.reordered', position: 3, streamId: 'a', revision: 2 });
    expect(report.problemCount).toBe(3); // and both seals, one over each
  });

  it('two events of different streams swapped keep every chain but not the seal: seal.digest-mismatch', () => {
    const { rows, seals } = given();
    const [p4, p5] = [rows[3], rows[4]]; // c0 and b1
    rows[3] = [4, ...p5.slice(1)] as typeof p4;
    rows[4] = [5, ...p4.slice(1)] as typeof p4;
    expect(verify(rows, seals).firstProblem).toMatchObject({ reason: 'seal.digest-mismatch', position: 5 });
  });

  it('a seal signed with another key is named: seal.signature-invalid; an unknown key id: seal.key-unknown', () => {
    const { rows, seals } = given();
    const forged = sealOver(seals[0], asStored(rows.slice(5, 10)), FORGER);
    expect(verify(rows, [seals[0], forged]).firstProblem).toMatchObject({
      reason: 'seal.signature-invalid',
      seal: { fromPosition: 5, toPosition: 10 },
    });
    expect(verify(rows, seals, { keyring: null }).firstProblem).toMatchObject({ reason: 'seal.key-unknown' });
  });

  it('a removed seal breaks the seal chain: seal.chain-broken', () => {
    const { rows, seals } = given();
    const third = sealOver(seals[1], asStored(rows.slice(10)), KEY);
    expect(verify(rows, [seals[0], third]).firstProblem).toMatchObject({
      reason: 'seal.chain-broken',
      seal: { fromPosition: 10, toPosition: 12 },
    });
    expect(verify(rows, [seals[1]]).firstProblem).toMatchObject({ reason: 'seal.chain-broken' });
  });

  it('--from starts each chain at its first event at or after the position, and the seals at the first starting there', () => {
    const { rows, seals } = given();
    expect(verify(rows, seals, { from: 6 })).toMatchObject({
      intact: true,
      eventsChecked: 7,
      sealsChecked: 0,
      unsealedEvents: 2,
    });
    expect(verify(rows, seals, { from: 5, dense: true })).toMatchObject({
      intact: true,
      eventsChecked: 8,
      sealsChecked: 1,
    });
    rows[2][6] = '{"n":"before from"}';
    expect(verify(rows, seals, { from: 4 }).intact).toBe(true);
    rows[7][6] = '{"n":"after from"}';
    expect(verify(rows, seals, { from: 4 }).firstProblem).toMatchObject({ reason: 'event.hash-mismatch', position: 8 });
  });
});
