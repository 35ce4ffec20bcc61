import { assertNever, atField, DomainError, parseDivisionCode, type DomainProblem } from '@relapse-watch/domain-kernel';
import { isDeepStrictEqual } from 'node:util';
import type {
  HouseholdCommand,
  ImportHousehold,
  Record3Plus1Status,
  RegisterHousehold,
  SetFlags,
  SetStatus,
} from './household.commands';
import { householdError, householdProblem, throwIfAny } from './household.errors';
import type { HouseholdEvent } from './household.events';
import { recordIncome, recordRigidExpenditure, reportRiskEvent } from './household-finances.decide';
import { addMember, removeMember, updateMember } from './household-members.decide';
import { evolve, type HouseholdState, type RegisteredHousehold } from './household.state';
import type { HouseholdFlags, ThreePlusOneStatus } from './household.values';
import { canonicalStatus, checkId, checkStatus, checkText, requireToday } from './household.validation';

/** RegisterHousehold: the same registration again produces nothing; a different one on the same stream is refused. */
function register(command: RegisterHousehold, state: HouseholdState): readonly HouseholdEvent[] {
  const { householdId, villageCode, householdNumber, status } = command.data;
  const { today, householdNumberInUse } = command.facts;
  requireToday(today);
  const problems: DomainProblem[] = [];
  checkId(householdId, 'household.id-required', 'householdId', problems);
  const village = parseDivisionCode(villageCode);
  if (!village.ok) problems.push(atField(village.problem, 'villageCode'));
  // Teams work village by village and every report rolls up from the village (DOMAIN.md "Administrative tiers").
  else if (village.tier !== 'village') problems.push(householdProblem('household.village-code-tier', 'villageCode'));
  checkText(
    householdNumber,
    { required: 'household.number-required', format: 'household.number-format' },
    'householdNumber',
    problems,
  );
  checkStatus(status, today, problems);
  throwIfAny(problems);
  const registration = { householdId, villageCode, householdNumber, status: canonicalStatus(status) };
  if (state.kind === 'registered') {
    const { householdId: id, villageCode: village, householdNumber: number, status: current } = state;
    if (
      isDeepStrictEqual(
        { householdId: id, villageCode: village, householdNumber: number, status: current },
        registration,
      )
    )
      return [];
    throw householdError('household.already-registered');
  }
  if (householdNumberInUse) throw householdError('household.number-in-use', 'householdNumber');
  return [{ type: 'HouseholdRegistered', data: registration }];
}

function setStatus(command: SetStatus, state: RegisteredHousehold): readonly HouseholdEvent[] {
  requireToday(command.facts.today);
  const problems: DomainProblem[] = [];
  checkStatus(command.data.status, command.facts.today, problems);
  throwIfAny(problems);
  const status = canonicalStatus(command.data.status);
  if (isDeepStrictEqual(state.status, status)) return [];
  return [{ type: 'HouseholdStatusChanged', data: { householdId: state.householdId, status } }];
}

function setFlags(command: SetFlags, state: RegisteredHousehold): readonly HouseholdEvent[] {
  const flags: HouseholdFlags = {
    relocatedToResettlementSite: command.data.relocatedToResettlementSite,
    urbanHukou: command.data.urbanHukou,
  };
  if (isDeepStrictEqual(state.flags, flags)) return [];
  return [{ type: 'HouseholdFlagsChanged', data: { householdId: state.householdId, flags } }];
}

function record3Plus1Status(command: Record3Plus1Status, state: RegisteredHousehold): readonly HouseholdEvent[] {
  const {
    foodAndClothingSecured,
    compulsoryEducationSecured,
    medicalInsuranceCovered,
    housingGrade,
    drinkingWaterSafe,
  } = command.data;
  const threePlusOne: ThreePlusOneStatus = {
    foodAndClothingSecured,
    compulsoryEducationSecured,
    medicalInsuranceCovered,
    housingGrade,
    drinkingWaterSafe,
  };
  if (isDeepStrictEqual(state.threePlusOne, threePlusOne)) return [];
  return [{ type: 'ThreePlusOneStatusRecorded', data: { householdId: state.householdId, threePlusOne } }];
}

/** The state after deciding `command` and folding its events in; a refusal's fields are prefixed with `prefix`. */
function step(command: HouseholdCommand, state: HouseholdState, prefix: string): HouseholdState {
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
function importHousehold(command: ImportHousehold, state: HouseholdState): readonly HouseholdEvent[] {
  if (state.kind === 'registered') throw householdError('household.already-registered');
  const { registration, members, income, rigidExpenditure, threePlusOne, flags } = command.data;
  const { today, householdNumberInUse, registrationDivisionKnown } = command.facts;
  let after = step(
    { type: 'RegisterHousehold', data: registration, facts: { today, householdNumberInUse } },
    state,
    'registration',
  );
  members.forEach((member, i) => {
    const facts = { today, registrationDivisionKnown: registrationDivisionKnown[i] === true };
    after = step({ type: 'AddMember', data: member, facts }, after, `members[${i}]`);
  });
  if (income !== undefined) after = step({ type: 'RecordIncome', data: income, facts: { today } }, after, 'income');
  if (rigidExpenditure !== undefined)
    after = step(
      { type: 'RecordRigidExpenditure', data: rigidExpenditure, facts: { today } },
      after,
      'rigidExpenditure',
    );
  if (threePlusOne !== undefined)
    after = step({ type: 'Record3Plus1Status', data: threePlusOne }, after, 'threePlusOne');
  if (flags !== undefined) after = step({ type: 'SetFlags', data: flags }, after, 'flags');
  const household = registered(after);
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
        personal: {
          members: household.members.map(({ memberId, personal }) => ({
            memberId,
            name: personal.name,
            residentId: personal.residentId,
          })),
        },
      },
    },
  ];
}

function registered(state: HouseholdState): RegisteredHousehold {
  if (state.kind !== 'registered') throw householdError('household.not-registered');
  return state;
}

/**
 * Decides a command on a household: the events to append, none for a no-op, or a thrown
 * DomainError. Pure: `now`, ids and looked-up facts arrive in the command (STYLE.md shape 3).
 */
export function decide(command: HouseholdCommand, state: HouseholdState): readonly HouseholdEvent[] {
  switch (command.type) {
    case 'RegisterHousehold':
      return register(command, state);
    case 'ImportHousehold':
      return importHousehold(command, state);
    case 'AddMember':
      return addMember(command, registered(state));
    case 'UpdateMember':
      return updateMember(command, registered(state));
    case 'RemoveMember':
      return removeMember(command, registered(state));
    case 'RecordIncome':
      return recordIncome(command, registered(state));
    case 'RecordRigidExpenditure':
      return recordRigidExpenditure(command, registered(state));
    case 'ReportRiskEvent':
      return reportRiskEvent(command, registered(state));
    case 'Record3Plus1Status':
      return record3Plus1Status(command, registered(state));
    case 'SetStatus':
      return setStatus(command, registered(state));
    case 'SetFlags':
      return setFlags(command, registered(state));
    default:
      return assertNever(command, 'household command');
  }
}
