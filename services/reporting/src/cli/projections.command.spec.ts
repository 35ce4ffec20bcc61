import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DomainError } from '@relapse-watch/domain-kernel';
import { SqliteEventStore } from '@relapse-watch/event-store-sqlite';
import { SqliteReadStore } from '@relapse-watch/read-store-sqlite';
import { Command, CommanderError } from 'commander';
import { activeGeneration } from '../read-model/live-generation';
import { countsOf, reportingCollections, storedCounts, type UnitDocument } from '../read-model/reporting-collections';
import { TierSummaryProjector } from '../read-model/tier-summary.projector';
import { keepInInbox } from '../testing/inbox-events';
import { COUNTY, scenarioEvents, scenarioHouseholds } from '../testing/report-scenario';
import { projectionsRebuild, projectionsVerify } from './projections.command';
import type { ReportingCliIo } from './reporting-cli.io';
import { addReportingCommands } from './reporting-cli';

// The operator's commands on the files of an embedded DATA_DIR: the inbox the service kept and the
// read models its projector wrote (generation 1), as a running system leaves them.

const dataDir = mkdtempSync(join(tmpdir(), 'rw-projections-'));
const events = scenarioEvents(scenarioHouseholds(90, 3));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function io(): ReportingCliIo & { lines: string[]; notes: string[] } {
  const lines: string[] = [];
  const notes: string[] = [];
  return {
    lines,
    notes,
    out: (l) => lines.push(l),
    err: (l) => notes.push(l),
    cwd: dataDir,
    env: { DATA_DIR: dataDir },
  };
}

async function withReadStore<T>(use: (store: SqliteReadStore) => Promise<T>): Promise<T> {
  const store = SqliteReadStore.open({ path: join(dataDir, 'read.db') });
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}

beforeAll(async () => {
  const inbox = SqliteEventStore.open({ path: join(dataDir, 'reporting-inbox.db') });
  await keepInInbox(inbox, events);
  await withReadStore(async (store) => {
    const projector = new TierSummaryProjector({
      inbox,
      store,
      collections: reportingCollections(1),
      utcOffsetMinutes: 480,
    });
    await projector.start();
    await projector.waitUntil(events.length);
    await projector.stop();
  });
  await inbox.close();
});

describe('relapse-watch projections', () => {
  it('verifies live read models that equal a rebuild from the log', async () => {
    const out = io();
    expect(await projectionsVerify(out)).toBe(true);
    expect(out.lines).toEqual([
      expect.stringMatching(/^一致 \/ equal: households 90 个文档/),
      expect.stringMatching(/^一致 \/ equal: contexts \d+ 个文档/),
      expect.stringMatching(/^一致 \/ equal: units \d+ 个文档/),
      expect.stringMatching(/第 1 代，日志位置 \d+/),
    ]);
  });

  it('names the first unit whose stored counts were edited behind the projector’s back', async () => {
    const collections = reportingCollections(1);
    const original = await withReadStore(async (store) => {
      const doc = (await store.get<UnitDocument>(collections.units, COUNTY))!;
      const counts = countsOf(doc.data.counts);
      await store.put(collections.units, {
        id: COUNTY,
        position: doc.position + 1,
        data: { ...doc.data, counts: storedCounts({ ...counts, households: counts['households'] + 1 }) },
      });
      return doc;
    });
    const out = io();
    expect(await projectionsVerify(out)).toBe(false);
    expect(out.lines).toContain(`不一致 / differs: units，第一个不同的文档 first differing document: ${COUNTY}`);

    // Through commander: exit status 2, not an error line.
    const program = new Command('relapse-watch').exitOverride();
    addReportingCommands(program, io());
    const run = program.parseAsync(['projections', 'verify'], { from: 'user' });
    await expect(run).rejects.toBeInstanceOf(CommanderError);
    await expect(run).rejects.toMatchObject({ exitCode: 2 });
    expect(original.data.counts.length).toBeGreaterThan(0);
  });

  it('rebuilds into the next generation, keeps the live one untouched meanwhile, then makes it live', async () => {
    const out = io();
    await projectionsRebuild('tier-summaries', out);
    expect(out.lines).toEqual([expect.stringMatching(/^已重建 tier-summaries：第 2 代，至日志位置 \d+/)]);
    await withReadStore(async (store) => {
      expect((await activeGeneration(store)).generation).toBe(2);
      const rebuilt = await store.get<UnitDocument>(reportingCollections(2).units, COUNTY);
      const old = await store.get<UnitDocument>(reportingCollections(1).units, COUNTY);
      // Generation 2 is the log's truth; generation 1 still holds what it held (the running service drops it).
      expect(countsOf(old!.data.counts)['households']).toBe(countsOf(rebuilt!.data.counts)['households'] + 1);
      expect(countsOf(rebuilt!.data.counts)['households']).toBe(90);
    });
    expect(await projectionsVerify(io())).toBe(true);
  });

  it('refuses a read model it does not know, naming it', async () => {
    await expect(projectionsRebuild('case-list', io())).rejects.toThrow(DomainError);
    await expect(projectionsRebuild('case-list', io())).rejects.toMatchObject({ code: 'cli.projection-unknown' });
  });
});
