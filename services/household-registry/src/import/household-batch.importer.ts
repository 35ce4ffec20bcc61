import { DomainError, residentIdHash } from '@relapse-watch/domain-kernel';
import {
  commandEvents,
  appendNewStreamsOrFallBack,
  type PlannedItem,
  type StreamAppend,
} from '@relapse-watch/event-store-core';
import type { ImportHousehold } from '../domain/household/household.commands';
import { householdDecider, householdStreamId } from '../domain/household/household.decider';
import {
  householdNumberReservationDecider,
  householdNumberStreamId,
} from '../domain/household-number-reservation/household-number-reservation.decider';
import {
  personReservationDecider,
  personReservationStreamId,
} from '../domain/person-reservation/person-reservation.decider';
import {
  divisorRuleOf,
  groupOutcome,
  headFirst,
  importCommandContext,
  importFacts,
  importHouseholdGroup,
  memberCommandKey,
  readGroupRows,
  rigidExpenditureData,
  type GroupImportContext,
  type GroupOutcome,
  type RowGroup,
} from './household-group.importer';
import { contentDigest, importedHouseholdId, importedMemberId } from './import-ids';
import { warningLines } from './import-error.lines';

/**
 * The import's fast path: a batch of new households decided in memory and written in ONE atomic
 * multi-stream append ({@link appendNewStreamsOrFallBack}), instead of about eleven appends (each awaiting a group commit) per
 * household.
 *
 * Each household becomes: its number reservation and each member's person reservation — the very
 * events the command path's reservations would append to empty streams (same deciders, same
 * idempotency keys, same ids) — and one `HouseholdImported` on its own stream (the
 * `ImportHousehold` command: the registration, members, income, 3+1 and flags decided as the
 * separate commands would be, which leaves the household those commands would have left). Every
 * stream is appended with `expectedRevision: 'no_stream'`, all or nothing.
 *
 * The command path ({@link importHouseholdGroup}), the correctness reference, takes over where the
 * outcome depends on what the store holds or on a refusal: for the whole batch when any of its
 * streams exists (a re-run, a resumed import, a person already in another household, a number
 * taken) or when the store cannot append atomically; for one household when the domain refuses
 * part of it (its rows then get their errors row by row), when it has no head row, or when it
 * shares a stream with a household before it in the batch (the same person twice). Those run after
 * the batch is written. A re-run of an imported household on the command path writes nothing:
 * the reservations replay under their keys, and every separate command finds its change made.
 *
 * `onDone` gets each household's outcome once its events are in the store.
 */
export function importHouseholdBatch(
  groups: readonly RowGroup[],
  ctx: GroupImportContext,
  onDone: (group: RowGroup, outcome: GroupOutcome) => void,
): Promise<void> {
  return appendNewStreamsOrFallBack(groups, {
    store: ctx.store,
    plan: (group) => planHousehold(group, ctx),
    commandPath: (group) => importHouseholdGroup(group, ctx),
    onDone,
  });
}

/**
 * The fast path's events for one household of the sheet, or null when it must take the command
 * path (no head row, or a refusal). Synchronous and pure but for the salted hash of the IDs.
 */
function planHousehold(group: RowGroup, ctx: GroupImportContext): PlannedItem<GroupOutcome> | null {
  const rows = readGroupRows(group, ctx);
  const { members, base } = rows;
  if (base === undefined) return { outcome: groupOutcome(group, rows, false), appends: [] };
  if (headFirst(members[0]) !== 0) return null;
  const { villageCode, householdNumber, status, income, rigidExpenditure, threePlusOne, flags, legacyMonitoring } =
    base.parsed.household;
  const householdId = importedHouseholdId(villageCode, householdNumber);
  const context = (key: string) => importCommandContext(ctx, householdId, villageCode, key);
  const people = members.map((row) => {
    const { name, residentId, profile } = row.parsed.member;
    const personKey = residentIdHash(residentId, ctx.residentIdSalt);
    const { rowNumber, parsed } = row;
    const known = parsed.registrationDivisionKnown;
    return {
      personKey,
      memberId: importedMemberId(householdId, personKey),
      name,
      residentId,
      profile,
      rowNumber,
      known,
    };
  });
  const { year, ...components } = income;
  const command: ImportHousehold = {
    type: 'ImportHousehold',
    data: {
      registration: { householdId, villageCode, householdNumber, status },
      members: people.map(({ memberId, name, residentId, profile }) => ({
        memberId,
        personal: { name, residentId },
        profile,
      })),
      income: { period: { kind: 'calendar-year', year }, components },
      ...(rigidExpenditure === null ? {} : { rigidExpenditure: rigidExpenditureData(rigidExpenditure) }),
      threePlusOne,
      flags,
      ...(legacyMonitoring === null || legacyMonitoring === undefined ? {} : { legacyMonitoring }),
    },
    facts: {
      ...importFacts(ctx, ctx.rules.today, villageCode),
      householdNumberInUse: false,
      registrationDivisionKnown: people.map((p) => p.known),
      perCapitaDivisorRule: divisorRuleOf(ctx.rules),
    },
  };
  try {
    const numberStream = householdNumberStreamId(villageCode, householdNumber);
    // The commands the handlers would have run, so the events carry the same command digests.
    const reserveNumber = {
      type: 'ReserveHouseholdNumber',
      data: { villageCode, householdNumber, householdId },
    } as const;
    const appends: StreamAppend[] = [
      {
        streamId: numberStream,
        events: commandEvents(
          numberStream,
          householdNumberReservationDecider.decide(reserveNumber, householdNumberReservationDecider.initialState),
          context('register'),
          reserveNumber,
        ),
        options: { expectedRevision: 'no_stream' },
      },
    ];
    for (const { personKey, memberId, name, profile } of people) {
      const stream = personReservationStreamId(personKey);
      const reservePerson = { type: 'ReservePerson', data: { personKey, householdId, memberId } } as const;
      const reserved = personReservationDecider.decide(reservePerson, personReservationDecider.initialState);
      appends.push({
        streamId: stream,
        events: commandEvents(stream, reserved, context(memberCommandKey(memberId, name, profile)), reservePerson),
        options: { expectedRevision: 'no_stream' },
      });
    }
    const stream = householdStreamId(householdId);
    const imported = householdDecider.decide(command, householdDecider.initialState);
    // Keyed by the rows' content: the same rows again replay this event (a re-run writes nothing),
    // other rows for the household (more members, a corrected income) meet it as a conflict and
    // take the command path.
    const key = `import/${contentDigest(group.records.flatMap((record) => record.fields))}`;
    appends.push({
      streamId: stream,
      // No command digest here (see commandEvents): the key follows from the rows' content, so it
      // never comes back with another command, and digesting each household's whole command cost
      // the import several per cent of its busiest thread. The reservations carry theirs, as the
      // handlers write them.
      events: commandEvents(stream, imported, context(key)),
      options: { expectedRevision: 'no_stream' },
    });
    // The warnings the import raised, as the command path writes them: at the member's row, or the household's first.
    const rowOf = new Map(people.map((p) => [p.memberId, p.rowNumber]));
    const warnings = imported.flatMap((e) => (e.type === 'HouseholdWarningRaised' ? [e.data] : []));
    rows.errors.push(
      ...warningLines(
        warnings.map(({ rule, field, evidence }) => ({ rule, field, evidence })),
        (id) => rowOf.get(id),
        base.rowNumber,
      ),
    );
    return { outcome: groupOutcome(group, rows, true), appends };
  } catch (error) {
    if (error instanceof DomainError) return null;
    throw error;
  }
}
