import { DomainError, residentIdHash, type IsoDate } from '@relapse-watch/domain-kernel';
import { handleCommand, type Actor, type CommandContext, type EventStore } from '@relapse-watch/event-store-core';
import { addMember } from '../application/add-member.handler';
import { registerHousehold } from '../application/register-household.handler';
import type { HouseholdCommand, RecordRigidExpenditure } from '../domain/household/household.commands';
import { householdDecider, householdStreamId } from '../domain/household/household.decider';
import { householdNumberStreamId } from '../domain/household-number-reservation/household-number-reservation.decider';
import { personReservationStreamId } from '../domain/person-reservation/person-reservation.decider';
import { personReservationProblem } from '../domain/person-reservation/person-reservation.errors';
import {
  DEFAULT_PER_CAPITA_DIVISOR_RULE,
  type PerCapitaDivisorRule,
} from '../domain/province-policy/province-policy.values';
import type { RowGroup as SheetRowGroup } from '@relapse-watch/sheet-io';
import { HOUSEHOLD_COLUMNS } from './household-sheet.columns';
import type { SheetRigidExpenditure } from './household-sheet.types';
import { parseHouseholdRow, type AcceptedRow, type ColumnIndex, type RowRules } from './household-row.parser';
import { contentDigest, importedHouseholdId, importedMemberId } from './import-ids';
import type { ImportErrorLine } from '@relapse-watch/sheet-io';
import { errorLines, warningLines } from './import-error.lines';
import type { HouseholdState } from '../domain/household/household.state';
import { importProblem } from './import.errors';

/** Consecutive rows of one (village, household number): one household's part of the sheet. */
export type RowGroup = SheetRowGroup;

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
}

/** An accepted row of a group. */
export interface Row {
  readonly rowNumber: number;
  readonly parsed: AcceptedRow;
}

/**
 * Imports one household's rows through the registry's handlers: registers the household
 * (reserving its number), adds each member (reserving the person; the head first), then records
 * the year's income, the rigid expenditure (when the sheet has it), the 3+1 status and the flags. Every command carries an idempotency key
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

/** A group's rows read and checked against each other: where both import paths start. */
export interface GroupRows {
  /** Error lines so far; both paths add their own. */
  readonly errors: ImportErrorLine[];
  /** Row numbers refused so far. */
  readonly rejected: Set<number>;
  /** The accepted rows, the head first (a head row, if any, comes first), then sheet order. */
  readonly members: readonly Row[];
  /** The first accepted row in sheet order: household-level refusals are written against it. */
  readonly base: Row | undefined;
}

/** Refuses a row with its error lines. */
export function rejectRow(
  rows: Pick<GroupRows, 'errors' | 'rejected'>,
  row: number,
  lines: readonly ImportErrorLine[],
): void {
  rows.rejected.add(row);
  rows.errors.push(...lines);
}

/** The group's outcome from its rows' fate. */
export function groupOutcome(group: RowGroup, rows: GroupRows, household: boolean): GroupOutcome {
  return {
    acceptedRows: group.records.length - rows.rejected.size,
    rejectedRows: rows.rejected.size,
    household,
    errors: rows.errors,
  };
}

/** Parses a group's rows and keeps those that agree on the household (see {@link importHouseholdGroup}'s row rules). */
export function readGroupRows(group: RowGroup, ctx: Pick<GroupImportContext, 'columns' | 'rules'>): GroupRows {
  const rows = { errors: [] as ImportErrorLine[], rejected: new Set<number>() };
  const parsedRows: Row[] = [];
  for (const record of group.records) {
    const parsed = parseHouseholdRow(record.fields, ctx.columns, ctx.rules, record.numberCells);
    if (parsed.ok) parsedRows.push({ rowNumber: record.rowNumber, parsed });
    else rejectRow(rows, record.rowNumber, errorLines(record.rowNumber, parsed.problems));
  }
  const kept = consistentRows(parsedRows, (row, lines) => rejectRow(rows, row, lines));
  return { ...rows, members: [...kept].sort((a, b) => headFirst(a) - headFirst(b)), base: kept[0] };
}

