import type { ApiResponseSchemaHost } from '@nestjs/swagger';

type SchemaObject = ApiResponseSchemaHost['schema'];

// The OpenAPI schema of a TierReport (domain/tier-report), written out so the document says
// exactly what the route returns; the API spec checks a live response against it.
const count: SchemaObject = { type: 'integer', minimum: 0 };
const share: SchemaObject = { type: 'number', nullable: true, minimum: 0 };
const breakdown = (description: string): SchemaObject => ({ type: 'object', description, additionalProperties: count });
const object = (properties: Record<string, SchemaObject>, description?: string): SchemaObject => ({
  type: 'object',
  ...(description === undefined ? {} : { description }),
  required: Object.keys(properties),
  properties,
});

const campaign = object(
  {
    campaignId: { type: 'string' },
    teamsInPlaceBy: { type: 'string', format: 'date' },
    inspectBy: { type: 'string', format: 'date' },
    villages: count,
    villagesCovered: count,
    villagesCoveredByDeadline: count,
    inScope: count,
    inspected: count,
    inspectedByDeadline: count,
    inspectedShare: share,
    visited: count,
    byMethod: breakdown('按排查方式 / by method'),
    deadlinePassed: { type: 'boolean' },
    daily: {
      type: 'array',
      description:
        '按日进度（有变化的日期，按日期排序）：当日完成排查户数、当日首次有工作队覆盖的村数及截至当日累计 / progress by day (days with a change, in date order): households whose inspection completed that day, villages a team first covered that day, and both to date',
      items: object({
        date: { type: 'string', format: 'date' },
        inspected: count,
        villagesCovered: count,
        inspectedToDate: count,
        villagesCoveredToDate: count,
      }),
    },
  },
  '1 排查进度 / campaign progress; null when no campaign was launched that year',
);

/** The schema of one unit's nine reports. */
export const TIER_REPORT_SCHEMA: SchemaObject = object({
  unitCode: { type: 'string', pattern: '^[0-9]{12}$' },
  tier: { type: 'string', enum: ['province', 'city', 'county', 'township', 'village'] },
  year: { type: 'integer' },
  asOfDate: { type: 'string', format: 'date' },
  households: object({ total: count, povertyAlleviated: count, ordinary: count, relocated: count, urbanHukou: count }),
  campaign: { ...campaign, nullable: true },
  newSubjects: object(
    {
      total: count,
      lastYearTotal: count,
      change: { type: 'number', nullable: true },
      byCategory: breakdown('按类别 / by category'),
      byRiskType: breakdown('按风险类型 / by risk type'),
      byLeadSource: breakdown('按线索来源 / by lead source'),
    },
    '2 新识别监测对象 / new monitoring subjects',
  ),
  monitoring: object({
    total: count,
    byCategory: breakdown('按类别 / by category'),
    overOneYear: count,
    overTwoYears: count,
    overdueCases: count,
    openLeads: count,
    overdueLeads: count,
  }),
  income: object(
    {
      recorded: count,
      bands: {
        type: 'array',
        items: object({ fromYuan: count, toYuan: { type: 'integer', nullable: true }, households: count }),
      },
      belowLine: breakdown('低于各条线的户数 / households below each line'),
      decliners: count,
    },
    '4 收入分布 / income distribution',
  ),
  assistance: object(
    {
      monitored: count,
      withMeasure: count,
      byMeasureCategory: breakdown('按措施类别 / by measure category'),
      labourCapable: count,
      labourCapableWithoutDevelopmentMeasure: count,
    },
    '5 帮扶覆盖 / assistance coverage',
  ),
  elimination: object(
    { total: count, byDuration: breakdown('按监测时长 / by duration'), relapses: count },
    '6 风险消除 / eliminations',
  ),
  dataQuality: object(
    {
      openIssues: breakdown('按规则 / by rule'),
      registryWarnings: breakdown('按规则 / by rule'),
      resolved: count,
      averageDaysToFix: { type: 'number', nullable: true },
    },
    '7 数据质量 / data quality',
  ),
  policyAwareness: {
    ...object(
      {
        inspected: count,
        applicationGuide: count,
        applicationGuideCoverage: share,
        monitoredInspected: count,
        assistancePolicyLeaflet: count,
        assistancePolicyLeafletCoverage: share,
      },
      '8 政策知晓 / policy awareness; null without a campaign',
    ),
    nullable: true,
  },
  rectification: {
    type: 'object',
    description: '9 整改台账（按七个方面）/ rectification ledger by area',
    additionalProperties: object({ open: count, closed: count, closedLate: count }),
  },
});

/** The schema of one key region's reports: the region and the figures of its units summed. */
export const KEY_REGION_REPORT_SCHEMA: SchemaObject = (() => {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { unitCode, tier, ...figures } = TIER_REPORT_SCHEMA.properties as Record<string, SchemaObject>;
  return object({
    regionId: { type: 'string' },
    kind: { type: 'string' },
    divisionCodes: { type: 'array', items: { type: 'string', pattern: '^[0-9]{12}$' } },
    ...figures,
  });
})();
