import { defineContract } from '../contract';
import { KEY_REGION_KINDS } from './registry.enums';
import { PROVINCE_YEAR_KEY, REGISTRY_CONTEXT, REGISTRY_EVENTS_TOPIC } from './registry-topic';
import { divisionCode, id, isoDate, oneWordOf, provinceCode, text, year } from './registry.schema-parts';
import type { IsoDate, KeyRegionKindV1 } from './registry.values';

/** `data` of `cn.relapsewatch.registry.KeyRegionDesignated.v1`. */
export interface KeyRegionDesignatedV1 {
  readonly provinceCode: string;
  readonly year: number;
  readonly regionId: string;
  readonly kind: KeyRegionKindV1;
  /** 12-digit codes of the units it covers, inside the province, sorted. */
  readonly divisionCodes: readonly string[];
  readonly reason: string;
  readonly effectiveFrom: IsoDate;
}

/** A province designated a key region of the year (重点区域认定), where households are visited one by one. */
export const keyRegionDesignatedV1 = defineContract<KeyRegionDesignatedV1>({
  context: REGISTRY_CONTEXT,
  event: 'KeyRegionDesignated',
  version: 1,
  schemaName: 'key-region-designated',
  topic: REGISTRY_EVENTS_TOPIC,
  key: PROVINCE_YEAR_KEY,
  title: { 'zh-CN': '重点区域已认定', en: 'Key region designated' },
  summary: {
    'zh-CN': '省份认定年度集中排查重点区域（重点帮扶县、集中安置区、受灾地区等），区域内逐户走访',
    en: 'A province designated a key region of the year’s inspection (priority county, resettlement area, disaster area…), where every household is visited',
  },
  properties: {
    provinceCode,
    year: year('适用年度 / Year of the designation'),
    regionId: id('重点区域编号 / Key region id'),
    kind: oneWordOf(KEY_REGION_KINDS, '重点区域类型 / Kind of key region'),
    divisionCodes: {
      type: 'array',
      minItems: 1,
      uniqueItems: true,
      items: divisionCode('区划代码 / Division code'),
      description: '覆盖的区划（12 位代码，升序） / Units covered, 12-digit codes, sorted',
    },
    reason: text(500, '认定理由 / Reason for the designation'),
    effectiveFrom: isoDate('生效日期 / First day it applies'),
  },
  fixture: {
    provinceCode: '51',
    year: 2024,
    regionId: 'kr-51-2024-007',
    kind: 'major-natural-disaster',
    divisionCodes: ['510104001000', '510104002000'],
    reason: '2024 年 7 月强降雨引发山洪，锦江区两个街道受灾较重',
    effectiveFrom: '2024-08-01',
  },
});
