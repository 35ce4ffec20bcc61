import { assertNever, atField, parseResidentId, type DomainProblem } from '@relapse-watch/domain-kernel';
import { isDeepStrictEqual } from 'node:util';
import type { AddMember, MemberFacts, RemoveMember, UpdateMember } from './household.commands';
import { householdError, householdProblem, throwIfAny } from './household.errors';
import type { HouseholdEvent, MemberUpdated } from './household.events';
import type { HouseholdMember, RegisteredHousehold } from './household.state';
import { checkId, checkText, requireToday } from './household.validation';
import { residentIdOf, type Health, type MemberProfile } from './member.values';

// "Exactly one head" (DOMAIN.md; issue 4) holds whenever the household has members: the first
// member added is the head, no second head is added, the head is removed last, and a member
// becomes head only by naming the former head's new relation in the same command.

type MemberInput = AddMember['data'] | UpdateMember['data'];

function checkHealth(health: Health, problems: DomainProblem[]): void {
  switch (health.kind) {
    case 'healthy':
    case 'chronic-illness':
    case 'serious-illness':
      return;
    case 'disabled':
      // Certificate grades run 1–4 (GB/T 26341-2010); JSON input can carry any number.
      if (!(Number.isInteger(health.grade) && health.grade >= 1 && health.grade <= 4)) {
        problems.push(householdProblem('member.disability-grade', 'profile.health.grade'));
      }
      return;
    default:
      return assertNever(health, 'health kind');
  }
}

function canonicalProfile(profile: MemberProfile): MemberProfile {
  const { health, employment } = profile;
  return {
    relationToHead: profile.relationToHead,
    health: health.kind === 'disabled' ? { kind: 'disabled', grade: health.grade } : { kind: health.kind },
    labourCapacity: profile.labourCapacity,
    employment:
      employment.status === 'employed'
        ? { status: 'employed', place: employment.place, stability: employment.stability }
        : { status: 'not-employed' },
    schooling: profile.schooling,
    medicalInsuranceEnrolled: profile.medicalInsuranceEnrolled,
    livesInHousehold: profile.livesInHousehold,
  };
}

/** The member as it would be recorded, with the resident ID normalised; throws every input problem at once. */
function checkedMember(input: MemberInput, facts: MemberFacts): HouseholdMember {
  requireToday(facts.today);
  const problems: DomainProblem[] = [];
  checkId(input.memberId, 'member.member-id-required', 'memberId', problems);
  checkText(
    input.personal.name,
    { required: 'member.name-required', format: 'member.name-format' },
    'personal.name',
    problems,
  );
  // No isKnownDivision: an unknown registration prefix is a warning (household.warnings.ts), not a refusal.
  const parsed = parseResidentId(input.personal.residentId, { today: facts.today });
  if (!parsed.ok) problems.push(...parsed.problems.map((p) => atField(p, 'personal.residentId')));
  checkHealth(input.profile.health, problems);
  throwIfAny(problems);
  return {
    memberId: input.memberId,
    personal: {
      name: input.personal.name,
      residentId: parsed.ok ? parsed.residentId.value : input.personal.residentId,
    },
    profile: canonicalProfile(input.profile),
  };
}

function headOf(state: RegisteredHousehold): HouseholdMember | undefined {
  return state.members.find((m) => m.profile.relationToHead === 'head');
}

/** One person is one member: a resident ID appears once in a household (across households, the reservation stream rules). */
function ensureResidentIdFree(state: RegisteredHousehold, member: HouseholdMember): void {
  if (
    state.members.some(
      (m) => m.memberId !== member.memberId && residentIdOf(m.personal) === residentIdOf(member.personal),
    )
  ) {
    throw householdError('member.id-already-in-household', 'personal.residentId');
  }
}

/** AddMember: idempotent for the same member id with the same record. */
export function addMember(command: AddMember, state: RegisteredHousehold): readonly HouseholdEvent[] {
  const member = checkedMember(command.data, command.facts);
  const existing = state.members.find((m) => m.memberId === member.memberId);
  if (existing !== undefined) {
    if (isDeepStrictEqual(existing, member)) return [];
    throw householdError('member.member-id-taken', 'memberId');
  }
  if (state.removedMemberIds.includes(member.memberId)) throw householdError('member.member-id-retired', 'memberId');
  ensureResidentIdFree(state, member);
  const hasHead = headOf(state) !== undefined;
  const isHead = member.profile.relationToHead === 'head';
  if (isHead && hasHead) throw householdError('member.head-already-exists', 'profile.relationToHead');
  if (!isHead && !hasHead) throw householdError('member.head-required', 'profile.relationToHead');
  return [{ type: 'MemberAdded', data: { householdId: state.householdId, ...member } }];
}

/** UpdateMember: a full replacement; the same record again produces nothing. */
export function updateMember(command: UpdateMember, state: RegisteredHousehold): readonly HouseholdEvent[] {
  const member = checkedMember(command.data, command.facts);
  const current = state.members.find((m) => m.memberId === member.memberId);
  if (current === undefined) throw householdError('member.not-found', 'memberId');
  ensureResidentIdFree(state, member);
  if (isDeepStrictEqual(current, member)) return [];
  const updated: MemberUpdated = { type: 'MemberUpdated', data: { householdId: state.householdId, ...member } };
  const wasHead = current.profile.relationToHead === 'head';
  const isHead = member.profile.relationToHead === 'head';
  if (wasHead && !isHead) throw householdError('member.head-required', 'profile.relationToHead');
  const formerHead = !wasHead && isHead ? headOf(state) : undefined;
  if (formerHead === undefined) return [updated];
  const formerHeadRelation = command.data.formerHeadRelation;
  if (formerHeadRelation === undefined || (formerHeadRelation as string) === 'head') {
    throw householdError('member.former-head-relation', 'formerHeadRelation');
  }
  const demoted: HouseholdMember = {
    ...formerHead,
    profile: { ...formerHead.profile, relationToHead: formerHeadRelation },
  };
  return [updated, { type: 'MemberUpdated', data: { householdId: state.householdId, ...demoted } }];
}

/** RemoveMember: removing a removed member again produces nothing. */
export function removeMember(command: RemoveMember, state: RegisteredHousehold): readonly HouseholdEvent[] {
  const { memberId, reason } = command.data;
  const problems: DomainProblem[] = [];
  checkId(memberId, 'member.member-id-required', 'memberId', problems);
  throwIfAny(problems);
  if (state.removedMemberIds.includes(memberId)) return [];
  const current = state.members.find((m) => m.memberId === memberId);
  if (current === undefined) throw householdError('member.not-found', 'memberId');
  if (current.profile.relationToHead === 'head' && state.members.length > 1)
    throw householdError('member.head-required', 'memberId');
  return [{ type: 'MemberRemoved', data: { householdId: state.householdId, memberId, reason } }];
}
