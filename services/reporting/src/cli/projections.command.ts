import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DomainError } from '@relapse-watch/domain-kernel';
import type { EventStore } from '@relapse-watch/event-store-core';
import type { ReadStore } from '@relapse-watch/read-store-core';
import { SqliteReadStore } from '@relapse-watch/read-store-sqlite';
import { collectionDigest, firstDifference } from '../read-model/collection-digest';
import { activateGeneration, activeGeneration, dropGeneration } from '../read-model/live-generation';
import { reportingCollections, type ReportingCollections } from '../read-model/reporting-collections';
import { rebuildGeneration } from '../read-model/rebuild-generation';
import { positionProgress } from './position-progress';
import type { ReportingCliIo } from './reporting-cli.io';
import { openReportingStores } from './reporting-stores';

/** The read models `projections` knows: the reporting's tier summaries (households, contexts, units). */
export const PROJECTION_NAMES = ['tier-summaries'] as const;

function checkName(name: string): void {
  if (name !== 'all' && !(PROJECTION_NAMES as readonly string[]).includes(name))
    throw new DomainError({
      code: 'cli.projection-unknown',
      field: 'name',
      message: `没有名为 ${name} 的读模型（可选：${PROJECTION_NAMES.join('、')}、all）/ no read model named ${name} (known: ${PROJECTION_NAMES.join(', ')}, all)`,
    });
}

/** Folds the inbox into `collections` until it has caught up with the head (which may still move) or reached `until`. */
async function build(
  inbox: EventStore,
  store: ReadStore,
  collections: ReportingCollections,
  utcOffsetMinutes: number,
  io: ReportingCliIo,
  label: string,
  until?: number,
): Promise<number> {
  const progress = positionProgress(io, label, until ?? (await inbox.headPosition()));
  try {
    return await rebuildGeneration({
      inbox,
      store,
      collections,
      utcOffsetMinutes,
      untilPosition: until,
      onProgress: (position) => progress.update(position),
    });
  } finally {
    progress.stop();
  }
}

/**
 * `projections rebuild <name|all>`: folds the whole inbox log from position zero into the next
 * generation of collections while the service keeps serving the live one, then makes the new
 * generation live; the running service follows within seconds and drops the old one (blue/green).
 */
export async function projectionsRebuild(name: string, io: ReportingCliIo): Promise<void> {
  checkName(name);
  const stores = await openReportingStores(io);
  try {
    const live = await activeGeneration(stores.store);
    const next = reportingCollections(live.generation + 1);
    // What an interrupted rebuild may have left.
    await dropGeneration(stores.store, next);
    const started = Date.now();
    const position = await build(stores.inbox, stores.store, next, stores.utcOffsetMinutes, io, '重建 rebuilding');
    await activateGeneration(stores.store, next.generation, new Date());
    const seconds = (Date.now() - started) / 1000;
    io.out(
      `已重建 tier-summaries：第 ${next.generation} 代，至日志位置 ${position}，用时 ${seconds.toFixed(1)} 秒，服务将在数秒内切换 / rebuilt tier-summaries as generation ${next.generation} up to log position ${position} in ${seconds.toFixed(1)} s; the service switches over within seconds`,
    );
  } finally {
    await stores.close();
  }
}

/**
 * `projections verify`: rebuilds the live generation into a scratch store up to the live
 * checkpoint and compares every collection by hash; names the first document that differs.
 * @returns whether the live read models equal the rebuild.
 */
export async function projectionsVerify(io: ReportingCliIo, attempts = 5): Promise<boolean> {
  const stores = await openReportingStores(io);
  const dir = mkdtempSync(join(tmpdir(), 'rw-projections-verify-'));
  try {
    for (let attempt = 1; attempt <= attempts; attempt++) {
      const live = await activeGeneration(stores.store);
      const checkpoint = await stores.store.loadCheckpoint(live.checkpoint);
      const scratch = SqliteReadStore.open({ path: join(dir, `scratch-${attempt}.db`) });
      try {
        const scratchCollections = reportingCollections(live.generation);
        await build(
          stores.inbox,
          scratch,
          scratchCollections,
          stores.utcOffsetMinutes,
          io,
          '校验 verifying',
          checkpoint,
        );
        const results = [];
        for (const part of ['households', 'contexts', 'units'] as const) {
          const [inLive, rebuilt] = [
            await collectionDigest(stores.store, live[part]),
            await collectionDigest(scratch, scratchCollections[part]),
          ];
          results.push({ part, inLive, rebuilt, first: firstDifference(inLive, rebuilt) });
        }
        // The live model moved on while we compared: compare again at its new checkpoint.
        if ((await stores.store.loadCheckpoint(live.checkpoint)) !== checkpoint) continue;
        for (const { part, inLive, first } of results)
          io.out(
            first === null
              ? `一致 / equal: ${part} ${inLive.documents} 个文档 documents, sha256 ${inLive.digest.slice(0, 16)}…`
              : `不一致 / differs: ${part}，第一个不同的文档 first differing document: ${first}`,
          );
        const equal = results.every((r) => r.first === null);
        io.out(
          equal
            ? `读模型与从日志重建的一致（第 ${live.generation} 代，日志位置 ${checkpoint}）/ the read models equal a rebuild from the log (generation ${live.generation}, position ${checkpoint})`
            : `读模型与从日志重建的不一致，请运行 projections rebuild / the read models differ from a rebuild from the log: run projections rebuild`,
        );
        return equal;
      } finally {
        await scratch.close();
      }
    }
    throw new DomainError({
      code: 'cli.projection-busy',
      field: 'checkpoint',
      message: `读模型在校验期间一直在更新（试了 ${attempts} 次）/ the read models kept moving while being compared (${attempts} attempts)`,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await stores.close();
  }
}
