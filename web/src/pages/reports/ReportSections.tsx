import { Card, Col, Descriptions, Row, Table } from 'antd';
import type { Breakdown, TierReport } from '../../api/reporting';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages';
import { reportLabel, REPORT_LABELS } from '../../i18n/report-labels';
import { percent } from './report-format';

type Figures = Omit<TierReport, 'unitCode' | 'tier'>;
type Item = readonly [label: string, value: number | string];

function Section({ title, items }: { readonly title: MessageKey; readonly items: readonly Item[] }) {
  const { t } = useI18n();
  return (
    <Card title={<h3 className="card-title">{t(title)}</h3>} size="small" className="report-section">
      <Descriptions
        size="small"
        column={1}
        items={items.map(([label, value], i) => ({ key: String(i), label, children: value }))}
      />
    </Card>
  );
}

/**
 * Reports 2 and 4–9 of a unit (report 1 is the campaign card), each a card of its figures and
 * breakdowns, two columns on a wide screen and one on a phone.
 */
export function ReportSections({ report }: { readonly report: Figures }) {
  const { t, language } = useI18n();
  const breakdown = (list: keyof typeof REPORT_LABELS, counts: Breakdown, heading: MessageKey): Item[] => {
    const entries = Object.entries(counts);
    if (entries.length === 0) return [[t(heading), t('reports.section.none')]];
    return entries.map(([code, n]) => [`${t(heading)} · ${reportLabel(list, code, language)}`, n]);
  };
  const rules = (counts: Breakdown, heading: MessageKey): Item[] => {
    const entries = Object.entries(counts);
    if (entries.length === 0) return [[t(heading), t('reports.section.none')]];
    return entries.map(([rule, n]) => [`${t(heading)} · ${rule}`, n]);
  };
  const bands = report.income.bands.filter((band) => band.households > 0);
  const ledger = Object.entries(report.rectification).map(([area, counts]) => ({ area, ...counts }));
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={12}>
        <Section
          title="reports.section.newSubjects"
          items={[
            [t('reports.figure.newSubjects'), report.newSubjects.total],
            [t('reports.figure.lastYear', { count: '' }).trim(), report.newSubjects.lastYearTotal],
            ...breakdown('category', report.newSubjects.byCategory, 'reports.section.byCategory'),
            ...breakdown('riskType', report.newSubjects.byRiskType, 'reports.section.byRiskType'),
            ...breakdown('leadSource', report.newSubjects.byLeadSource, 'reports.section.byLeadSource'),
          ]}
        />
      </Col>
      <Col xs={24} lg={12}>
        <Section
          title="reports.section.monitoring"
          items={[
            [t('reports.figure.monitored'), report.monitoring.total],
            ...breakdown('category', report.monitoring.byCategory, 'reports.section.byCategory'),
            [t('reports.figure.overOneYear'), report.monitoring.overOneYear],
            [t('reports.figure.overTwoYears'), report.monitoring.overTwoYears],
            [t('reports.figure.overdueCases'), report.monitoring.overdueCases],
            [t('reports.figure.openLeads'), report.monitoring.openLeads],
          ]}
        />
      </Col>
      <Col xs={24} lg={12}>
        <Card title={<h3 className="card-title">{t('reports.section.income')}</h3>} size="small">
          <Descriptions
            size="small"
            column={1}
            items={[
              [t('reports.figure.recorded'), report.income.recorded] as Item,
              ...Object.entries(report.income.belowLine).map(
                ([line, n]) => [reportLabel('line', line, language), n] as Item,
              ),
              [t('reports.figure.decliners'), report.income.decliners] as Item,
            ].map(([label, value], i) => ({ key: String(i), label, children: value }))}
          />
          {bands.length > 0 && (
            <Table
              size="small"
              pagination={false}
              rowKey="fromYuan"
              dataSource={bands}
              columns={[
                {
                  title: t('reports.section.band'),
                  key: 'band',
                  render: (_, band) =>
                    band.toYuan === null ? `≥ ${band.fromYuan}` : `${band.fromYuan}–${band.toYuan}`,
                },
                { title: t('reports.rows.households'), dataIndex: 'households', align: 'right' },
              ]}
            />
          )}
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Section
          title="reports.section.assistance"
          items={[
            [t('reports.figure.monitored'), report.assistance.monitored],
            [t('reports.figure.withMeasure'), report.assistance.withMeasure],
            ...breakdown('measure', report.assistance.byMeasureCategory, 'reports.section.byMeasure'),
            [t('reports.figure.withoutDevelopment'), report.assistance.labourCapableWithoutDevelopmentMeasure],
          ]}
        />
      </Col>
      <Col xs={24} lg={12}>
        <Section
          title="reports.section.elimination"
          items={[
            [t('reports.figure.eliminated'), report.elimination.total],
            ...breakdown('duration', report.elimination.byDuration, 'reports.section.byDuration'),
            [t('reports.figure.relapses'), report.elimination.relapses],
          ]}
        />
      </Col>
      <Col xs={24} lg={12}>
        <Section
          title="reports.section.dataQuality"
          items={[
            ...rules(report.dataQuality.openIssues, 'reports.figure.openIssues'),
            ...rules(report.dataQuality.registryWarnings, 'reports.figure.registryWarnings'),
            [t('reports.figure.resolved'), report.dataQuality.resolved],
            [t('reports.figure.averageDays'), report.dataQuality.averageDaysToFix ?? '—'],
          ]}
        />
      </Col>
      <Col xs={24} lg={12}>
        <Section
          title="reports.section.policyAwareness"
          items={
            report.policyAwareness === null
              ? [[t('reports.campaign.none'), '—']]
              : [
                  [
                    t('reports.figure.applicationGuide'),
                    `${report.policyAwareness.applicationGuide} / ${report.policyAwareness.inspected} (${percent(report.policyAwareness.applicationGuideCoverage)})`,
                  ],
                  [
                    t('reports.figure.assistanceLeaflet'),
                    `${report.policyAwareness.assistancePolicyLeaflet} / ${report.policyAwareness.monitoredInspected} (${percent(report.policyAwareness.assistancePolicyLeafletCoverage)})`,
                  ],
                ]
          }
        />
      </Col>
      <Col xs={24} lg={12}>
        <Card title={<h3 className="card-title">{t('reports.section.rectification')}</h3>} size="small">
          <Table
            size="small"
            pagination={false}
            rowKey="area"
            dataSource={ledger}
            locale={{ emptyText: t('reports.section.none') }}
            columns={[
              {
                title: t('reports.section.area'),
                dataIndex: 'area',
                render: (area: string) => reportLabel('area', area, language),
              },
              { title: t('reports.section.open'), dataIndex: 'open', align: 'right' },
              { title: t('reports.section.closed'), dataIndex: 'closed', align: 'right' },
              { title: t('reports.section.closedLate'), dataIndex: 'closedLate', align: 'right' },
            ]}
          />
        </Card>
      </Col>
    </Row>
  );
}
