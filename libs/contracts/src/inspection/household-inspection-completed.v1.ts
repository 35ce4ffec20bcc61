import type { JsonSchema } from '../contract';
import { defineContract } from '../contract';
import { closedObject, householdId, oneWordOf, villageCode } from '../registry/registry.schema-parts';
import type { IsoDate } from '../registry/registry.values';
import { AREA_OUTCOMES, INSPECTION_AREAS, INSPECTION_METHODS } from './inspection.enums';
import { campaignId, inspectionArea, keyRegionId, localDate, ruleCodes } from './inspection.schema-parts';
import { INSPECTION_CONTEXT, INSPECTION_EVENTS_TOPIC, INSPECTION_HOUSEHOLD_KEY } from './inspection-topic';
import type {
  AreaOutcomeV1,
  ChecklistAnswerV1,
  InspectionAreaV1,
  InspectionMethodV1,
  RuleCodeV1,
} from './inspection.values';

/** What the completed inspection found in one area: the outcome and the fixed answers, never free text or evidence. */
export interface AreaFindingV1 {
  readonly area: InspectionAreaV1;
  readonly outcome: AreaOutcomeV1;
  /** Latest fixed answer per question of the campaign's checklist version, by question id. */
  readonly answers: Readonly<Record<string, ChecklistAnswerV1>>;
}

/** `data` of `cn.relapsewatch.inspection.HouseholdInspectionCompleted.v1`. */
export interface HouseholdInspectionCompletedV1 {
  readonly campaignId: string;
  readonly householdId: string;
  readonly villageCode: string;
  /** 1 for the first completion, then +1 after each reopening for a revisit. */
  readonly round: number;
  readonly completedOn: IsoDate;
  /** Completed after the campaign's `inspectBy`. */
  readonly late: boolean;
  /** The methods of the round's contacts, each once, in the order of the method list. */
  readonly methods: readonly InspectionMethodV1[];
  /** At least one household visit in the round. */
  readonly visited: boolean;
  /** The key-group rules that selected the household (sorted; empty when none). */
  readonly keyGroupRuleIds: readonly RuleCodeV1[];
  /** The key regions the household lies in (sorted; empty when none). */
  readonly keyRegionIds: readonly string[];
  /** One entry per area, in the order of the seven areas. */
  readonly areas: readonly AreaFindingV1[];
  /** Suggestions the rules made for the household so far in the campaign (recorded, not yet decided included). */
  readonly suggestionCount: number;
}

const CODE = '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$';

/** A fixed answer; a choice is its option code, so a typed text cannot pass as an answer. */
const answer: JsonSchema = {
  description:
    '固定答案：是否题为布尔值，选择题为选项代码，金额（分）和数量为非负整数；文字题（text）的答案是自由文本，不发布 / A fixed answer: yes-no a boolean, a choice its option code, an amount (fen) or count a whole number ≥ 0; answers to text questions are free text and never published',
  anyOf: [
    { type: 'boolean' },
    { type: 'string', pattern: CODE },
    { type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER },
  ],
};

const areaFinding = closedObject(
  {
    area: inspectionArea,
    outcome: oneWordOf(
      AREA_OUTCOMES,
      '结论：no-issue 未发现问题，issue-found 发现问题 / Outcome: no issue, or issue found',
    ),
    answers: {
      type: 'object',
      propertyNames: { pattern: CODE },
      additionalProperties: answer,
      description:
        '按题目编号的固定答案（排查表版本见 CampaignLaunched.checklistVersion）；备注和佐证材料可能含个人信息，不发布 / Fixed answers by question id (checklist version in CampaignLaunched.checklistVersion); notes and evidence references may hold personal data and are never published',
    },
  },
  '一个方面的排查结论 / The finding of one area',
);

