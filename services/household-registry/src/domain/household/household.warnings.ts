import { ageOn, isIsoDate, type IsoDate } from '@relapse-watch/domain-kernel';
import { isDeepStrictEqual } from 'node:util';
import type { HouseholdWarning, HouseholdWarningRule, WarningEvidence } from './household-warning.catalogue';
import type { HouseholdEvent } from './household.events';
import type { HouseholdMember, RegisteredHousehold } from './household.state';
import { COMPULSORY_SCHOOL_AGES, schoolingFitsAge } from './schooling-age.bands';
import { residentIdOf } from './member.values';

/**
 * What the warning rules need besides the household: only the handler can look these up. A fact
 * left out keeps the open warnings that depend on it as they are (while what they rest on in the
 * household is unchanged), so a command that does not carry it neither raises nor clears them.
 */
export interface WarningFacts {
  /** Today, for ages. */
  readonly today?: IsoDate;
  /** Whether the household's village is an urban residents' committee (居委会) in the division tree. */
  readonly villageIsUrbanCommittee?: boolean;
  /** By member id, for the members this command records: whether the ID's prefix is a known division. */
  readonly registrationPrefixKnown?: Readonly<Record<string, boolean>>;
}

function warning(rule: HouseholdWarningRule, field: string, evidence: WarningEvidence): HouseholdWarning {
  return { rule, field, evidence };
}

/** Open warnings of a rule (for one member) that still rest on what the household shows. */
function stillStanding(
  household: RegisteredHousehold,
  rule: HouseholdWarningRule,
  holds: (w: HouseholdWarning) => boolean,
): HouseholdWarning[] {
  return household.warnings.filter((w) => w.rule === rule && holds(w));
}

function ruralInUrbanCommittee(household: RegisteredHousehold, facts: WarningFacts): HouseholdWarning[] {
  // Relocated and urban-hukou households stay in scope wherever they live (DOMAIN.md).
  if (household.flags.relocatedToResettlementSite || household.flags.urbanHukou) return [];
  if (facts.villageIsUrbanCommittee === undefined)
    return stillStanding(household, 'household.rural-in-urban-committee', () => true);
  return facts.villageIsUrbanCommittee
    ? [warning('household.rural-in-urban-committee', 'villageCode', { villageCode: household.villageCode })]
    : [];
}

function unknownPrefix(household: RegisteredHousehold, member: HouseholdMember, facts: WarningFacts) {
  const { memberId } = member;
  const residentId = residentIdOf(member.personal);
  // An erased member's warnings stand as they were (the household refuses changes after an erasure).
  if (residentId === null)
    return stillStanding(household, 'resident-id.division-unknown', (w) => w.evidence.memberId === memberId);
  const registrationPrefix = residentId.slice(0, 6);
  const known = facts.registrationPrefixKnown?.[memberId];
  if (known === undefined)
    return stillStanding(
      household,
      'resident-id.division-unknown',
      (w) => w.evidence.memberId === memberId && w.evidence.registrationPrefix === registrationPrefix,
    );
  return known
    ? []
    : [warning('resident-id.division-unknown', 'personal.residentId', { memberId, registrationPrefix })];
}

/** The member's age today, or undefined when the ID holds no usable birth date (an event edited by hand). */
function ageOf(member: HouseholdMember, today: IsoDate): number | undefined {
  const id = residentIdOf(member.personal);
  if (id === null) return undefined;
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  return isIsoDate(birthDate) && birthDate <= today ? ageOn(birthDate, today) : undefined;
}

function schooling(household: RegisteredHousehold, member: HouseholdMember, facts: WarningFacts) {
  const { memberId } = member;
  const stage = member.profile.schooling;
  const outOfSchool = stage === 'dropped-out' || stage === 'not-in-school';
  const secured = household.threePlusOne?.compulsoryEducationSecured === true;
  if (facts.today === undefined) {
    const sameStage = (w: HouseholdWarning) => w.evidence.memberId === memberId && w.evidence.schooling === stage;
    return [
      ...stillStanding(household, 'schooling.compulsory-education-contradicted', (w) => secured && sameStage(w)),
      ...stillStanding(household, 'schooling.age-mismatch', sameStage),
    ];
  }
  const age = ageOf(member, facts.today);
  if (age === undefined) return [];
  const evidence = { memberId, age, schooling: stage };
  const [from, to] = COMPULSORY_SCHOOL_AGES;
  return [
    ...(secured && outOfSchool && age >= from && age <= to
      ? [warning('schooling.compulsory-education-contradicted', 'threePlusOne.compulsoryEducationSecured', evidence)]
      : []),
    ...(schoolingFitsAge(stage, age) ? [] : [warning('schooling.age-mismatch', 'profile.schooling', evidence)]),
  ];
}

/**
 * The warnings the household's facts imply: the household's own first, then each member's in
 * member order. Rules: `household.rural-in-urban-committee` (a rural household in a 居委会,
 * unless relocated or urban hukou), `resident-id.division-unknown` (a member's ID prefix is no
 * known division), `schooling.compulsory-education-contradicted` (a member of 6–15 dropped out or
 * not in school while "3+1" says compulsory education is secured) and `schooling.age-mismatch`
 * (age outside the stage's band, `SCHOOLING_AGE_BANDS`).
 */
export function impliedWarnings(household: RegisteredHousehold, facts: WarningFacts): HouseholdWarning[] {
  return [
    ...ruralInUrbanCommittee(household, facts),
    ...household.members.flatMap((member) => [
      ...unknownPrefix(household, member, facts),
      ...schooling(household, member, facts),
    ]),
  ];
}

/**
 * The events that bring the household's open warnings to those its facts now imply: a
 * `HouseholdWarningCleared` for each open warning no longer implied, then a
 * `HouseholdWarningRaised` for each new one. None when nothing changed. Pure.
 */
export function warningEvents(household: RegisteredHousehold, facts: WarningFacts): HouseholdEvent[] {
  const implied = impliedWarnings(household, facts);
  const { householdId } = household;
  const cleared = household.warnings.filter((open) => !implied.some((w) => isDeepStrictEqual(w, open)));
  const raised = implied.filter((w) => !household.warnings.some((open) => isDeepStrictEqual(w, open)));
  return [
    ...cleared.map((w): HouseholdEvent => ({ type: 'HouseholdWarningCleared', data: { householdId, ...w } })),
    ...raised.map((w): HouseholdEvent => ({ type: 'HouseholdWarningRaised', data: { householdId, ...w } })),
  ];
}
