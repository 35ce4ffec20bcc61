import { assertNever } from '@relapse-watch/domain-kernel';
import { INSPECTION_AREAS, INSPECTION_METHODS, MEASURE_CATEGORIES, LEAD_SOURCES } from '@relapse-watch/contracts';
import type { TierReport } from '../domain/tier-report/tier-report';
import {
  AREA_NAMES,
  DURATION_NAMES,
  LEAD_SOURCE_NAMES,
  LINE_NAMES,
  MEASURE_CATEGORY_NAMES,
  METHOD_LABELS,
  MONITORING_CATEGORY_NAMES,
  RISK_TYPE_NAMES,
} from './report-labels';
import { breakdown, column, type ReportColumn, type ReportName } from './report-sheet.parts';

export { REPORT_NAMES, REPORT_TITLES, type ReportColumn, type ReportName } from './report-sheet.parts';

const CATEGORIES = Object.keys(MONITORING_CATEGORY_NAMES);
const RISK_TYPES = Object.keys(RISK_TYPE_NAMES);

/** The columns of a report, given the unit's own report (the total row) for open breakdowns. */
export function reportColumns(name: ReportName, total: TierReport): ReportColumn[] {
  switch (name) {
    case 'campaign':
      return [
        column('在册户数', 'Households in scope', (r) => r.campaign?.inScope ?? null),
        column('已排查户数', 'Inspected', (r) => r.campaign?.inspected ?? null),
        column('截止日前已排查', 'Inspected by the deadline', (r) => r.campaign?.inspectedByDeadline ?? null),
        column('排查比例', 'Inspected share', (r) => r.campaign?.inspectedShare ?? null),
        column('入户走访户数', 'Visited', (r) => r.campaign?.visited ?? null),
        ...breakdown(['排查方式', 'Method'], METHOD_LABELS, INSPECTION_METHODS, {}, (r) => r.campaign?.byMethod),
        column('有户村数', 'Villages', (r) => r.campaign?.villages ?? null),
        column('工作队已覆盖村数', 'Villages covered', (r) => r.campaign?.villagesCovered ?? null),
        column(
          '按期覆盖村数',
          'Villages covered by the deadline',
          (r) => r.campaign?.villagesCoveredByDeadline ?? null,
        ),
      ];
    case 'new-subjects':
      return [
        column('本年新识别', 'This year', (r) => r.newSubjects.total),
        column('上年新识别', 'Last year', (r) => r.newSubjects.lastYearTotal),
        column('同比变化', 'Change', (r) => r.newSubjects.change),
        ...breakdown(
          ['类别', 'Category'],
          MONITORING_CATEGORY_NAMES,
          CATEGORIES,
          total.newSubjects.byCategory,
          (r) => r.newSubjects.byCategory,
        ),
        ...breakdown(
          ['风险类型', 'Risk type'],
          RISK_TYPE_NAMES,
          RISK_TYPES,
          total.newSubjects.byRiskType,
          (r) => r.newSubjects.byRiskType,
        ),
        ...breakdown(
          ['线索来源', 'Lead source'],
          LEAD_SOURCE_NAMES,
          LEAD_SOURCES,
          total.newSubjects.byLeadSource,
          (r) => r.newSubjects.byLeadSource,
        ),
      ];
    case 'monitoring':
      return [
        column('监测对象', 'Monitored', (r) => r.monitoring.total),
        ...breakdown(
          ['类别', 'Category'],
          MONITORING_CATEGORY_NAMES,
          CATEGORIES,
          total.monitoring.byCategory,
          (r) => r.monitoring.byCategory,
        ),
        column('监测超一年', 'Over one year', (r) => r.monitoring.overOneYear),
        column('监测超两年', 'Over two years', (r) => r.monitoring.overTwoYears),
        column('超期案件', 'Overdue cases', (r) => r.monitoring.overdueCases),
        column('待处理线索', 'Open leads', (r) => r.monitoring.openLeads),
        column('超期线索', 'Overdue leads', (r) => r.monitoring.overdueLeads),
      ];
    case 'income':
      return [
        column('已录收入户数', 'Incomes recorded', (r) => r.income.recorded),
        ...total.income.bands.map((band, i) =>
          column(
            `人均纯收入 ${band.fromYuan}${band.toYuan === null ? ' 元以上' : `–${band.toYuan} 元`}`,
            `per capita ${band.fromYuan}${band.toYuan === null ? '+ yuan' : `–${band.toYuan} yuan`}`,
            (r) => r.income.bands[i]?.households ?? 0,
          ),
        ),
        ...breakdown(
          ['低于', 'Below'],
          LINE_NAMES,
          Object.keys(LINE_NAMES),
          total.income.belowLine,
          (r) => r.income.belowLine,
        ),
        column('收入下降户', 'Decliners', (r) => r.income.decliners),
      ];
    case 'assistance':
      return [
        column('监测对象', 'Monitored', (r) => r.assistance.monitored),
        column('有帮扶措施', 'With a measure', (r) => r.assistance.withMeasure),
        ...breakdown(
          ['措施类别', 'Measure'],
          MEASURE_CATEGORY_NAMES,
          MEASURE_CATEGORIES,
          {},
          (r) => r.assistance.byMeasureCategory,
        ),
        column('有劳动能力', 'Labour-capable', (r) => r.assistance.labourCapable),
        column(
          '有劳动能力无开发式措施',
          'Labour-capable without a development measure',
          (r) => r.assistance.labourCapableWithoutDevelopmentMeasure,
        ),
      ];
    case 'elimination':
      return [
        column('本年消除风险', 'Eliminated this year', (r) => r.elimination.total),
        ...breakdown(
          ['监测时长', 'Monitored for'],
          DURATION_NAMES,
          Object.keys(DURATION_NAMES),
          {},
          (r) => r.elimination.byDuration,
        ),
        column('返贫致贫', 'Relapses', (r) => r.elimination.relapses),
      ];
    case 'data-quality':
      return [
        ...breakdown(
          ['未解决问题', 'Open issues'],
          {},
          [],
          total.dataQuality.openIssues,
          (r) => r.dataQuality.openIssues,
        ),
        ...breakdown(
          ['登记预警', 'Registry warnings'],
          {},
          [],
          total.dataQuality.registryWarnings,
          (r) => r.dataQuality.registryWarnings,
        ),
        column('已解决问题', 'Resolved', (r) => r.dataQuality.resolved),
        column('平均整改天数', 'Average days to fix', (r) => r.dataQuality.averageDaysToFix),
      ];
    case 'policy-awareness':
      return [
        column('已排查户数', 'Inspected', (r) => r.policyAwareness?.inspected ?? null),
        column('知晓申请指南', 'Application guide', (r) => r.policyAwareness?.applicationGuide ?? null),
        column(
          '申请指南覆盖率',
          'Application guide coverage',
          (r) => r.policyAwareness?.applicationGuideCoverage ?? null,
        ),
        column('已排查监测户', 'Monitored inspected', (r) => r.policyAwareness?.monitoredInspected ?? null),
        column('知晓帮扶政策', 'Assistance policy leaflet', (r) => r.policyAwareness?.assistancePolicyLeaflet ?? null),
        column('帮扶政策覆盖率', 'Leaflet coverage', (r) => r.policyAwareness?.assistancePolicyLeafletCoverage ?? null),
      ];
    case 'rectification': {
      const areas = [
        ...INSPECTION_AREAS,
        ...Object.keys(total.rectification).filter((a) => !(INSPECTION_AREAS as readonly string[]).includes(a)),
      ];
      return areas.flatMap((area) => {
        const zhArea = AREA_NAMES[area] ?? area;
        return [
          column(`${zhArea}：未整改`, `${area}: open`, (r) => r.rectification[area]?.open ?? 0),
          column(`${zhArea}：已整改`, `${area}: closed`, (r) => r.rectification[area]?.closed ?? 0),
          column(`${zhArea}：逾期整改`, `${area}: closed late`, (r) => r.rectification[area]?.closedLate ?? 0),
        ];
      });
    }
    default:
      return assertNever(name, 'report');
  }
}
