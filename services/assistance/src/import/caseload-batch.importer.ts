import { DomainError } from '@relapse-watch/domain-kernel';
import {
  commandEvents,
  DuplicateEventId,
  MultiStreamAppendNotSupported,
  WrongExpectedRevision,
  type Decider,
  type DomainEvent,
  type StreamAppend,
} from '@relapse-watch/event-store-core';
import type { RowGroup } from '@relapse-watch/sheet-io';
import { assistancePlanDecider, assistancePlanStreamId } from '../domain/assistance-plan/assistance-plan.decider';
import { householdEpisodeDecider, householdEpisodeStreamId } from '../domain/household-episode/household-episode';
import { monitoringCaseDecider, monitoringCaseStreamId } from '../domain/monitoring-case/monitoring-case.decider';
import { caseCommandsOf, importContext, type CaseCommand, type CaseCommands } from './caseload-case.commands';
import { importCaseGroup, type CaseloadImportContext } from './caseload-case.importer';
import { caseOutcome, readCaseRows, type CaseOutcome } from './caseload-case.reader';

/** A case planned for the fast path: its outcome and the appends that make it. */
interface PlannedCase {
  readonly outcome: CaseOutcome;
  readonly appends: readonly StreamAppend[];
}

/**
 * The import's fast path: a batch of new cases decided in memory and written in ONE atomic
 * multi-stream append: per case, the household's episode, the case and its plan, each one event
 * on an empty stream (`expectedRevision: 'no_stream'`), exactly the events the command path would
 * append (same deciders, same keys, so the same ids). The command path ({@link importCaseGroup})
 * takes over where the outcome depends on the store or on a refusal: for the whole batch when any
 * of its streams exists with other events (a corrected sheet, a household with a case here) or the
 * store cannot append atomically; for one case when a decider refuses part of it, or when its
 * streams are another case's of the batch (a household's rows split in two). Those run after the
 * batch is written. A re-run of the same rows sends the same events, which the store recognises
 * as written: nothing is appended twice.
 *
 * `onDone` gets each case's outcome once its events are in the store.
 */
export async function importCaseBatch(
  groups: readonly RowGroup[],
  ctx: CaseloadImportContext,
  onDone: (group: RowGroup, outcome: CaseOutcome) => void,
): Promise<void> {
  let decided: { group: RowGroup; outcome: CaseOutcome }[] = [];
  let alone: RowGroup[] = [];
  const appends: StreamAppend[] = [];
  const claimed = new Set<string>();
  for (const group of groups) {
    const planned = planCase(group, ctx);
    if (planned === null || planned.appends.some((a) => claimed.has(a.streamId))) {
      alone.push(group);
      continue;
    }
    for (const append of planned.appends) {
      claimed.add(append.streamId);
      appends.push(append);
    }
    decided.push({ group, outcome: planned.outcome });
  }
  if (appends.length > 0) {
    // New streams of their own: in stream-id order the store's index takes the batch in one sweep.
    appends.sort((a, b) => (a.streamId < b.streamId ? -1 : a.streamId > b.streamId ? 1 : 0));
    try {
      await ctx.store.appendToStreams(appends);
    } catch (error) {
      if (!(
        error instanceof WrongExpectedRevision ||
        error instanceof DuplicateEventId ||
        error instanceof MultiStreamAppendNotSupported
      ))
        throw error;
      decided = [];
      alone = [...groups];
    }
  }
  for (const { group, outcome } of decided) onDone(group, outcome);
  await Promise.all(alone.map(async (group) => onDone(group, await importCaseGroup(group, ctx))));
}

/** The fast path's appends for one case, or null when a decider refuses part of it (the command path then says which rows). */
function planCase(group: RowGroup, ctx: CaseloadImportContext): PlannedCase | null {
  const rows = readCaseRows(group, ctx.columns);
  const commands = caseCommandsOf(group, rows, ctx);
  if (commands === null) return { outcome: caseOutcome(group, rows, false), appends: [] };
  try {
    const appends = [
      newStream(
        householdEpisodeStreamId(commands.householdId),
        householdEpisodeDecider,
        commands.episode,
        commands,
        ctx,
      ),
      newStream(monitoringCaseStreamId(commands.caseId), monitoringCaseDecider, commands.importCase, commands, ctx),
    ];
    if (commands.importMeasures !== null)
      appends.push(
        newStream(
          assistancePlanStreamId(commands.caseId),
          assistancePlanDecider,
          commands.importMeasures,
          commands,
          ctx,
        ),
      );
    return { outcome: caseOutcome(group, rows, true), appends };
  } catch (error) {
    if (error instanceof DomainError) return null;
    throw error;
  }
}

/**
 * The append of one command decided on an empty stream. No command digest (see `commandEvents`):
 * the key follows from the rows' content, so it never comes back with another command.
 */
function newStream<C, E extends DomainEvent, S>(
  streamId: string,
  decider: Decider<C, E, S>,
  command: C & CaseCommand,
  commands: CaseCommands,
  ctx: CaseloadImportContext,
): StreamAppend {
  const events = decider.decide(command, decider.initialState);
  return {
    streamId,
    events: commandEvents(streamId, events, importContext(ctx, commands, command)),
    options: { expectedRevision: 'no_stream' },
  };
}
