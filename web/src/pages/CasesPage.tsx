import { Checkbox, Flex, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link, useSearchParams } from 'react-router';
import {
  assistanceApi,
  CASE_PHASES,
  currentDeadline,
  isBehind,
  MONITORING_CATEGORIES,
  type CaseListItem,
  type CasePhase,
  type MonitoringCategory,
} from '../api/assistance';
import { divisionsByCode, registryApi, type DivisionUnit } from '../api/registry';
import { useApi } from '../api/use-api';
import { mayBrowse } from '../auth/area';
import type { SignedInUser } from '../auth/claims';
import { useI18n } from '../i18n/i18n';
import { EmptyState, ErrorState, LoadingState } from '../states/states';
import { DivisionBreadcrumb } from './DivisionBreadcrumb';
import { DaysLeft, DeadlineText } from './case-deadline';

const PAGE_SIZES = [20, 50, 100];

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return (values as readonly string[]).includes(value ?? '') ? (value as T) : undefined;
}

/**
 * The monitoring cases of one unit, paged by the server: each case's step, the deadline it
 * waits on with the working days left, and a red tag when a deadline has passed. Unit, filters
 * and page live in the URL, as on the households page.
 */
export default function CasesPage({ user }: { readonly user: SignedInUser }) {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const divisionCode = params.get('division') ?? user.unitCode;
  const pageSize = PAGE_SIZES.includes(Number(params.get('size'))) ? Number(params.get('size')) : PAGE_SIZES[0]!;
  const page = Math.max(1, Math.floor(Number(params.get('page')) || 1));
  const phase = oneOf<CasePhase>(CASE_PHASES, params.get('phase'));
  const category = oneOf<MonitoringCategory>(MONITORING_CATEGORIES, params.get('category'));
  const overdueOnly = params.get('overdue') === '1';

  const place = useApi(async (signal) => {
    const [unit, ancestors, children] = await Promise.all([
      registryApi.division(divisionCode, signal),
      registryApi.ancestors(divisionCode, signal),
      registryApi.children(divisionCode, signal).catch(() => [] as readonly DivisionUnit[]),
    ]);
    return { path: [...ancestors, unit], children: children.filter((c) => mayBrowse(user, c.code)) };
  }, divisionCode);
  const cases = useApi(
    (signal) =>
      assistanceApi.cases(
        {
          divisionCode,
          phase,
          category,
          overdue: overdueOnly ? true : undefined,
          limit: pageSize,
          offset: (page - 1) * pageSize,
        },
        signal,
      ),
    `${divisionCode}|${phase}|${category}|${overdueOnly}|${page}|${pageSize}`,
  );

  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null) next.delete(key);
      else next.set(key, value);
    }
    setParams(next);
  };

  const villageCodes = cases.kind === 'done' ? cases.data.items.map((row) => row.villageCode) : [];
  const villages = useApi(() => divisionsByCode(villageCodes), [...new Set(villageCodes)].join(','));
  const villageName = (code: string) => (villages.kind === 'done' ? villages.data.get(code)?.name : undefined) ?? code;

  const columns: ColumnsType<CaseListItem> = [
    {
      title: t('cases.household'),
      key: 'case',
      render: (_, row) => (
        <Link to={`/cases/${row.caseId}`}>
          {villageName(row.villageCode)} · {row.openedOn}
        </Link>
      ),
    },
    {
      title: t('cases.phase'),
      key: 'phase',
      render: (_, row) => (
        <Flex vertical>
          <span>{t(`cases.phase.${row.phase}`)}</span>
          {row.waitingFor !== null && row.running && (
            <Typography.Text type="secondary">
              {t('cases.waitingFor')}: {t(`cases.step.${row.waitingFor}`)}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      title: t('cases.deadline'),
      key: 'deadline',
      responsive: ['sm'],
      render: (_, row) => <DeadlineText deadline={currentDeadline(row.deadlines)} />,
    },
    {
      title: t('cases.daysLeft'),
      key: 'days',
      render: (_, row) => <DaysLeft deadline={currentDeadline(row.deadlines)} behind={isBehind(row)} />,
    },
    {
      title: t('cases.category'),
      key: 'category',
      responsive: ['md'],
      render: (_, row) => (row.category === null ? '—' : t(`cases.cat.${row.category}`)),
    },
  ];

  if (place.kind === 'failed') return <ErrorState error={place.error} onRetry={place.reload} />;
  return (
    <Flex vertical gap="middle">
      {place.kind === 'done' ? (
        <DivisionBreadcrumb path={place.data.path} user={user} label={t('cases.title')} listPath="/cases" />
      ) : (
        <span />
      )}
      <Typography.Title level={1} className="page-title">
        {t('cases.title')}
        {place.kind === 'done' && ` · ${place.data.path[place.data.path.length - 1]!.name}`}
      </Typography.Title>
      <Space wrap size="middle" hidden={cases.kind === 'failed'}>
        {place.kind === 'done' && place.data.children.length > 0 && (
          <Select
            className="division-select"
            aria-label={t('cases.subdivision')}
            placeholder={t('households.subdivisionPlaceholder')}
            showSearch={{ optionFilterProp: 'label' }}
            options={place.data.children.map((unit) => ({ value: unit.code, label: unit.name }))}
            onChange={(code: string) => update({ division: code, page: null })}
            value={null}
          />
        )}
        <Select
          className="phase-select"
          aria-label={t('cases.phase')}
          showSearch={{ optionFilterProp: 'label' }}
          value={phase ?? 'all'}
          options={[
            { value: 'all', label: t('cases.allPhases') },
            ...CASE_PHASES.map((p) => ({ value: p, label: t(`cases.phase.${p}`) })),
          ]}
          onChange={(value: string) => update({ phase: value === 'all' ? null : value, page: null })}
        />
        <Select
          className="category-select"
          aria-label={t('cases.category')}
          value={category ?? 'all'}
          options={[
            { value: 'all', label: t('cases.allCategories') },
            ...MONITORING_CATEGORIES.map((c) => ({ value: c, label: t(`cases.cat.${c}`) })),
          ]}
          onChange={(value: string) => update({ category: value === 'all' ? null : value, page: null })}
        />
        <Checkbox
          checked={overdueOnly}
          onChange={(event) => update({ overdue: event.target.checked ? '1' : null, page: null })}
        >
          {t('cases.overdueOnly')}
        </Checkbox>
      </Space>
      {cases.kind === 'failed' ? (
        <ErrorState error={cases.error} onRetry={cases.reload} />
      ) : (
        <Table<CaseListItem>
          rowKey="caseId"
          columns={columns}
          dataSource={cases.kind === 'done' ? [...cases.data.items] : []}
          loading={cases.kind === 'loading' ? { tip: t('state.loading') } : false}
          locale={{ emptyText: cases.kind === 'loading' ? <LoadingState rows={3} /> : <EmptyState /> }}
          size="middle"
          rowClassName={(row) => (isBehind(row) ? 'case-row-behind' : '')}
          pagination={{
            current: page,
            pageSize,
            total: cases.kind === 'done' ? cases.data.total : 0,
            pageSizeOptions: PAGE_SIZES,
            showSizeChanger: true,
            showTotal: (total) => t('cases.total', { total }),
            responsive: true,
            onChange: (nextPage, nextSize) =>
              update({ page: nextSize === pageSize ? String(nextPage) : null, size: String(nextSize) }),
          }}
        />
      )}
    </Flex>
  );
}
