import { calendarDateAt, DomainError, residentIdHash, type IsoDate } from '@relapse-watch/domain-kernel';
import { handleCommand, type Actor, type CommandContext, type EventStore } from '@relapse-watch/event-store-core';
import { addMember } from '../application/add-member.handler';
import { registerHousehold } from '../application/register-household.handler';
import type { HouseholdCommand } from '../domain/household/household.commands';
import { householdDecider, householdStreamId } from '../domain/household/household.decider';
import { householdNumberStreamId } from '../domain/household-number-reservation/household-number-reservation.decider';
import { personReservationStreamId } from '../domain/person-reservation/person-reservation.decider';
import { personReservationProblem } from '../domain/person-reservation/person-reservation.errors';
import type { CsvRecord } from './csv-records.reader';
import { HOUSEHOLD_COLUMNS } from './household-sheet.columns';
import { parseHouseholdRow, type AcceptedRow, type ColumnIndex, type RowRules } from './household-row.parser';
import { contentDigest, importedHouseholdId, importedMemberId } from './import-ids';
import { errorLines, type ImportErrorLine } from './import-error.file';
import { importProblem } from './import.errors';

/** Consecutive rows of one (village, household number): one household's part of the sheet. */
export interface RowGroup {
  readonly sequence: number;
  readonly firstRow: number;
  readonly lastRow: number;
  readonly records: readonly CsvRecord[];
}

/** What importing one group gave. */
export interface GroupOutcome {
  readonly acceptedRows: number;
  readonly rejectedRows: number;
  /** Whether the household is registered (now or before) with at least this group's accepted rows. */
  readonly household: boolean;
  readonly errors: readonly ImportErrorLine[];
}

/** What every group's import shares. */
export interface GroupImportContext {
  readonly store: EventStore;
  readonly residentIdSalt: string;
  readonly columns: ColumnIndex;
  readonly rules: RowRules;
  readonly now: Date;
  readonly actor: Actor;
  readonly correlationId: string;
  /** Called with each stream the group touched once it is done, to drop it from a cache. */
  readonly forget?: (streamId: string) => void;
  /**
   * The fast path's capture run (household-batch.importer.ts): an outcome that depends on what
   * the store already holds — a refusal by the registry's handlers, a household without a head
   * row — throws {@link FastPathAbandoned} instead of becoming error lines, and the household
   * goes through the store itself.
   */
  readonly abandonOnRefusal?: boolean;
}

/** The household's outcome depends on the store's contents: the fast path hands it to the command path. */
export class FastPathAbandoned extends Error {
  constructor() {
    super('household left the import fast path');
    this.name = 'FastPathAbandoned';
  }
}

interface Row {
  readonly rowNumber: number;
  readonly parsed: AcceptedRow;
}

/**
 * Imports one household's rows through the registry's handlers: registers the household
 * (reserving its number), adds each member (reserving the person; the head first), then records
 * the year's income, the 3+1 status and the flags. Every command carries an idempotency key
 * derived from the household and the row's content, so a re-run or a resumed run replays instead
 * of appending. Domain refusals become error lines; anything else (the store failing) is thrown
 * and stops the import.
 *
 * Row rules: a row with any bad field is refused whole. The household columns come from the
 * first accepted row; a later row that disagrees is refused (`import.household-mismatch`). A
 * member refused (ID held by another household, …) leaves the household and the other members
 * imported. Without an accepted head row, a household not yet registered is not created and its
 * rows are refused (`import.head-missing`). A household-level refusal (the registration, the
 * income) is written against the household's first accepted row.
 */
export async function importHouseholdGroup(group: RowGroup, ctx: GroupImportContext): Promise<GroupOutcome> {
  const streams: string[] = [];
  try {
    return await importRows(group, ctx, streams);
  } finally {
    // The household is done: its streams leave the import's cache (and memory stays flat).
    for (const stream of streams) ctx.forget?.(stream);
  }
}

