import {
  atField,
  divisionTier,
  freeTextFault,
  isIsoDate,
  isWithin,
  parseDivisionCode,
  type DomainProblem,
} from '@relapse-watch/domain-kernel';
import type { CampaignScope } from './campaign.commands';
import { campaignProblem } from './campaign.errors';
import {
  WORKING_GROUP_DUTIES,
  WORKING_GROUP_TIERS,
  type WorkingGroupMember,
  type WorkingGroupTier,
} from './campaign.values';

// Input checks shared by the campaign's decide functions; each adds to `problems`, so one refusal lists them all.

/** Problems found so far. */
export type Problems = DomainProblem[];

// The transition period (过渡期) and its monitoring mechanism start in 2021; a year outside is a typing error.
const FIRST_YEAR = 2021;
const LAST_YEAR = 2100;

/** A user id as the gateway makes them: visible ASCII, no spaces (never a name). */
const USER_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;

/** The command's province and year are well formed. */
export function checkScope(scope: CampaignScope, problems: Problems): void {
  if (typeof scope.provinceCode !== 'string' || !/^[1-9]\d$/.test(scope.provinceCode))
    problems.push(campaignProblem('campaign.province-code', 'provinceCode'));
  if (!Number.isInteger(scope.year) || scope.year < FIRST_YEAR || scope.year > LAST_YEAR)
    problems.push(campaignProblem('campaign.year', 'year'));
}

/** A real `YYYY-MM-DD` date; false (with the problem added) otherwise. */
export function checkDate(value: unknown, field: string, problems: Problems): value is string {
  if (typeof value === 'string' && isIsoDate(value)) return true;
  problems.push(campaignProblem('campaign.date-format', field));
  return false;
}

/** A reason: required, one line, at most 500 characters. */
export function checkReason(value: string, problems: Problems): void {
  const fault = freeTextFault(value, 500);
  if (fault === 'required') problems.push(campaignProblem('campaign.reason-required', 'reason'));
  if (fault === 'format') problems.push(campaignProblem('campaign.reason-format', 'reason'));
}

/** The working group's unit: a well-formed code of one of the four tiers inside the province; its tier. */
export function checkWorkingGroupUnit(
  unitCode: string,
  provinceCode: string,
  problems: Problems,
): WorkingGroupTier | null {
  const parsed = parseDivisionCode(unitCode);
  if (!parsed.ok) {
    problems.push(atField(parsed.problem, 'unitCode'));
    return null;
  }
  const tier = divisionTier(unitCode);
  if (!(WORKING_GROUP_TIERS as readonly string[]).includes(tier)) {
    problems.push(campaignProblem('working-group.unit-tier', 'unitCode'));
    return null;
  }
  if (!/^[1-9]\d$/.test(provinceCode) || !isWithin(unitCode, `${provinceCode}0000000000`)) {
    problems.push(campaignProblem('working-group.unit-outside-province', 'unitCode'));
    return null;
  }
  return tier as WorkingGroupTier;
}

/** Members: at least one, valid ids and duties, each user once, at least one leader. */
export function checkWorkingGroupMembers(members: readonly WorkingGroupMember[], problems: Problems): void {
  if (!Array.isArray(members) || members.length === 0) {
    problems.push(campaignProblem('working-group.members-required', 'members'));
    return;
  }
  const seen = new Set<string>();
  members.forEach((member, i) => {
    if (typeof member?.userId !== 'string' || !USER_ID.test(member.userId))
      problems.push(campaignProblem('working-group.member-user-id', `members.${i}.userId`));
    else if (seen.has(member.userId))
      problems.push(campaignProblem('working-group.member-duplicate', `members.${i}.userId`));
    else seen.add(member.userId);
    if (!(WORKING_GROUP_DUTIES as readonly string[]).includes(member?.duty))
      problems.push(campaignProblem('working-group.member-duty', `members.${i}.duty`));
  });
  if (!members.some((m) => m?.duty === 'leader'))
    problems.push(campaignProblem('working-group.leader-required', 'members'));
}

/** The members as stored: only the two fields, sorted by user id, so the same group listed in another order is the same. */
export function normalizedMembers(members: readonly WorkingGroupMember[]): readonly WorkingGroupMember[] {
  return members
    .map((m) => ({ userId: m.userId, duty: m.duty }))
    .sort((a, b) => (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0));
}