/** The context of a sheet import's command on a household, its idempotency key derived from `key`: every path derives the same. */
export function importCommandContext(
  ctx: GroupImportContext,
  householdId: string,
  villageCode: string,
  key: string,
): CommandContext {
  return {
    now: ctx.now,
    actor: ctx.actor,
    divisionCode: villageCode,
    correlationId: ctx.correlationId,
    idempotencyKey: `sheet-import/${householdId}/${key}`,
  };
}

/** The key of a member's commands: the member and what the sheet says of them. */
export function memberCommandKey(memberId: string, name: string, profile: unknown): string {
  return `member/${memberId}/${contentDigest([name, JSON.stringify(profile)])}`;
}

async function importRows(group: RowGroup, ctx: GroupImportContext, streams: string[]): Promise<GroupOutcome> {
  const rows = readGroupRows(group, ctx);
  const { errors, rejected, members, base } = rows;
  const reject = (row: number, lines: ImportErrorLine[]) => rejectRow(rows, row, lines);
  const done = (household: boolean): GroupOutcome => groupOutcome(group, rows, household);
  if (base === undefined) return done(false);

  const { villageCode, householdNumber, status, income, rigidExpenditure, threePlusOne, flags, legacyMonitoring } =
    base.parsed.household;
  const perCapitaDivisorRule = divisorRuleOf(ctx.rules);
  const householdId = importedHouseholdId(villageCode, householdNumber);
  streams.push(householdStreamId(householdId), householdNumberStreamId(villageCode, householdNumber));
  const today: IsoDate = ctx.rules.today;
  const facts = importFacts(ctx, today, villageCode);
  const context = (key: string): CommandContext => importCommandContext(ctx, householdId, villageCode, key);
  // The household as the last command left it: its open warnings go to the error file.
  let latest: HouseholdState | undefined;

  if (headFirst(members[0]) !== 0 && !(await isRegistered(ctx.store, householdId))) {
    for (const row of members)
      reject(row.rowNumber, errorLines(row.rowNumber, [importProblem('import.head-missing', 'relationToHead')]));
    return done(false);
  }
  try {
    const result = await registerHousehold(
      ctx.store,
      {
        type: 'RegisterHousehold',
        data: { householdId, villageCode, householdNumber, status },
        facts: { ...facts, householdNumberInUse: false },
      },
      context('register'),
    );
    latest = result.state;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    reject(base.rowNumber, errorLines(base.rowNumber, error.problems));
    for (const row of members.slice(1))
      reject(row.rowNumber, errorLines(row.rowNumber, [importProblem('import.household-rejected', 'householdNumber')]));
    return done(false);
  }

  const rowOfMember = new Map<string, number>();
  for (const row of members) {
    const { name, residentId, profile } = row.parsed.member;
    const personKey = residentIdHash(residentId, ctx.residentIdSalt);
    const memberId = importedMemberId(householdId, personKey);
    rowOfMember.set(memberId, row.rowNumber);
    streams.push(personReservationStreamId(personKey));
    try {
      const result = await addMember(
        { store: ctx.store, residentIdSalt: ctx.residentIdSalt },
        householdId,
        {
          type: 'AddMember',
          data: { memberId, personal: { name, residentId }, profile },
          facts: { ...facts, registrationDivisionKnown: row.parsed.registrationDivisionKnown, perCapitaDivisorRule },
        },
        context(memberCommandKey(memberId, name, profile)),
      );
      latest = result.state;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      reject(row.rowNumber, errorLines(row.rowNumber, error.problems, 'residentId'));
    }
  }

  const warned = (): GroupOutcome => {
    if (latest?.kind === 'registered')
      errors.push(...warningLines(latest.warnings, (id) => rowOfMember.get(id), base.rowNumber));
    return done(true);
  };
  // Household columns carried only by refused rows are not recorded: the official fixes the rows first.
  if (members.every((m) => rejected.has(m.rowNumber))) return warned();
  const stream = householdStreamId(householdId);
  const household = async (command: HouseholdCommand, key: string) => {
    try {
      latest = (await handleCommand(ctx.store, stream, householdDecider, command, context(key))).state;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const row = members.find((m) => !rejected.has(m.rowNumber)) ?? base;
      errors.push(...errorLines(row.rowNumber, error.problems, 'livesInHousehold'));
    }
  };
  const { year, ...components } = income;
  const accepted = members.filter((m) => !rejected.has(m.rowNumber));
  await household(
    {
      type: 'RecordIncome',
      data: { period: { kind: 'calendar-year', year }, components },
      facts: { ...facts, perCapitaDivisorRule },
    },
    // Per-capita income divides by the members the rule counts: with more of them (the rest of a
    // household cut by an earlier, partial sheet) the same figures are a new record, not a re-send.
    `income/${year}/${contentDigest([...Object.values(components), perCapitaDivisorRule, divisorOfRows(accepted, perCapitaDivisorRule)])}`,
  );
  if (rigidExpenditure !== null) {
    const data = rigidExpenditureData(rigidExpenditure);
    await household(
      { type: 'RecordRigidExpenditure', data, facts },
      `rigid-expenditure/${rigidExpenditure.year}/${contentDigest(Object.values(rigidExpenditure))}`,
    );
  }
  await household(
    { type: 'Record3Plus1Status', data: threePlusOne, facts },
    `3plus1/${contentDigest(Object.values(threePlusOne))}`,
  );
  await household(
    { type: 'SetFlags', data: flags, facts },
    `flags/${flags.relocatedToResettlementSite}/${flags.urbanHukou}`,
  );
  if (legacyMonitoring !== null && legacyMonitoring !== undefined)
    await household(
      // The row's risk type labels were read as codes the province knows.
      { type: 'NoteLegacyMonitoringRecord', data: legacyMonitoring, facts: { ...facts, unknownRiskTypes: [] } },
      `monitoring/${contentDigest([JSON.stringify(legacyMonitoring)])}`,
    );
  return warned();
}

