import { Card, Flex, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { lazy, Suspense } from 'react';
import { Link } from 'react-router';
import { divisionsByCode } from '../api/registry';
import { reportingApi, type KeyRegionReport } from '../api/reporting';
import { useApi } from '../api/use-api';
import { mayReport } from '../auth/area';
import type { SignedInUser } from '../auth/claims';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { reportLabel } from '../i18n/report-labels';
import { EmptyState, ErrorState, LoadingState } from '../states/states';
import { HeadlineFigures } from './reports/HeadlineFigures';
import { percent } from './reports/report-format';
import { useReportYear, YearSelect } from './reports/YearSelect';

const RowsChart = lazy(() => import('../charts/RowsChart'));

const CHART_FIGURES: readonly (readonly [string, MessageKey])[] = [
  ['households', 'reports.rows.households'],
  ['inspected', 'reports.rows.inspected'],
  ['newSubjects', 'reports.rows.newSubjects'],
];

/**
 * The key regions of the user's province for the year (DOMAIN.md report 3), each with its units
 * and figures summed over them; the answer holds only the regions inside the user's area. A
 * province has a handful of regions, so they come in one answer.
 */
export default function KeyRegionsPage({ user }: { readonly user: SignedInUser }) {
  const { t, language } = useI18n();
  const year = useReportYear();
  const provinceCode = `${user.unitCode.slice(0, 2)}0000000000`;
  const regions = useApi((signal) => reportingApi.keyRegions(provinceCode, year, signal), `${provinceCode}|${year}`);
  const codes = regions.kind === 'done' ? regions.data.flatMap((region) => region.divisionCodes) : [];
  const names = useApi(() => divisionsByCode(codes), [...new Set(codes)].sort().join(','));
  const nameOf = (code: string) => (names.kind === 'done' ? (names.data.get(code)?.name ?? code) : code);

  const columns: ColumnsType<KeyRegionReport> = [
    {
      title: t('reports.keyRegions.kind'),
      key: 'kind',
      render: (_, region) => reportLabel('keyRegionKind', region.kind, language),
    },
    {
      title: t('reports.keyRegions.units'),
      key: 'units',
      render: (_, region) => (
        <Flex wrap gap={4}>
          {region.divisionCodes.map((code) => (
            <Tag key={code}>
              {mayReport(user, code) ? <Link to={`/tiers/${code}`}>{nameOf(code)}</Link> : nameOf(code)}
            </Tag>
          ))}
        </Flex>
      ),
    },
    { title: t('reports.rows.households'), key: 'households', align: 'right', render: (_, r) => r.households.total },
    {
      title: t('reports.rows.share'),
      key: 'share',
      align: 'right',
      responsive: ['sm'],
      render: (_, r) => percent(r.campaign?.inspectedShare ?? null),
    },
    {
      title: t('reports.rows.newSubjects'),
      key: 'new',
      align: 'right',
      responsive: ['md'],
      render: (_, r) => r.newSubjects.total,
    },
    {
      title: t('reports.rows.monitored'),
      key: 'monitored',
      align: 'right',
      responsive: ['md'],
      render: (_, r) => r.monitoring.total,
    },
  ];

  return (
    <Flex vertical gap="middle">
      <Typography.Title level={1} className="page-title">
        {t('reports.keyRegions.title')}
      </Typography.Title>
      {regions.kind === 'failed' ? (
        <ErrorState error={regions.error} onRetry={regions.reload} />
      ) : regions.kind === 'loading' ? (
        <LoadingState />
      ) : (
        <>
          <Space wrap size="middle">
            <YearSelect year={year ?? regions.data[0]?.year ?? new Date().getFullYear()} />
            {regions.data[0] !== undefined && (
              <Typography.Text type="secondary">
                {t('reports.asOf', { date: regions.data[0].asOfDate })}
              </Typography.Text>
            )}
          </Space>
          {regions.data.length === 0 ? (
            <Card size="small">
              <Typography.Paragraph>{t('reports.keyRegions.none')}</Typography.Paragraph>
              <EmptyState />
            </Card>
          ) : (
            <>
              <Table<KeyRegionReport>
                rowKey="regionId"
                columns={columns}
                dataSource={[...regions.data]}
                size="middle"
                pagination={false}
                scroll={{ x: 'max-content' }}
                expandable={{ expandedRowRender: (region) => <HeadlineFigures report={region} /> }}
              />
              <Card size="small" title={<h2 className="card-title">{t('reports.keyRegions.chart')}</h2>}>
                <Suspense fallback={<LoadingState rows={3} />}>
                  <RowsChart
                    rows={regions.data.map((region) => ({
                      name: `${reportLabel('keyRegionKind', region.kind, language)} · ${region.divisionCodes.map(nameOf).join('、')}`,
                      values: {
                        households: region.households.total,
                        inspected: region.campaign?.inspected ?? 0,
                        newSubjects: region.newSubjects.total,
                      },
                    }))}
                    figures={CHART_FIGURES}
                    label={t('reports.keyRegions.chart')}
                  />
                </Suspense>
              </Card>
            </>
          )}
        </>
      )}
    </Flex>
  );
}
