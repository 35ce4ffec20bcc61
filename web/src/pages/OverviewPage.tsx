import { Card, Flex, Select, Space, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { useSearchParams } from 'react-router';
import { divisionsByCode, registryApi } from '../api/registry';
import { reportingApi, tierBelow } from '../api/reporting';
import { useApi } from '../api/use-api';
import { homeReportUnit } from '../auth/area';
import type { SignedInUser } from '../auth/claims';
import { useI18n } from '../i18n/i18n';
import { EmptyState, ErrorState, LoadingState } from '../states/states';
import { CampaignCard } from './reports/CampaignCard';
import { ExportButtons } from './reports/ExportButtons';
import { HeadlineFigures } from './reports/HeadlineFigures';
import { useReportYear, YearSelect } from './reports/YearSelect';

// ECharts is a chunk of its own, requested as soon as this page's module runs: in parallel with
// the report, not after it (the chart is what the page is for).
const progressChart = import('../charts/ProgressChart');
const ProgressChart = lazy(() => progressChart);

/**
 * The campaign overview of the user's own unit (an inspector: one of their villages): progress
 * against the two deadlines, by method, over time, and the headline figure of each report.
 * One report request (the unit's summary document) and one division name; `?unit=` opens another
 * unit of the user's area, which the server refuses outside it (the 403 state).
 */
export default function OverviewPage({ user }: { readonly user: SignedInUser }) {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const unitCode = params.get('unit') ?? homeReportUnit(user);
  const year = useReportYear();
  const report = useApi((signal) => reportingApi.unit(unitCode, year, signal), `${unitCode}|${year}`);
  const unit = useApi((signal) => registryApi.division(unitCode, signal), unitCode);
  const villages = useApi(
    () => (user.villageCodes.length > 1 ? divisionsByCode(user.villageCodes) : Promise.resolve(null)),
    user.villageCodes.join(','),
  );
  const name = unit.kind === 'done' ? unit.data.name : unitCode;

  if (report.kind === 'failed') return <ErrorState error={report.error} onRetry={report.reload} />;
  return (
    <Flex vertical gap="middle">
      <Typography.Title level={1} className="page-title">
        {t('reports.overview.title')} · {name}
      </Typography.Title>
      {report.kind === 'loading' ? (
        <LoadingState />
      ) : (
        <>
          <Space wrap size="middle">
            <YearSelect year={report.data.year} />
            {villages.kind === 'done' && villages.data !== null && (
              <Select
                className="division-select"
                aria-label={t('reports.village')}
                value={unitCode}
                options={user.villageCodes.map((code) => ({
                  value: code,
                  label: villages.data?.get(code)?.name ?? code,
                }))}
                onChange={(code: string) => setParams({ unit: code })}
              />
            )}
            <Typography.Text type="secondary">{t('reports.asOf', { date: report.data.asOfDate })}</Typography.Text>
            {tierBelow(report.data.tier) !== null && (
              <ExportButtons unitCode={unitCode} unitName={name} request={{ report: 'all', year: report.data.year }} />
            )}
          </Space>
          <CampaignCard campaign={report.data.campaign} />
          <Card title={<h2 className="card-title">{t('reports.chart.title')}</h2>} size="small">
            {report.data.campaign === null ? (
              <div data-testid="overview-chart">
                <EmptyState />
              </div>
            ) : (
              <Suspense fallback={<LoadingState rows={4} />}>
                <ProgressChart campaign={report.data.campaign} />
              </Suspense>
            )}
          </Card>
          <HeadlineFigures report={report.data} />
        </>
      )}
    </Flex>
  );
}
