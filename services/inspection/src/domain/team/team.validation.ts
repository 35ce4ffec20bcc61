import {
  atField,
  divisionTier,
  freeTextFault,
  isWithin,
  parseDivisionCode,
  type DomainProblem,
} from '@relapse-watch/domain-kernel';
import { teamProblem, type TeamRuleCode } from './team.errors';
import { TEAM_MEMBER_ROLES, type TeamMember } from './team.values';

// Input checks shared by the team's decide functions; each adds to `problems`, so one refusal lists them all.

/** Problems found so far. */
export type Problems = DomainProblem[];

/** A user id as the gateway makes them: visible ASCII, no spaces (never a name). */
const USER_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;

/** A required one-line text of at most `max` characters. */
export function checkText(
  value: string,
  max: number,
  codes: { readonly required: TeamRuleCode; readonly format: TeamRuleCode },
  field: string,
  problems: Problems,
): void {
  const fault = freeTextFault(value, max);
  if (fault !== null) problems.push(teamProblem(codes[fault], field));
}

/** The team's township: a township-tier code inside the campaign's province. */
export function checkTownship(townshipCode: string, provinceCode: string | null, problems: Problems): boolean {
  const parsed = parseDivisionCode(townshipCode);
  if (!parsed.ok) problems.push(atField(parsed.problem, 'townshipCode'));
  else if (divisionTier(townshipCode) !== 'township') problems.push(teamProblem('team.township-tier', 'townshipCode'));
  else if (provinceCode !== null && !isWithin(townshipCode, `${provinceCode}0000000000`))
    problems.push(teamProblem('team.township-outside-province', 'townshipCode'));
  else return true;
  return false;
}

/** Villages: at least one, each a village of the township (when it is known to be valid), each once. */
export function checkVillages(villageCodes: readonly string[], townshipCode: string | null, problems: Problems): void {
  if (!Array.isArray(villageCodes) || villageCodes.length === 0) {
    problems.push(teamProblem('team.villages-required', 'villageCodes'));
    return;
  }
  const seen = new Set<string>();
  villageCodes.forEach((code, i) => {
    const field = `villageCodes.${i}`;
    const parsed = parseDivisionCode(code);
    if (!parsed.ok) problems.push(atField(parsed.problem, field));
    else if (divisionTier(code) !== 'village') problems.push(teamProblem('team.village-tier', field));
    else if (townshipCode !== null && !isWithin(code, townshipCode))
      problems.push(teamProblem('team.village-outside-township', field));
    else if (seen.has(code)) problems.push(teamProblem('team.village-duplicate', field));
    seen.add(code);
  });
}

/** Members: at least one, valid ids and roles, each user once. */
export function checkMembers(members: readonly TeamMember[], problems: Problems): void {
  if (!Array.isArray(members) || members.length === 0) {
    problems.push(teamProblem('team.members-required', 'members'));
    return;
  }
  const seen = new Set<string>();
  members.forEach((member, i) => {
    if (typeof member?.userId !== 'string' || !USER_ID.test(member.userId))
      problems.push(teamProblem('team.member-user-id', `members.${i}.userId`));
    else if (seen.has(member.userId)) problems.push(teamProblem('team.member-duplicate', `members.${i}.userId`));
    else seen.add(member.userId);
    if (!(TEAM_MEMBER_ROLES as readonly string[]).includes(member?.role))
      problems.push(teamProblem('team.member-role', `members.${i}.role`));
  });
}

/** Members as stored: only the two fields, sorted by user id, so the same team listed in another order is the same. */
export function normalizedMembers(members: readonly TeamMember[]): readonly TeamMember[] {
  return members
    .map((m) => ({ userId: m.userId, role: m.role }))
    .sort((a, b) => (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0));
}

/** Villages as stored: sorted. */
export function normalizedVillages(villageCodes: readonly string[]): readonly string[] {
  return [...villageCodes].sort();
}
