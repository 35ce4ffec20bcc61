import { DomainError } from '@relapse-watch/domain-kernel';
import {
  commandEvents,
  appendNewStreamsOrFallBack,
  type Decider,
  type DomainEvent,
  type PlannedItem,
  type StreamAppend,
} from '@relapse-watch/event-store-core';
import type { RowGroup } from '@relapse-watch/sheet-io';
import { assistancePlanDecider, assistancePlanStreamId } from '../domain/assistance-plan/assistance-plan.decider';
import { householdEpisodeDecider, householdEpisodeStreamId } from '../domain/household-episode/household-episode';
import { monitoringCaseDecider, monitoringCaseStreamId } from '../domain/monitoring-case/monitoring-case.decider';
import { caseCommandsOf, importContext, type CaseCommand, type CaseCommands } from './caseload-case.commands';
import { importCaseGroup, type CaseloadImportContext } from './caseload-case.importer';
import { caseOutcome, readCaseRows, type CaseOutcome } from './caseload-case.reader';

/**
 * The import's fast path: a batch of new cases decided in memory and written in ONE atomic
 * multi-stream append ({@link appendNewStreamsOrFallBack}): per case, the household's episode, the
 * case and its plan, each one event on an empty stream, exactly the events the command path would
 * append (same deciders, same keys, so the same ids). The command path ({@link importCaseGroup})
 * takes over for the whole batch when any of its streams exists with other events (a corrected
 * sheet, a household with a case here), for one case when a decider refuses part of it, or when
 * its streams are another case's of the batch (a household's rows split in two). A re-run of the
 * same rows sends the same events, which the store recognises as written: nothing is appended
 * twice.
 *
 * `onDone` gets each case's outcome once its events are in the store.
 */
export function importCaseBatch(
  groups: readonly RowGroup[],
  ctx: CaseloadImportContext,
  onDone: (group: RowGroup, outcome: CaseOutcome) => void,
): Promise<void> {
  return appendNewStreamsOrFallBack(groups, {
    store: ctx.store,
    plan: (group) => planCase(group, ctx),
    commandPath: (group) => importCaseGroup(group, ctx),
    onDone,
  });
}

/** The fast path's appends for one case, or null when a decider refuses part of it (the command path then says which rows). */
function planCase(group: RowGroup, ctx: CaseloadImportContext): PlannedItem<CaseOutcome> | null {
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