/** A household's inspection of the campaign was completed (农户排查完成), with the findings of the seven areas. */
export const householdInspectionCompletedV1 = defineContract<HouseholdInspectionCompletedV1>({
  context: INSPECTION_CONTEXT,
  event: 'HouseholdInspectionCompleted',
  version: 1,
  schemaName: 'household-inspection-completed',
  topic: INSPECTION_EVENTS_TOPIC,
  key: INSPECTION_HOUSEHOLD_KEY,
  title: { 'zh-CN': '农户排查已完成', en: 'Household inspection completed' },
  summary: {
    'zh-CN':
      '一户的集中排查完成（或复查后再次完成）：方式、是否入户、重点群体和重点区域、七个方面的结论和固定答案；逾期完成照收并标记。不含备注和佐证材料',
    en: 'A household’s inspection was completed (or completed again after a revisit): methods, whether visited, key groups and regions, the outcome and fixed answers of the seven areas; a completion after the deadline is accepted and marked late. No notes or evidence references',
  },
  properties: {
    campaignId,
    householdId,
    villageCode,
    round: {
      type: 'integer',
      minimum: 1,
      description: '第几轮：首次完成为 1，每次重新打开复查后 +1 / Round: 1 for the first completion, +1 per reopening',
    },
    completedOn: localDate('完成日期', 'Completion date'),
    late: { type: 'boolean', description: '晚于排查完成时限 / Completed after the campaign’s inspectBy' },
    methods: {
      type: 'array',
      minItems: 1,
      uniqueItems: true,
      items: oneWordOf(INSPECTION_METHODS, '排查方式 / Method'),
      description:
        '本轮采用的方式：household-visit 入户走访、online-communication 线上沟通、group-assessment 群众评议 / Methods of the round’s contacts',
    },
    visited: {
      type: 'boolean',
      description:
        '本轮至少入户走访一次；重点群体和重点区域的农户必须入户 / At least one household visit in the round; required for key groups and key regions',
    },
    keyGroupRuleIds: ruleCodes(
      '选中该户的重点群体规则（升序，可为空） / Key-group rules that selected it, sorted; may be empty',
    ),
    keyRegionIds: {
      type: 'array',
      uniqueItems: true,
      items: keyRegionId,
      description: '农户所在的重点区域（升序，可为空） / Key regions it lies in, sorted; may be empty',
    },
    areas: {
      type: 'array',
      minItems: INSPECTION_AREAS.length,
      maxItems: INSPECTION_AREAS.length,
      allOf: INSPECTION_AREAS.map((area) => ({ contains: { type: 'object', properties: { area: { const: area } } } })),
      items: areaFinding,
      description: '七个方面各一条，按七个方面的顺序 / One entry for each of the seven areas, in their order',
    },
    suggestionCount: {
      type: 'integer',
      minimum: 0,
      description:
        '本次排查中规则给出的建议数（含待决定的） / Suggestions the rules made in the campaign so far, undecided ones included',
    },
  },
  fixture: {
    campaignId: '51-2024',
    householdId: '0192f6c8-3b1e-7a42-8d5c-1e7f9a2b4c63',
    villageCode: '511923102202',
    round: 1,
    completedOn: '2024-08-27',
    late: false,
    methods: ['household-visit', 'group-assessment'],
    visited: true,
    keyGroupRuleIds: ['key-group.income-drop'],
    keyRegionIds: ['kr-51-2024-003', 'kr-51-2024-007'],
    areas: [
      {
        area: 'relapse-risk',
        outcome: 'issue-found',
        answers: { 'risk-present': true, 'main-risk-kind': 'illness', 'sudden-hardship': false },
      },
      {
        area: 'income',
        outcome: 'issue-found',
        answers: {
          'per-capita-estimate': 702_000,
          'income-dropped': true,
          'drop-reason': 'illness',
          'wage-earners': 0,
          'employment-stable': false,
        },
      },
      {
        area: 'assistance-measures',
        outcome: 'no-issue',
        answers: { 'measures-in-place': true, 'development-measure': 'yes', 'new-social-assistance': 'none' },
      },
      { area: 'elimination-stability', outcome: 'no-issue', answers: { 'monitoring-state': 'not-monitored' } },
      {
        area: 'latent-risks',
        outcome: 'no-issue',
        answers: {
          'housing-safe': true,
          'drinking-water-safe': true,
          'child-dropped-out': false,
          'all-insured': true,
          'self-paid-medical': 1_856_000,
        },
      },
      {
        area: 'data-quality',
        outcome: 'no-issue',
        answers: { 'record-matches': true, 'ledger-matches': true, 'members-present': 4 },
      },
      {
        area: 'policy-awareness',
        outcome: 'no-issue',
        answers: { 'application-guide': true, 'assistance-policy': false, 'knows-hotline': true },
      },
    ],
    suggestionCount: 2,
  },
});
