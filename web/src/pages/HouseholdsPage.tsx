import { Card, Checkbox, Flex, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { lazy, Suspense } from 'react';
import { Link, useSearchParams } from 'react-router';
import { divisionsByCode, registryApi, type DivisionUnit, type HouseholdView } from '../api/registry';
import { useApi } from '../api/use-api';
import { mayBrowse } from '../auth/area';
import type { SignedInUser } from '../auth/claims';
import { useI18n } from '../i18n/i18n';
import { EmptyState, ErrorState, LoadingState } from '../states/states';
import { DivisionBreadcrumb } from './DivisionBreadcrumb';
import { statusText } from './household-text';

// ECharts is most of a megabyte: it loads only once a page draws a chart.
const StatusChart = lazy(() => import('../charts/StatusChart'));

const PAGE_SIZES = [20, 50, 100];
const STATUSES = ['ordinary', 'poverty-alleviated'] as const;
type StatusFilter = (typeof STATUSES)[number];

/**
 * The households of one unit, paged by the server (a province is never loaded at once), with
 * the division path above and the units below to drill into. The unit, page, size and filters
 * live in the URL, so a link or the back button returns to the same view.
 */
export default function HouseholdsPage({ user }: { readonly user: SignedInUser }) {
  const { t, language } = useI18n();
  const [params, setParams] = useSearchParams();
  const divisionCode = params.get('division') ?? user.unitCode;
  const pageSize = PAGE_SIZES.includes(Number(params.get('size'))) ? Number(params.get('size')) : PAGE_SIZES[0]!;
  const page = Math.max(1, Math.floor(Number(params.get('page')) || 1));
  const status = (STATUSES as readonly string[]).includes(params.get('status') ?? '')
    ? (params.get('status') as StatusFilter)
    : undefined;
  const warningsOnly = params.get('warnings') === '1';

  const place = useApi(async (signal) => {
    const [unit, ancestors, children] = await Promise.all([
      registryApi.division(divisionCode, signal),
      registryApi.ancestors(divisionCode, signal),
      registryApi.children(divisionCode, signal).catch(() => [] as readonly DivisionUnit[]),
    ]);
    return { path: [...ancestors, unit], children: children.filter((c) => mayBrowse(user, c.code)) };
  }, divisionCode);
  const households = useApi(
    (signal) =>
      registryApi.households(
        {
          divisionCode,
          status,
          warning: warningsOnly ? 'any' : undefined,
          limit: pageSize,
          offset: (page - 1) * pageSize,
        },
        signal,
      ),
    `${divisionCode}|${status}|${warningsOnly}|${page}|${pageSize}`,
  );

  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null) next.delete(key);
      else next.set(key, value);
    }
    setParams(next);
  };

  // Village names for the rows on screen (at most a page's worth of codes, each read once).
  const villageCodes = households.kind === 'done' ? households.data.items.map((row) => row.villageCode) : [];
  const villages = useApi(() => divisionsByCode(villageCodes), [...new Set(villageCodes)].join(','));
  const villageNames = new Map(
    villages.kind === 'done' ? [...villages.data.values()].map((unit) => [unit.code, unit.name] as const) : [],
  );
  const columns: ColumnsType<HouseholdView> = [
    {
      title: t('households.number'),
      key: 'number',
      render: (_, row) => (
        <Link to={`/households/${row.household.householdId}`}>
          {villageNames.get(row.villageCode) ?? row.villageCode} · {row.household.householdNumber}
        </Link>
      ),
    },
    {
      title: t('households.head'),
      key: 'head',
      render: (_, row) => row.household.members.find((m) => m.profile.relationToHead === 'head')?.personal.name ?? '—',
    },
    {
      title: t('households.status'),
      key: 'status',
      responsive: ['sm'],
      render: (_, row) => statusText(row.household.status, language),
    },
    { title: t('households.members'), dataIndex: 'memberCount', key: 'members', align: 'right', responsive: ['md'] },
    {
      title: t('households.warnings'),
      key: 'warnings',
      align: 'right',
      render: (_, row) => (row.openWarnings.length === 0 ? '—' : <Tag color="orange">{row.openWarnings.length}</Tag>),
    },
  ];

  if (place.kind === 'failed') return <ErrorState error={place.error} onRetry={place.reload} />;
  return (
    <Flex vertical gap="middle">
      {place.kind === 'done' ? (
        <DivisionBreadcrumb path={place.data.path} user={user} label={t('households.title')} />
      ) : (
        <span />
      )}
      <Typography.Title level={1} className="page-title">
        {t('households.title')}
        {place.kind === 'done' && ` · ${place.data.path[place.data.path.length - 1]!.name}`}
      </Typography.Title>
      <Space wrap size="middle" hidden={households.kind === 'failed'}>
        {place.kind === 'done' && place.data.children.length > 0 && (
          <Select
            className="division-select"
            aria-label={t('households.subdivision')}
            placeholder={t('households.subdivisionPlaceholder')}
            showSearch={{ optionFilterProp: 'label' }}
            options={place.data.children.map((unit) => ({ value: unit.code, label: unit.name }))}
            onChange={(code: string) => update({ division: code, page: null })}
            value={null}
          />
        )}
        <Select
          className="status-select"
          aria-label={t('households.status')}
          value={status ?? 'all'}
          options={[
            { value: 'all', label: t('households.allStatuses') },
            ...STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })),
          ]}
          onChange={(value: string) => update({ status: value === 'all' ? null : value, page: null })}
        />
        <Checkbox
          checked={warningsOnly}
          onChange={(event) => update({ warnings: event.target.checked ? '1' : null, page: null })}
        >
          {t('households.withWarnings')}
        </Checkbox>
      </Space>
      {households.kind === 'failed' ? (
        <ErrorState error={households.error} onRetry={households.reload} />
      ) : (
        <Table<HouseholdView>
          rowKey={(row) => row.household.householdId}
          columns={columns}
          dataSource={households.kind === 'done' ? [...households.data.items] : []}
          loading={households.kind === 'loading' ? { tip: t('state.loading') } : false}
          locale={{ emptyText: households.kind === 'loading' ? <LoadingState rows={3} /> : <EmptyState /> }}
          size="middle"
          pagination={{
            current: page,
            pageSize,
            total: households.kind === 'done' ? households.data.total : 0,
            pageSizeOptions: PAGE_SIZES,
            showSizeChanger: true,
            showTotal: (total) => t('households.total', { total }),
            responsive: true,
            onChange: (nextPage, nextSize) =>
              update({ page: nextSize === pageSize ? String(nextPage) : null, size: String(nextSize) }),
          }}
        />
      )}
      {households.kind !== 'failed' && (
        <Card title={<h2 className="card-title">{t('households.chart')}</h2>} size="small">
          <Suspense fallback={<LoadingState rows={3} />}>
            <StatusChart divisionCode={divisionCode} />
          </Suspense>
        </Card>
      )}
    </Flex>
  );
}
