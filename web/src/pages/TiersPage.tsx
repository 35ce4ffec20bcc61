import { Card, Flex, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { lazy, Suspense } from 'react';
import { Link, Navigate, useLocation, useParams, useSearchParams } from 'react-router';
import { registryApi } from '../api/registry';
import { reportingApi, tierBelow, type UnitRow } from '../api/reporting';
import { useApi } from '../api/use-api';
import { homeReportUnit, mayBrowse, mayReport } from '../auth/area';
import type { SignedInUser } from '../auth/claims';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { reportLabel } from '../i18n/report-labels';
import { EmptyState, ErrorState, LoadingState } from '../states/states';
import { DivisionBreadcrumb } from './DivisionBreadcrumb';
import { CampaignCard } from './reports/CampaignCard';
import { ExportButtons } from './reports/ExportButtons';
import { HeadlineFigures } from './reports/HeadlineFigures';
import { percent } from './reports/report-format';
import { ReportSections } from './reports/ReportSections';
import { useReportYear, YearSelect } from './reports/YearSelect';

const RowsChart = lazy(() => import('../charts/RowsChart'));

const PAGE_SIZES = [10, 20, 50];
const CHART_FIGURES: readonly (readonly [string, MessageKey])[] = [
  ['households', 'reports.rows.households'],
  ['inspected', 'reports.rows.inspected'],
  ['monitored', 'reports.rows.monitored'],
];

/** `/tiers`: the drill-down starts at the user's own unit (the year, if any, kept). */
export function TiersHome({ user }: { readonly user: SignedInUser }) {
  const { search } = useLocation();
  return <Navigate to={`/tiers/${homeReportUnit(user)}${search}`} replace />;
}

/**
 * One unit of the drill-down province → city → county → township → village: the division path,
 * a server-paged table of the units below with their key figures (each linking one level down)
 * and a chart of the page's rows, then the unit's own reports. A village links to its households.
 * A unit above the user's (or, for an inspector, another village) is the server's 403.
 */
export default function TiersPage({ user }: { readonly user: SignedInUser }) {
  const { t, language } = useI18n();
  const unitCode = useParams().unitCode ?? homeReportUnit(user);
  const [params, setParams] = useSearchParams();
  const year = useReportYear();
  const pageSize = PAGE_SIZES.includes(Number(params.get('size'))) ? Number(params.get('size')) : PAGE_SIZES[0]!;
  const page = Math.max(1, Math.floor(Number(params.get('page')) || 1));

  const report = useApi((signal) => reportingApi.unit(unitCode, year, signal), `${unitCode}|${year}`);
  const place = useApi(async (signal) => {
    const [unit, ancestors] = await Promise.all([
      registryApi.division(unitCode, signal),
      registryApi.ancestors(unitCode, signal),
    ]);
    return [...ancestors, unit];
  }, unitCode);
  const below = report.kind === 'done' ? tierBelow(report.data.tier) : null;
  const rows = useApi(
    (signal) =>
      below === null
        ? Promise.resolve(null)
        : reportingApi.rows(unitCode, { year, limit: pageSize, offset: (page - 1) * pageSize }, signal),
    `${unitCode}|${year}|${below}|${page}|${pageSize}`,
  );

  if (report.kind === 'failed') return <ErrorState error={report.error} onRetry={report.reload} />;
  const path = place.kind === 'done' ? place.data : [];
  const name = path.at(-1)?.name ?? unitCode;

  const columns: ColumnsType<UnitRow> = [
    {
      title: t('reports.rows.name'),
      key: 'name',
      fixed: 'left',
      render: (_, row) =>
        mayReport(user, row.unitCode) ? (
          <Link to={`/tiers/${row.unitCode}${year === undefined ? '' : `?year=${year}`}`}>{row.name}</Link>
        ) : (
          row.name
        ),
    },
    { title: t('reports.rows.households'), dataIndex: 'households', align: 'right' },
    { title: t('reports.rows.inspected'), dataIndex: 'inspected', align: 'right' },
    {
      title: t('reports.rows.share'),
      key: 'share',
      align: 'right',
      responsive: ['sm'],
      render: (_, row) => percent(row.inspectedShare),
    },
    { title: t('reports.rows.monitored'), dataIndex: 'monitored', align: 'right', responsive: ['sm'] },
    { title: t('reports.rows.newSubjects'), dataIndex: 'newSubjects', align: 'right', responsive: ['md'] },
    { title: t('reports.rows.eliminated'), dataIndex: 'eliminated', align: 'right', responsive: ['md'] },
    { title: t('reports.rows.openIssues'), dataIndex: 'openDataQualityIssues', align: 'right', responsive: ['lg'] },
    {
      title: t('reports.rows.openRectification'),
      dataIndex: 'openRectificationItems',
      align: 'right',
      responsive: ['lg'],
    },
  ];
  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null) next.delete(key);
      else next.set(key, value);
    }
    setParams(next);
  };
  const items = rows.kind === 'done' && rows.data !== null ? rows.data.items : [];

  return (
    <Flex vertical gap="middle">
      {path.length > 0 ? (
        <DivisionBreadcrumb
          path={path}
          user={user}
          label={t('reports.tiers.breadcrumb')}
          linkTo={(code) => `/tiers/${code}${year === undefined ? '' : `?year=${year}`}`}
          mayLink={(code) => mayReport(user, code)}
        />
      ) : (
        <span />
      )}
      <Typography.Title level={1} className="page-title">
        {t('reports.tiers.title')} · {name}
      </Typography.Title>
      {report.kind === 'loading' ? (
        <LoadingState />
      ) : (
        <>
          <Space wrap size="middle">
            <YearSelect year={report.data.year} />
            <Typography.Text type="secondary">{t('reports.asOf', { date: report.data.asOfDate })}</Typography.Text>
            {below !== null && (
              <ExportButtons
                unitCode={unitCode}
                unitName={name}
                request={{ report: 'all', tier: below, year: report.data.year }}
              />
            )}
            {below === null && mayBrowse(user, unitCode) && (
              <Link to={`/households?division=${unitCode}`} className="households-link">
                {t('reports.tiers.households')}
              </Link>
            )}
          </Space>
          {below !== null && (
            <Card
              size="small"
              title={
                <h2 className="card-title">
                  {t('reports.tiers.below', { tier: reportLabel('tier', below, language) })}
                </h2>
              }
            >
              {rows.kind === 'failed' ? (
                <ErrorState error={rows.error} onRetry={rows.reload} />
              ) : (
                <Table<UnitRow>
                  rowKey="unitCode"
                  columns={columns}
                  dataSource={[...items]}
                  loading={rows.kind === 'loading' ? { tip: t('state.loading') } : false}
                  locale={{ emptyText: rows.kind === 'loading' ? <LoadingState rows={3} /> : <EmptyState /> }}
                  size="middle"
                  scroll={{ x: 'max-content' }}
                  pagination={{
                    current: page,
                    pageSize,
                    total: rows.kind === 'done' && rows.data !== null ? rows.data.total : 0,
                    pageSizeOptions: PAGE_SIZES,
                    showSizeChanger: true,
                    showTotal: (total) => t('reports.tiers.total', { total }),
                    responsive: true,
                    onChange: (nextPage, nextSize) =>
                      update({ page: nextSize === pageSize ? String(nextPage) : null, size: String(nextSize) }),
                  }}
                />
              )}
            </Card>
          )}
          {below !== null && rows.kind === 'done' && (
            <Card size="small" title={<h2 className="card-title">{t('reports.tiers.chart')}</h2>}>
              <Suspense fallback={<LoadingState rows={3} />}>
                <RowsChart
                  rows={items.map((row) => ({
                    name: row.name,
                    values: { households: row.households, inspected: row.inspected, monitored: row.monitored },
                  }))}
                  figures={CHART_FIGURES}
                  label={t('reports.tiers.chart')}
                />
              </Suspense>
            </Card>
          )}
          <Typography.Title level={2} className="section-title">
            {t('reports.tiers.own')}
          </Typography.Title>
          <CampaignCard campaign={report.data.campaign} />
          <HeadlineFigures report={report.data} />
          <ReportSections report={report.data} />
        </>
      )}
    </Flex>
  );
}
