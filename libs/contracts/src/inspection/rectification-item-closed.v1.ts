import { defineContract } from '../contract';
import type { IsoDate } from '../registry/registry.values';
import { localDate, officialText } from './inspection.schema-parts';
import { INSPECTION_CONTEXT, INSPECTION_EVENTS_TOPIC, INSPECTION_HOUSEHOLD_KEY } from './inspection-topic';
import {
  FIXTURE_RECTIFICATION_ITEM,
  RECTIFICATION_ITEM_PROPERTIES,
  type RectificationItemV1,
} from './rectification-item-raised.v1';

/** `data` of `cn.relapsewatch.inspection.RectificationItemClosed.v1`. */
export interface RectificationItemClosedV1 extends RectificationItemV1 {
  readonly closedOn: IsoDate;
  /** Closed after `dueOn`. */
  readonly overdue: boolean;
  /** How it was put right: free text, no personal data. */
  readonly resolution: string;
}

/** A rectification item was closed (整改事项已销号). */
export const rectificationItemClosedV1 = defineContract<RectificationItemClosedV1>({
  context: INSPECTION_CONTEXT,
  event: 'RectificationItemClosed',
  version: 1,
  schemaName: 'rectification-item-closed',
  topic: INSPECTION_EVENTS_TOPIC,
  key: INSPECTION_HOUSEHOLD_KEY,
  title: { 'zh-CN': '整改事项已销号', en: 'Rectification item closed' },
  summary: {
    'zh-CN': '整改台账中的一项整改完毕销号（日期、是否超期、整改说明）；载荷重复事项的方面、责任单位和时限',
    en: 'An item of the rectification ledger was closed (date, whether overdue, resolution); the payload repeats its area, unit responsible and due date',
  },
  properties: {
    ...RECTIFICATION_ITEM_PROPERTIES,
    closedOn: localDate('销号日期', 'Date closed'),
    overdue: { type: 'boolean', description: '晚于整改时限销号 / Closed after dueOn' },
    resolution: officialText('整改说明', 'How it was put right'),
  },
  fixture: {
    ...FIXTURE_RECTIFICATION_ITEM,
    closedOn: '2024-09-02',
    overdue: false,
    resolution: '村两委已入户送达帮扶政策明白纸并逐项讲解，户主签收',
  },
});