/** Today and the village's kind, as the registry's handlers pass them (the warnings read both). */
export function importFacts(ctx: Pick<GroupImportContext, 'rules'>, today: IsoDate, villageCode: string) {
  const urban = ctx.rules.isUrbanResidentsCommittee?.(villageCode);
  return { today, ...(urban === undefined ? {} : { villageIsUrbanCommittee: urban }) };
}

/** The `RecordRigidExpenditure` data of the sheet's rigid-expenditure columns: both paths record the same. */
export function rigidExpenditureData(sheet: SheetRigidExpenditure): RecordRigidExpenditure['data'] {
  const { year, medicalAfterReimbursementYuan, educationYuan, disasterLossYuan } = sheet;
  return { period: { kind: 'calendar-year', year }, medicalAfterReimbursementYuan, educationYuan, disasterLossYuan };
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
      reject(
        row.rowNumber,
        errorLines(row.rowNumber, [importProblem('import.household-mismatch', HOUSEHOLD_COLUMNS[differing])]),
      );
      continue;
    }
    if (people.has(row.parsed.member.residentId)) {
      reject(
        row.rowNumber,
        errorLines(row.rowNumber, [personReservationProblem('member.id-already-in-household', 'residentId')]),
      );
      continue;
    }
    people.add(row.parsed.member.residentId);
    kept.push(row);
  }
  return kept;
}

/** How many of the rows' members the divisor rule counts. */
function divisorOfRows(rows: readonly Row[], rule: PerCapitaDivisorRule): number {
  return rule === 'household-members'
    ? rows.length
    : rows.filter((row) => row.parsed.member.profile.livesInHousehold).length;
}

/** The province's divisor rule the import was given; household members when none was looked up (the policy's default). */
export function divisorRuleOf(rules: RowRules): PerCapitaDivisorRule {
  return rules.perCapitaDivisorRule ?? DEFAULT_PER_CAPITA_DIVISOR_RULE;
}

/** 0 for the head's row, 1 for the others: sorts the head first. */
export function headFirst(row: Row): number {
  return row.parsed.member.profile.relationToHead === 'head' ? 0 : 1;
}

async function isRegistered(store: EventStore, householdId: string): Promise<boolean> {
  for await (const event of store.readStream(householdStreamId(householdId), { maxCount: 1 }))
    return event.type === 'HouseholdRegistered';
  return false;
}
