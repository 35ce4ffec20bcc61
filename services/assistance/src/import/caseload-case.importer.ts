import { DomainError, type DomainProblem } from '@relapse-watch/domain-kernel';
import { handleCommand, type Decider, type DomainEvent, type EventStore } from '@relapse-watch/event-store-core';
import type { RowGroup } from '@relapse-watch/sheet-io';
import { assistancePlanDecider, assistancePlanStreamId } from '../domain/assistance-plan/assistance-plan.decider';
import { householdEpisodeDecider, householdEpisodeStreamId } from '../domain/household-episode/household-episode';
import { monitoringCaseDecider, monitoringCaseStreamId } from '../domain/monitoring-case/monitoring-case.decider';
import {
  caseCommandsOf,
  importContext,
  type CaseCommand,
  type CaseCommands,
  type CaseImportSettings,
} from './caseload-case.commands';
import {
  caseOutcome,
  readCaseRows,
  rejectCase,
  rejectRow,
  type CaseOutcome,
  type CaseRows,
} from './caseload-case.reader';
import { caseColumnOf, caseloadErrorLines, measureColumnOf } from './caseload-import.errors';
import type { CaseloadColumnIndex } from './caseload-row.parser';

/** What every case's import shares. */
export interface CaseloadImportContext extends CaseImportSettings {
  readonly store: EventStore;
  readonly columns: CaseloadColumnIndex;
}

/**
 * Imports one case's rows command by command (the correctness reference; the fast path falls back
 * on it): the household's episode takes the imported case (`AssignImportedCase`), the case is
 * imported (`ImportCase`), then its measures (`ImportMeasures`), each through `handleCommand`
 * with a key from the rows' content, so a re-run replays. The case's input is checked before
 * anything is written. A refusal of the episode or the case refuses every row of the case (its
 * problems at the first accepted row); a refused measure
 * refuses its row and the others are imported without it. A crash between the three appends
 * leaves an episode without its case, or a case without its plan: the re-run completes it (the
 * episode's assignment and the case replay, the rest is written).
 */
export async function importCaseGroup(group: RowGroup, ctx: CaseloadImportContext): Promise<CaseOutcome> {
  const rows = readCaseRows(group, ctx.columns);
  const commands = caseCommandsOf(group, rows, ctx);
  if (commands === null) return caseOutcome(group, rows, false);
  try {
    // The case's own rules first, on no state: a refused case must not leave its household an episode.
    monitoringCaseDecider.decide(commands.importCase, monitoringCaseDecider.initialState);
    await run(ctx, householdEpisodeStreamId(commands.householdId), householdEpisodeDecider, commands.episode, commands);
    await run(ctx, monitoringCaseStreamId(commands.caseId), monitoringCaseDecider, commands.importCase, commands);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    rejectCase(rows, caseloadErrorLines(rows.base?.rowNumber ?? group.firstRow, error.problems, caseColumnOf));
    return caseOutcome(group, rows, false);
  }
  await importPlan(group, rows, commands, ctx);
  return caseOutcome(group, rows, true);
}

/** Imports the measures; a refused measure's row is refused and the plan imported without it. */
async function importPlan(
  group: RowGroup,
  rows: CaseRows,
  first: CaseCommands,
  ctx: CaseloadImportContext,
): Promise<void> {
  let commands: CaseCommands | null = first;
  while (commands?.importMeasures) {
    try {
      const stream = assistancePlanStreamId(commands.caseId);
      await run(ctx, stream, assistancePlanDecider, commands.importMeasures, commands);
      return;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      refuseMeasures(rows, commands.measureRows, error.problems);
    }
    // Every round refuses at least one row, so the measures left shrink until they pass or none is left.
    commands = caseCommandsOf(group, rows, ctx);
  }
}

/** Refuses the rows of the measures the plan refused: a plan-level problem (no measure index) refuses all of them. */
function refuseMeasures(rows: CaseRows, measureRows: readonly number[], problems: readonly DomainProblem[]): void {
  const byRow = new Map<number, DomainProblem[]>();
  for (const problem of problems) {
    const index = /^measures\[(\d+)\]/.exec(problem.field ?? '')?.[1];
    const at = index === undefined ? measureRows : [measureRows[Number(index)]];
    for (const row of at) byRow.set(row, [...(byRow.get(row) ?? []), problem]);
  }
  for (const [row, found] of byRow) rejectRow(rows, row, caseloadErrorLines(row, found, measureColumnOf));
}

function run<C, E extends DomainEvent, S>(
  ctx: CaseloadImportContext,
  streamId: string,
  decider: Decider<C, E, S>,
  command: C & CaseCommand,
  commands: CaseCommands,
) {
  return handleCommand(ctx.store, streamId, decider, command, importContext(ctx, commands, command));
}
