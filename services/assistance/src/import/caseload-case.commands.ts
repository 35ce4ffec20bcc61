import { hash } from 'node:crypto';
import { householdIdFor, type IsoDate } from '@relapse-watch/domain-kernel';
import type { RowGroup } from '@relapse-watch/sheet-io';
import { uuidV5, type Actor, type CommandContext } from '@relapse-watch/event-store-core';
import { importedCaseIdOf } from '../application/case-ids';
import type { ImportMeasures, MeasurePlanData } from '../domain/assistance-plan/assistance-plan.commands';
import type { AssignImportedCase } from '../domain/household-episode/household-episode';
import type { ImportCase } from '../domain/monitoring-case/monitoring-case-import.commands';
import { measureKey, type CaseRows } from './caseload-case.reader';
import type { SheetCase, SheetMeasure } from './caseload-row.parser';

// Fixed namespace of the measure ids the import derives; changing it would give every measure of
// a re-imported sheet a new id (and the plan would refuse them as another import).
const IMPORTED_MEASURE_NAMESPACE = '5d0c7e3a-91b4-4f62-8a1d-2c6e9b7f4a18';

/** The outcome the import records for a measure the sheet shows ended: the national record says no more. */
export const IMPORTED_MEASURE_OUTCOME = '按国家系统记录已结束 / ended as the national system records';

/** What every case's import shares: the day, the instant and who imports. */
export interface CaseImportSettings {
  /** Today in the officials' time zone: dates after it are refused, measures after it not started. */
  readonly today: IsoDate;
  readonly now: Date;
  readonly actor: Actor;
  readonly correlationId: string;
}

/** The three commands one case of the sheet becomes, with the rows of its measures. */
export interface CaseCommands {
  /** A digest of the case's rows as written: what the commands' idempotency keys follow from. */
  readonly rowsDigest: string;
  readonly householdId: string;
  readonly caseId: string;
  readonly villageCode: string;
  readonly episode: AssignImportedCase;
  readonly importCase: ImportCase;
  /** Null for a case without measures. */
  readonly importMeasures: ImportMeasures | null;
  /** The sheet row of each measure of `importMeasures`, in its order. */
  readonly measureRows: readonly number[];
}

/**
 * The commands of a case whose rows were read (the base row's case columns, the accepted rows'
 * measures not refused so far). Ids follow from the sheet: the household from village and
 * number (the registry's `householdIdFor`), the case from the household, each measure from the
 * case and what makes it that measure.
 */
export function caseCommandsOf(group: RowGroup, rows: CaseRows, settings: CaseImportSettings): CaseCommands | null {
  if (rows.base === undefined) return null;
  const sheetCase = rows.base.parsed.sheetCase;
  const { villageCode, householdNumber, identifiedOn, riskTypes } = sheetCase;
  const householdId = householdIdFor(villageCode, householdNumber);
  const caseId = importedCaseIdOf(householdId);
  const measures = rows.measures.filter((m) => !rows.rejected.has(m.rowNumber));
  return {
    rowsDigest: contentDigest(group.records),
    householdId,
    caseId,
    villageCode,
    episode: { type: 'AssignImportedCase', data: { householdId, caseId, on: identifiedOn } },
    importCase: {
      type: 'ImportCase',
      actor: settings.actor,
      data: {
        on: identifiedOn,
        caseId,
        householdId,
        villageCode,
        leadSource: sheetCase.leadSource,
        category: sheetCase.category,
        riskTypes,
        eliminatedOn: sheetCase.eliminatedOn,
      },
      facts: { today: settings.today },
    },
    importMeasures:
      measures.length === 0
        ? null
        : {
            type: 'ImportMeasures',
            data: {
              measures: measures.map(({ measure }) => importedMeasure(caseId, measure, sheetCase)),
              endedOutcome: IMPORTED_MEASURE_OUTCOME,
            },
            facts: { caseId, householdId, caseIdentifiedOn: identifiedOn, riskTypes, today: settings.today },
          },
    measureRows: measures.map((m) => m.rowNumber),
  };
}

/**
 * A measure of the sheet as the plan takes it: planned from its start to its end (the plan's
 * import starts and ends it as those days come). On an eliminated case, a measure still running
 * after the elimination day (its end later, or none) continues after elimination (the transition
 * period's "assistance policies stay stable"): it carries its end as the day it continues until,
 * or none when the sheet gives no end (open-ended, as dibao runs until its review); one that
 * ended by the elimination day is simply ended.
 */
function importedMeasure(caseId: string, measure: SheetMeasure, sheetCase: SheetCase): MeasurePlanData {
  const { start, end } = measure;
  const { eliminatedOn } = sheetCase;
  const continues = eliminatedOn !== null && (end === null || end > eliminatedOn);
  return {
    measureId: uuidV5(`${caseId}\n${measureKey(measure)}`, IMPORTED_MEASURE_NAMESPACE),
    category: measure.category,
    kind: measure.kind,
    responsibleDepartment: measure.responsibleDepartment,
    plannedStart: start,
    plannedEnd: end,
    amountFen: measure.amountFen,
    continuesAfterEliminationUntil: continues ? end : null,
  };
}

/**
 * The context a command of the import is written under: keyed by a digest of the case's rows as
 * the sheet writes them (never of what depends on the import day), so the same rows again name
 * the same events (a re-run or a resumed run writes nothing) and corrected ones other events,
 * which the deciders then judge. One digest a case rather than one a command: the keys cost a
 * hash each, on the import's busiest thread.
 */
export function importContext(
  settings: CaseImportSettings,
  commands: CaseCommands,
  command: CaseCommand,
): CommandContext {
  return {
    now: settings.now,
    actor: settings.actor,
    divisionCode: commands.villageCode,
    correlationId: settings.correlationId,
    idempotencyKey: `caseload-import/${command.type}/${commands.rowsDigest}`,
  };
}

/** One of the commands a case becomes. */
export type CaseCommand = AssignImportedCase | ImportCase | ImportMeasures;

function contentDigest(records: RowGroup['records']): string {
  const parts: string[] = [];
  for (const record of records) parts.push(record.fields.join('\u001f'));
  return hash('sha256', parts.join('\u001e'), 'base64url').slice(0, 22);
}
