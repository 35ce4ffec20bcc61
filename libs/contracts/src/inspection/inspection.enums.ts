import type { LocalizedText } from '../contract';

// The closed word lists of the inspection contracts, shared by the TS types and the JSON
// Schemas so the two cannot drift. Adding a word is a breaking change for a consumer that
// switches over the list, so it is a new contract version.

/** The seven areas every household inspection covers (七个方面), in the national order. */
export const INSPECTION_AREAS = [
  'relapse-risk',
  'income',
  'assistance-measures',
  'elimination-stability',
  'latent-risks',
  'data-quality',
  'policy-awareness',
] as const;

/** Names of the seven areas, Chinese first. */
export const INSPECTION_AREA_LABELS: Readonly<Record<(typeof INSPECTION_AREAS)[number], LocalizedText>> = {
  'relapse-risk': { 'zh-CN': '返贫致贫风险', en: 'Risk of relapse or onset of poverty' },
  income: { 'zh-CN': '收入情况', en: 'Income of poverty-alleviated and monitored households' },
  'assistance-measures': { 'zh-CN': '帮扶措施落实', en: 'Assistance measures in place' },
  'elimination-stability': { 'zh-CN': '风险消除稳定性', en: 'Stability of risk elimination' },
  'latent-risks': { 'zh-CN': '重大风险隐患', en: 'Major latent risks' },
  'data-quality': { 'zh-CN': '数据质量', en: 'Data quality' },
  'policy-awareness': { 'zh-CN': '政策知晓', en: 'Policy awareness' },
};

/** The three inspection methods (排查方式). */
export const INSPECTION_METHODS = ['household-visit', 'online-communication', 'group-assessment'] as const;

/** Names of the methods, Chinese first. */
export const INSPECTION_METHOD_LABELS: Readonly<Record<(typeof INSPECTION_METHODS)[number], LocalizedText>> = {
  'household-visit': { 'zh-CN': '入户走访', en: 'Household visit' },
  'online-communication': { 'zh-CN': '线上沟通', en: 'Online communication' },
  'group-assessment': { 'zh-CN': '群众评议', en: 'Villagers’ group assessment' },
};

/** The four kinds of people on an inspection team (排查工作队成员). */
export const TEAM_MEMBER_ROLES = ['official', 'resident-work-team', 'grid-worker', 'monitoring-contact'] as const;

/** Names of the team member roles, Chinese first. */
export const TEAM_MEMBER_ROLE_LABELS: Readonly<Record<(typeof TEAM_MEMBER_ROLES)[number], LocalizedText>> = {
  official: { 'zh-CN': '乡村干部', en: 'Township or village official' },
  'resident-work-team': { 'zh-CN': '驻村工作队员', en: 'Resident work-team member' },
  'grid-worker': { 'zh-CN': '村级网格员', en: 'Village grid worker' },
  'monitoring-contact': { 'zh-CN': '监测联系人', en: 'Monitoring contact' },
};

/** What a completed inspection found in one area. */
export const AREA_OUTCOMES = ['no-issue', 'issue-found'] as const;

/** What a risk rule suggests; an official accepts or dismisses each suggestion. */
export const SUGGESTION_KINDS = ['at-risk', 'data-quality', 'rectification'] as const;

/** What an `InspectionTeamChanged` changed. */
export const TEAM_CHANGES = ['members', 'coverage', 'disbanded'] as const;

/**
 * The user roles of this contract version (issue 10), documented in `decidedBy.role`. NOT a
 * closed list: roles may be added, so the contracts carry a role as a code and subscribers must
 * not refuse an unknown one.
 */
export const KNOWN_USER_ROLES = [
  'province-official',
  'city-official',
  'county-official',
  'township-official',
  'village-inspector',
  'auditor',
  'administrator',
  'client',
] as const;
