import { DomainError, type DomainProblem } from '@relapse-watch/domain-kernel';

// Refusals of the application layer: what a command addresses does not exist, or its findings
// do not fit the campaign's checklist (a 400 with every field, like the request's own validation).
const MESSAGES = {
  'campaign.not-found': '未找到该排查活动 / No such campaign',
  'household.not-known':
    '排查服务尚不知道该户（户籍事件未到达） / The inspection does not know the household yet (its registry events have not arrived)',
  'inspection.household-outside-campaign':
    '该户不在本次排查活动的省份内 / The household lies outside the campaign’s province',
  'campaign.checklist-unknown': '排查活动的清单版本不可用 / The campaign’s checklist version is not available',
  'team.not-found': '未找到该排查工作队 / No such team',
  'progress.outside-campaign': '该单位不在本次排查的省份内 / The unit lies outside the campaign’s province',
  'key-groups.unit-too-wide':
    '重点人群按县及以下单位计算（市、省请逐县查看）/ Key groups are computed for a county or a smaller unit (for a city or province, ask county by county)',
} as const;

export type InspectionApplicationCode = keyof typeof MESSAGES;

/** The DomainError of an application rule, at a field when given. */
export function applicationError(code: InspectionApplicationCode, field?: string): DomainError {
  return new DomainError(
    field === undefined ? { code, message: MESSAGES[code] } : { code, field, message: MESSAGES[code] },
  );
}

/** Findings that do not fit the campaign's checklist: every problem, each at its field path (400 over HTTP). */
export class FindingsInvalid extends DomainError {
  constructor(problems: readonly [DomainProblem, ...DomainProblem[]]) {
    const [first, ...rest] = problems;
    super(first, rest);
    this.name = 'FindingsInvalid';
  }
}
