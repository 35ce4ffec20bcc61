import { atField, DomainError, type DomainProblem } from '@relapse-watch/domain-kernel';
import type { HouseholdCommand, ImportHousehold } from './household.commands';
import { householdError } from './household.errors';
import type { HouseholdEvent } from './household.events';
import { evolve, type HouseholdState } from './household.state';
import { warningEvents } from './household.warnings';

/** The household decider's decision of one command's own events (without the warnings), so the import decides every step exactly as the separate commands. */
type Decide = (command: HouseholdCommand, state: HouseholdState) => readonly HouseholdEvent[];

/** The state after deciding `command` and folding its events in; a refusal's fields are prefixed with `prefix`. */
function step(command: HouseholdCommand, state: HouseholdState, prefix: string, decide: Decide): HouseholdState {
  let events: readonly HouseholdEvent[];
  try {
    events = decide(command, state);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const [first, ...rest] = error.problems.map((p) =>
      atField(p, p.field === undefined ? prefix : `${prefix}.${p.field}`),
    );
    throw DomainError.of([first as DomainProblem, ...rest]);
  }
  return events.reduce(evolve, state);
}

/**
 * ImportHousehold: the separate commands decided one after the other on the evolving state, the
 * first refusal refusing the whole; the household they leave is the one event's content.
 */
export function importHousehold(
  command: ImportHousehold,
  state: HouseholdState,
  decide: Decide,
): readonly HouseholdEvent[] {
  if (state.kind === 'registered') throw householdError('household.already-registered');
  const { registration, members, income, rigidExpenditure, threePlusOne, flags, legacyMonitoring } = command.data;
  const { today, householdNumberInUse, registrationDivisionKnown, perCapitaDivisorRule, villageIsUrbanCommittee } =
    command.facts;
  const village = villageIsUrbanCommittee === undefined ? {} : { villageIsUrbanCommittee };
  let after = step(
    { type: 'RegisterHousehold', data: registration, facts: { today, householdNumberInUse, ...village } },
    state,
    'registration',
    decide,
  );
  members.forEach((member, i) => {
    const facts = {
      today,
      registrationDivisionKnown: registrationDivisionKnown[i] === true,
      perCapitaDivisorRule,
      ...village,
    };
    after = step({ type: 'AddMember', data: member, facts }, after, `members[${i}]`, decide);
  });
  if (income !== undefined)
    after = step(
      { type: 'RecordIncome', data: income, facts: { today, perCapitaDivisorRule, ...village } },
      after,
      'income',
      decide,
    );
  if (rigidExpenditure !== undefined)
    after = step(
      { type: 'RecordRigidExpenditure', data: rigidExpenditure, facts: { today, ...village } },
      after,
      'rigidExpenditure',
      decide,
    );
  if (threePlusOne !== undefined)
    after = step(
      { type: 'Record3Plus1Status', data: threePlusOne, facts: { today, ...village } },
      after,
      'threePlusOne',
      decide,
    );
  if (flags !== undefined)
    after = step({ type: 'SetFlags', data: flags, facts: { today, ...village } }, after, 'flags', decide);
  // The import maps the sheet's risk type labels to codes the province knows, so none is unknown here.
  if (legacyMonitoring !== undefined)
    after = step(
      {
        type: 'NoteLegacyMonitoringRecord',
        data: legacyMonitoring,
        facts: { today, unknownRiskTypes: [], ...village },
      },
      after,
      'legacyMonitoring',
      decide,
    );
  if (after.kind !== 'registered') throw householdError('household.not-registered');
  const household = after;
  return [
    {
      type: 'HouseholdImported',
      data: {
        householdId: household.householdId,
        villageCode: household.villageCode,
        householdNumber: household.householdNumber,
        status: household.status,
        flags: household.flags,
        members: household.members.map(({ memberId, profile }) => ({ memberId, profile })),
        incomes: household.incomes,
        ...(household.rigidExpenditures.length > 0 ? { rigidExpenditures: household.rigidExpenditures } : {}),
        threePlusOne: household.threePlusOne,
        legacyMonitoring: household.legacyMonitoring[0] ?? null,
        personal: {
          members: household.members.map(({ memberId, personal }) => ({
            memberId,
            name: personal.name,
            residentId: personal.residentId,
          })),
        },
      },
    },
    // The warnings the separate commands would have left open, raised after the household exists:
    // evaluated once, with every fact the steps carried, instead of after every step.
    ...warningEvents(household, {
      today,
      ...village,
      registrationPrefixKnown: Object.fromEntries(
        members.map((member, i) => [member.memberId, registrationDivisionKnown[i] === true]),
      ),
    }),
  ];
}
