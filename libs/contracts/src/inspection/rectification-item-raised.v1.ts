import { defineContract } from '../contract';
import { householdId, text, villageCode } from '../registry/registry.schema-parts';
import type { IsoDate } from '../registry/registry.values';
import { campaignId, inspectionArea, localDate, officialText, ruleCode, uuid } from './inspection.schema-parts';
import { INSPECTION_CONTEXT, INSPECTION_EVENTS_TOPIC, INSPECTION_HOUSEHOLD_KEY } from './inspection-topic';
import type { InspectionAreaV1, RuleCodeV1 } from './inspection.values';

/** The fields every rectification item event carries. */
export interface RectificationItemV1 {
  readonly itemId: string;
  readonly campaignId: string;
  readonly householdId: string;
  readonly villageCode: string;
  /** The area of the seven the item belongs to. */
  readonly area: InspectionAreaV1;
  /** The unit responsible for it, as the rule set names it, e.g. `county-housing`. */
  readonly ownerUnit: string;
  /** Local date it is due by (inclusive). */
  readonly dueOn: IsoDate;
}

/** `data` of `cn.relapsewatch.inspection.RectificationItemRaised.v1`. */
export interface RectificationItemRaisedV1 extends RectificationItemV1 {
  /** The rule that suggested it. */
  readonly ruleId: RuleCodeV1;
  /** What is to be put right: free text, no personal data. */
  readonly summary: string;
}

/** The properties shared with `RectificationItemClosed`. */
export const RECTIFICATION_ITEM_PROPERTIES = {
  itemId: uuid('整改事项编号 / Rectification item id'),
  campaignId,
  householdId,
  villageCode,
  area: inspectionArea,
  ownerUnit: text(
    200,
    '责任单位，按规则集的写法（如 `county-housing` 县住房城乡建设部门、`township` 乡镇；单位，不是个人） / The unit responsible, as the rule set names it (e.g. `county-housing`, `township`; a unit, never a person)',
  ),
  dueOn: localDate('整改时限（含当日）', 'Due by (inclusive)'),
};

/** The fixture's item: the assistance policy leaflet never reached the household (policy awareness). */
export const FIXTURE_RECTIFICATION_ITEM: RectificationItemV1 = {
  itemId: '0192f6d0-8a31-7b05-9c4e-2d6f8a1b3c77',
  campaignId: '51-2024',
  householdId: '0192f6c8-3b1e-7a42-8d5c-1e7f9a2b4c63',
  villageCode: '511923102202',
  area: 'policy-awareness',
  ownerUnit: 'village',
  dueOn: '2024-09-04',
};

/** An official accepted a rectification suggestion: an item on the rectification ledger (整改事项). */
export const rectificationItemRaisedV1 = defineContract<RectificationItemRaisedV1>({
  context: INSPECTION_CONTEXT,
  event: 'RectificationItemRaised',
  version: 1,
  schemaName: 'rectification-item-raised',
  topic: INSPECTION_EVENTS_TOPIC,
  key: INSPECTION_HOUSEHOLD_KEY,
  title: { 'zh-CN': '整改事项已提出', en: 'Rectification item raised' },
  summary: {
    'zh-CN': '排查发现的问题经干部采纳列入整改台账：所属方面、责任单位、整改时限、规则和问题说明',
    en: 'A problem the inspection found, accepted by an official, entered the rectification ledger: area, unit responsible, due date, rule and summary',
  },
  properties: {
    ...RECTIFICATION_ITEM_PROPERTIES,
    ruleId: ruleCode('提出该事项的规则 / The rule that suggested it'),
    summary: officialText('问题说明', 'What is to be put right'),
  },
  fixture: {
    ...FIXTURE_RECTIFICATION_ITEM,
    ruleId: 'rectification.policy-awareness',
    summary: '该户未收到帮扶政策明白纸，7 日内由村两委送达并讲解',
  },
});
