import { DomainError, type DomainProblem } from '@relapse-watch/domain-kernel';

// Messages name the field and the rule, never a value (see the registry's household.errors.ts).
const MESSAGES = {
  'team.id-required': '工作队ID不能为空 / The team id is required',
  'team.campaign-id': '排查ID须为 省级代码-年度，如 51-2024 / A campaign id is <province>-<year>, e.g. 51-2024',
  'team.campaign-not-launched': '该省该年度的集中排查尚未启动 / The campaign is not launched',
  'team.campaign-closed': '集中排查已结束，只能查看 / The campaign is closed; it can only be read',
  'team.name-required': '须填写工作队名称 / The team name is required',
  'team.name-format':
    '工作队名称最多100个字符，不得含首尾空格或控制字符 / A team name has at most 100 characters, no surrounding spaces or control characters',
  'team.township-tier': '工作队须属于一个乡镇（第四级区划） / A team belongs to a township-tier division',
  'team.township-outside-province': '乡镇须在排查所在省之内 / The township lies inside the campaign’s province',
  'team.villages-required': '工作队须至少负责一个村 / A team covers at least one village',
  'team.village-tier': '负责的单位须为村级（第五级）区划 / A covered unit is a village-tier division',
  'team.village-outside-township': '负责的村须在工作队所属乡镇之内 / A covered village lies in the team’s township',
  'team.village-duplicate': '同一村只能列出一次 / A village is listed once',
  'team.village-covered':
    '该村在本次排查中已由其他工作队负责 / Another team of the campaign already covers the village',
  'team.members-required': '工作队须至少有一名成员 / A team has at least one member',
  'team.member-user-id': '成员须为有效的用户ID / A member is a valid user id',
  'team.member-role':
    '成员角色须为乡村干部、驻村工作队员、网格员或帮扶联系人 / A member is an official, resident work-team member, grid worker or monitoring contact',
  'team.member-duplicate': '同一用户只能列出一次 / A user is listed once',
  'team.already-formed': '该工作队已成立，且信息不同 / The team is already formed with other details',
  'team.not-formed': '没有该工作队 / There is no such team',
  'team.disbanded': '该工作队已解散 / The team is disbanded',
  'team.reason-required': '须说明理由 / The reason is required',
  'team.reason-format':
    '理由最多500个字符，不得含首尾空格或控制字符 / A reason has at most 500 characters, no surrounding spaces or control characters',
} as const;

/** Rule codes of the team aggregate (plus the kernel's `division-code.*`). */
export type TeamRuleCode = keyof typeof MESSAGES;

/** Every rule code with its `中文 / English` message. */
export const TEAM_RULE_MESSAGES: Readonly<Record<TeamRuleCode, string>> = MESSAGES;

/** The problem for a rule at a field. */
export function teamProblem(code: TeamRuleCode, field: string): DomainProblem {
  return { code, field, message: MESSAGES[code] };
}

/** The DomainError for a rule at a field. */
export function teamError(code: TeamRuleCode, field: string): DomainError {
  return new DomainError(teamProblem(code, field));
}
