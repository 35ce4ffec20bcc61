import { defineContract } from '../contract';
import { KEY_REGION_KINDS } from '../registry/registry.enums';
import { closedObject, fen, oneWordOf, provinceCode, year } from '../registry/registry.schema-parts';
import type { Fen, IsoDate, KeyRegionKindV1 } from '../registry/registry.values';
import { campaignId, divisionCodes, keyRegionId, localDate, ruleCodes } from './inspection.schema-parts';
import { CAMPAIGN_KEY, INSPECTION_CONTEXT, INSPECTION_EVENTS_TOPIC } from './inspection-topic';
import type { RuleCodeV1 } from './inspection.values';

/** The year's income lines the campaign's rules use, per capita per year. */
export interface CampaignLinesV1 {
  /** The monitoring threshold (监测标准): eligibility. */
  readonly monitoringLineFen: Fen;
  /** The inspection filter line (排查筛选线): only picks households to visit; null when the province set none. */
  readonly inspectionFilterLineFen: Fen | null;
}

/** A key region in force at launch. */
export interface CampaignKeyRegionV1 {
  readonly regionId: string;
  readonly kind: KeyRegionKindV1;
  /** 12-digit codes of the units it covers, sorted. */
  readonly divisionCodes: readonly string[];
}

/** `data` of `cn.relapsewatch.inspection.CampaignLaunched.v1`. */
export interface CampaignLaunchedV1 {
  /** `<provinceCode>-<year>`. */
  readonly campaignId: string;
  readonly provinceCode: string;
  readonly year: number;
  readonly launchedOn: IsoDate;
  /** Teams in place at every level by this local date (inclusive); a village without a team after it is overdue. */
  readonly teamsInPlaceBy: IsoDate;
  /** Every household inspected by this local date (inclusive); a completion after it is late. */
  readonly inspectBy: IsoDate;
  /** The checklist version of the campaign's findings, e.g. `2024.1`. */
  readonly checklistVersion: string;
  /** The rule set version the suggestions are computed with. */
  readonly ruleSetVersion: string;
  readonly lines: CampaignLinesV1;
  readonly keyRegions: readonly CampaignKeyRegionV1[];
  /** The key-group rules in force, sorted. */
  readonly keyGroupRuleIds: readonly RuleCodeV1[];
}

const version = (description: string) => ({
  type: 'string',
  minLength: 1,
  maxLength: 64,
  pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$',
  description,
});

/** A province launched the year's concentrated inspection (集中排查启动). */
export const campaignLaunchedV1 = defineContract<CampaignLaunchedV1>({
  context: INSPECTION_CONTEXT,
  event: 'CampaignLaunched',
  version: 1,
  schemaName: 'campaign-launched',
  topic: INSPECTION_EVENTS_TOPIC,
  key: CAMPAIGN_KEY,
  title: { 'zh-CN': '集中排查已启动', en: 'Campaign launched' },
  summary: {
    'zh-CN':
      '省份启动年度防返贫集中排查：工作队到位和排查完成时限、排查表版本、规则集版本、收入标准、重点区域和重点群体规则；范围为启动时全省农村农户（含搬迁户、农转非户）及排查期间新建档农户',
    en: 'A province launched the year’s concentrated inspection: the teams-in-place and inspection deadlines, checklist and rule set versions, income lines, key regions and key-group rules; in scope is every rural household of the province at launch (relocated and urban-hukou households included) and every household registered during the campaign',
  },
  properties: {
    campaignId,
    provinceCode,
    year: year('排查年度 / Year of the campaign'),
    launchedOn: localDate('启动日期', 'Launch date'),
    teamsInPlaceBy: localDate(
      '工作队到位时限（含当日），逾期无工作队的行政村为逾期',
      'Teams in place by (inclusive); a village without a team after it is overdue',
    ),
    inspectBy: localDate(
      '排查完成时限（含当日），其后完成的照收并标记为逾期完成',
      'Every household inspected by (inclusive); a later completion is accepted and marked late',
    ),
    checklistVersion: version('排查表版本，如 `2024.1` / Checklist version, e.g. `2024.1`'),
    ruleSetVersion: version('规则集版本 / Rule set version'),
    lines: closedObject(
      {
        monitoringLineFen: fen(
          '防返贫监测收入标准（年人均纯收入） / Monitoring threshold, per-capita net income per year',
        ),
        inspectionFilterLineFen: {
          oneOf: [
            fen('排查筛选线（年人均纯收入） / Inspection filter line, per-capita net income per year'),
            { type: 'null' },
          ],
          description:
            '排查筛选线，仅用于确定走访对象；未设定为 null / Inspection filter line, which only picks visits; null when none was set',
        },
      },
      '启动时适用的收入标准 / The income lines in force at launch',
    ),
    keyRegions: {
      type: 'array',
      items: closedObject({
        regionId: keyRegionId,
        kind: oneWordOf(KEY_REGION_KINDS, '重点区域类型 / Kind of key region'),
        divisionCodes: divisionCodes('覆盖的区划（12 位代码，升序） / Units covered, 12-digit codes, sorted', 1),
      }),
      description:
        '启动时的重点区域，区域内逐户走访 / Key regions in force at launch, where every household is visited',
    },
    keyGroupRuleIds: ruleCodes('适用的重点群体规则（升序） / The key-group rules in force, sorted'),
  },
  fixture: {
    campaignId: '51-2024',
    provinceCode: '51',
    year: 2024,
    launchedOn: '2024-08-12',
    teamsInPlaceBy: '2024-08-16',
    inspectBy: '2024-08-30',
    checklistVersion: '2024.1',
    ruleSetVersion: '51-2024.1',
    lines: { monitoringLineFen: 760_000, inspectionFilterLineFen: 1_000_000 },
    keyRegions: [
      { regionId: 'kr-51-2024-003', kind: 'priority-assistance-county', divisionCodes: ['511923000000'] },
      { regionId: 'kr-51-2024-007', kind: 'major-natural-disaster', divisionCodes: ['511923102000', '511923103000'] },
    ],
    keyGroupRuleIds: [
      'key-group.below-filter-line',
      'key-group.disaster-hit',
      'key-group.income-drop',
      'key-group.new-severe-disability',
      'key-group.new-social-assistance',
      'key-group.repeated-warnings',
    ],
  },
});