async function importRows(group: RowGroup, ctx: GroupImportContext, streams: string[]): Promise<GroupOutcome> {
  const errors: ImportErrorLine[] = [];
  const rejected = new Set<number>();
  const reject = (row: number, lines: ImportErrorLine[]) => {
    rejected.add(row);
    errors.push(...lines);
  };
  const rows: Row[] = [];
  for (const record of group.records) {
    const parsed = parseHouseholdRow(record.fields, ctx.columns, ctx.rules);
    if (parsed.ok) rows.push({ rowNumber: record.rowNumber, parsed });
    else reject(record.rowNumber, errorLines(record.rowNumber, parsed.problems));
  }
  const kept = consistentRows(rows, reject);
  const done = (household: boolean): GroupOutcome => ({ acceptedRows: group.records.length - rejected.size, rejectedRows: rejected.size, household, errors });
  if (kept.length === 0) return done(false);

  const base = kept[0];
  const { villageCode, householdNumber, status, income, threePlusOne, flags } = base.parsed.household;
  const householdId = importedHouseholdId(villageCode, householdNumber);
  streams.push(householdStreamId(householdId), householdNumberStreamId(villageCode, householdNumber));
  const today: IsoDate = calendarDateAt(ctx.now, 480);
  const context = (key: string): CommandContext => ({
    now: ctx.now,
    actor: ctx.actor,
    divisionCode: villageCode,
    correlationId: ctx.correlationId,
    idempotencyKey: `sheet-import/${householdId}/${key}`,
  });
  const members = [...kept].sort((a, b) => headFirst(a) - headFirst(b));

  if (headFirst(members[0]) !== 0 && ctx.abandonOnRefusal) throw new FastPathAbandoned();
  if (headFirst(members[0]) !== 0 && !(await isRegistered(ctx.store, householdId))) {
    for (const row of members) reject(row.rowNumber, errorLines(row.rowNumber, [importProblem('import.head-missing', 'relationToHead')]));
    return done(false);
  }
  try {
    await registerHousehold(
      ctx.store,
      { type: 'RegisterHousehold', data: { householdId, villageCode, householdNumber, status }, facts: { today, householdNumberInUse: false } },
      context('register'),
    );
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    if (ctx.abandonOnRefusal) throw new FastPathAbandoned();
    reject(base.rowNumber, errorLines(base.rowNumber, error.problems));
    for (const row of members.slice(1)) reject(row.rowNumber, errorLines(row.rowNumber, [importProblem('import.household-rejected', 'householdNumber')]));
    return done(false);
  }

  for (const row of members) {
    const { name, residentId, profile } = row.parsed.member;
    const personKey = residentIdHash(residentId, ctx.residentIdSalt);
    const memberId = importedMemberId(householdId, personKey);
    streams.push(personReservationStreamId(personKey));
    try {
      await addMember(
        { store: ctx.store, residentIdSalt: ctx.residentIdSalt },
        householdId,
        // The ID's registration division was checked when the row was read.
        { type: 'AddMember', data: { memberId, personal: { name, residentId }, profile }, facts: { today, registrationDivisionKnown: true } },
        context(`member/${memberId}/${contentDigest([name, JSON.stringify(profile)])}`),
      );
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (ctx.abandonOnRefusal) throw new FastPathAbandoned();
      reject(row.rowNumber, errorLines(row.rowNumber, error.problems, 'residentId'));
    }
  }

  // Household columns carried only by refused rows are not recorded: the official fixes the rows first.
  if (members.every((m) => rejected.has(m.rowNumber))) return done(true);
  const stream = householdStreamId(householdId);
  const household = async (command: HouseholdCommand, key: string) => {
    try {
      await handleCommand(ctx.store, stream, householdDecider, command, context(key));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (ctx.abandonOnRefusal) throw new FastPathAbandoned();
      const row = members.find((m) => !rejected.has(m.rowNumber)) ?? base;
      errors.push(...errorLines(row.rowNumber, error.problems, 'livesInHousehold'));
    }
  };
  const { year, ...components } = income;
  await household(
    { type: 'RecordIncome', data: { period: { kind: 'calendar-year', year }, components }, facts: { today } },
    `income/${year}/${contentDigest(Object.values(components))}`,
  );
  await household({ type: 'Record3Plus1Status', data: threePlusOne }, `3plus1/${contentDigest(Object.values(threePlusOne))}`);
  await household({ type: 'SetFlags', data: flags }, `flags/${flags.relocatedToResettlementSite}/${flags.urbanHukou}`);
  return done(true);
}

/** Rows whose household columns agree with the first row's and whose person is not already in the group; the others are refused. */
function consistentRows(rows: readonly Row[], reject: (row: number, lines: ImportErrorLine[]) => void): Row[] {
  const [first] = rows;
  if (first === undefined) return [];
  const kept: Row[] = [];
  const people = new Set<string>();
  for (const row of rows) {
    const differing = first.parsed.householdCells.findIndex((cell, i) => cell !== row.parsed.householdCells[i]);
    if (differing >= 0) {
      reject(row.rowNumber, errorLines(row.rowNumber, [importProblem('import.household-mismatch', HOUSEHOLD_COLUMNS[differing])]));
      continue;
    }
    if (people.has(row.parsed.member.residentId)) {
      reject(row.rowNumber, errorLines(row.rowNumber, [personReservationProblem('member.id-already-in-household', 'residentId')]));
      continue;
    }
    people.add(row.parsed.member.residentId);
    kept.push(row);
  }
  return kept;
}

function headFirst(row: Row): number {
  return row.parsed.member.profile.relationToHead === 'head' ? 0 : 1;
}

async function isRegistered(store: EventStore, householdId: string): Promise<boolean> {
  for await (const event of store.readStream(householdStreamId(householdId), { maxCount: 1 })) return event.type === 'HouseholdRegistered';
  return false;
}
