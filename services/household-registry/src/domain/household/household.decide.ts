import {
  assertNever,
  atField,
  parseDivisionCode,
  type DomainProblem,
  type IsoDate,
} from '@relapse-watch/domain-kernel';
import { isDeepStrictEqual } from 'node:util';
import type { PerCapitaDivisorRule } from '../province-policy/province-policy.values';
import type {
  DivisorFact,
  ErasePersonalData,
  HouseholdCommand,
  ImportHousehold,
  Record3Plus1Status,
  RegisterHousehold,
  SetFlags,
  SetStatus,
  TodayFact,
} from './household.commands';
import { householdError, householdProblem, throwIfAny } from './household.errors';
import type { HouseholdEvent } from './household.events';
import { erasePersonalData } from './household-erasure.decide';
import { recordIncome, recordRigidExpenditure, reportRiskEvent } from './household-finances.decide';
import { importHousehold } from './household-import.decide';
import { noteLegacyMonitoringRecord } from './household-legacy-monitoring.decide';
import { addMember, removeMember, updateMember } from './household-members.decide';
import { withPerCapitaRecomputed } from './household-per-capita';
import { evolve, type HouseholdState, type RegisteredHousehold } from './household.state';
import type { HouseholdFlags, ThreePlusOneStatus } from './household.values';
import { canonicalStatus, checkId, checkStatus, checkText, requireToday } from './household.validation';
import { warningEvents, type WarningFacts } from './household.warnings';

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
  checkStatus(status, problems);
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
  checkStatus(command.data.status, problems);
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

/** The day and the divisor rule a membership change recomputes per-capita figures with. */
function divisorOf(facts: TodayFact & DivisorFact): { readonly today: IsoDate; readonly rule: PerCapitaDivisorRule } {
  return { today: facts.today, rule: facts.perCapitaDivisorRule };
}

function registered(state: HouseholdState): RegisteredHousehold {
  if (state.kind !== 'registered') throw householdError('household.not-registered');
  return state;
}

/** The command's own events, before the warnings. */
function decideChange(command: HouseholdCommand, state: HouseholdState): readonly HouseholdEvent[] {
  switch (command.type) {
    case 'RegisterHousehold':
      return register(command, state);
    case 'ImportHousehold':
      // Its steps are decided without the warnings, which it raises once for the household it leaves.
      return importHousehold(command, state, decideChange);
    case 'AddMember': {
      const household = registered(state);
      const cause = { memberId: command.data.memberId, change: 'member-added', ...divisorOf(command.facts) } as const;
      return withPerCapitaRecomputed(addMember(command, household), household, evolve, cause);
    }
    case 'UpdateMember': {
      const household = registered(state);
      const cause = { memberId: command.data.memberId, change: 'member-updated', ...divisorOf(command.facts) } as const;
      return withPerCapitaRecomputed(updateMember(command, household), household, evolve, cause);
    }
    case 'RemoveMember': {
      const household = registered(state);
      const cause = { memberId: command.data.memberId, change: 'member-removed', ...divisorOf(command.facts) } as const;
      return withPerCapitaRecomputed(removeMember(command, household), household, evolve, cause);
    }
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
    case 'NoteLegacyMonitoringRecord':
      return noteLegacyMonitoringRecord(command, registered(state));
    case 'ErasePersonalData':
      return erasePersonalData(command, state);
    default:
      return assertNever(command, 'household command');
  }
}

/** What a command tells the warning rules (see {@link WarningFacts}). */
function warningFactsOf(command: Exclude<HouseholdCommand, ImportHousehold | ErasePersonalData>): WarningFacts {
  const { facts } = command;
  if (facts === undefined) return {};
  const village =
    facts.villageIsUrbanCommittee === undefined ? {} : { villageIsUrbanCommittee: facts.villageIsUrbanCommittee };
  if (command.type !== 'AddMember' && command.type !== 'UpdateMember') return { today: facts.today, ...village };
  return {
    today: command.facts.today,
    ...village,
    registrationPrefixKnown: { [command.data.memberId]: command.facts.registrationDivisionKnown },
  };
}

/**
 * Decides a command on a household: the events to append, none for a no-op, or a thrown
 * DomainError. Pure: `now`, ids and looked-up facts arrive in the command (STYLE.md shape 3).
 * A command that changes something is followed by the warning events its change calls for
 * (`household.warnings.ts`); a no-op stays a no-op, so a re-sent command writes nothing.
 * `ImportHousehold` raises its warnings itself, after `HouseholdImported`: those the separate
 * commands would have left open.
 */
export function decide(command: HouseholdCommand, state: HouseholdState): readonly HouseholdEvent[] {
  // An erased household's record is closed: nothing personal can be sealed for it again, and
  // nothing else is changed on a record nobody can tell whose it is.
  if (state.kind === 'registered' && state.personalDataErasedAt !== undefined && command.type !== 'ErasePersonalData')
    throw householdError('household.personal-data-erased');
  const events = decideChange(command, state);
  // The erasure leaves the open warnings as they were: they rest on facts the erasure does not change.
  if (events.length === 0 || command.type === 'ImportHousehold' || command.type === 'ErasePersonalData') return events;
  const after = events.reduce(evolve, state);
  return after.kind === 'registered' ? [...events, ...warningEvents(after, warningFactsOf(command))] : events;
}
