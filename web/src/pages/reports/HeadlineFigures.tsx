import { Card, Col, Row, Statistic } from 'antd';
import type { TierReport } from '../../api/reporting';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages';
import { percent, total } from './report-format';

type Figures = Omit<TierReport, 'unitCode' | 'tier'>;

/** The headline figure of each of the reports, as statistics (each marked `figure-<name>` for the browser spec). */
export function HeadlineFigures({ report }: { readonly report: Figures }) {
  const { t } = useI18n();
  const figures: readonly (readonly [name: string, label: MessageKey, value: number | string, note?: string])[] = [
    ['households', 'reports.figure.households', report.households.total],
    ['povertyAlleviated', 'reports.figure.povertyAlleviated', report.households.povertyAlleviated],
    ['inspectedShare', 'reports.figure.inspectedShare', percent(report.campaign?.inspectedShare ?? null)],
    [
      'newSubjects',
      'reports.figure.newSubjects',
      report.newSubjects.total,
      t('reports.figure.lastYear', { count: report.newSubjects.lastYearTotal }),
    ],
    ['monitored', 'reports.figure.monitored', report.monitoring.total],
    ['belowLine', 'reports.figure.belowLine', report.income.belowLine['monitoring-threshold'] ?? 0],
    ['decliners', 'reports.figure.decliners', report.income.decliners],
    ['eliminated', 'reports.figure.eliminated', report.elimination.total],
    [
      'withoutDevelopment',
      'reports.figure.withoutDevelopment',
      report.assistance.labourCapableWithoutDevelopmentMeasure,
    ],
    ['openIssues', 'reports.figure.openIssues', total(report.dataQuality.openIssues)],
    ['registryWarnings', 'reports.figure.registryWarnings', total(report.dataQuality.registryWarnings)],
    [
      'openRectification',
      'reports.figure.openRectification',
      Object.values(report.rectification).reduce((n, area) => n + area.open, 0),
    ],
  ];
  return (
    <Card title={<h2 className="card-title">{t('reports.headline.title')}</h2>} size="small">
      <Row gutter={[16, 16]}>
        {figures.map(([name, label, value, note]) => (
          <Col key={name} xs={12} sm={8} lg={6} xl={4} data-testid={`figure-${name}`}>
            <Statistic
              title={t(label)}
              value={value}
              suffix={note === undefined ? undefined : <span className="figure-note">{note}</span>}
            />
          </Col>
        ))}
      </Row>
    </Card>
  );
}
