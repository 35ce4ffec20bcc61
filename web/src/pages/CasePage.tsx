import { Alert, Card, Descriptions, Flex, Table, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { assistanceApi, currentDeadline, isBehind, type CaseDeadline, type MeasureRecord } from '../api/assistance';
import { registryApi, yuanOf } from '../api/registry';
import { useApi } from '../api/use-api';
import type { SignedInUser } from '../auth/claims';
import { USER_ROLES } from '../auth/claims';
import { useI18n } from '../i18n/i18n';
import { EmptyState, ErrorState, LoadingState } from '../states/states';
import { DivisionBreadcrumb } from './DivisionBreadcrumb';
import { DaysLeft } from './case-deadline';
import { historyOf, type HistoryRow } from './case-history';

/**
 * One monitoring case, read-only: where it stands, its deadlines with the working days left,
 * every step taken with who, when and why, and its assistance plan.
 */
export default function CasePage({ user }: { readonly user: SignedInUser }) {
  const { caseId = '' } = useParams();
  const { t } = useI18n();
  const state = useApi(async (signal) => {
    const detail = await assistanceApi.case(caseId, signal);
    const [village, ancestors, household] = await Promise.all([
      registryApi.division(detail.villageCode, signal),
      registryApi.ancestors(detail.villageCode, signal),
      registryApi.household(detail.householdId, signal).catch(() => null),
    ]);
    return { detail, path: [...ancestors, village], household };
  }, caseId);

  if (state.kind === 'loading') return <LoadingState rows={10} />;
  if (state.kind === 'failed') return <ErrorState error={state.error} onRetry={state.reload} />;
  const { detail, path, household } = state.data;
  const summary = detail.summary;
  const deadline = currentDeadline(detail.deadlines);
  const behind = isBehind({ overdue: summary?.overdue ?? false, deadlines: detail.deadlines });
  const roleText = (role: string) =>
    (USER_ROLES as readonly string[]).includes(role) ? t(`role.${role as (typeof USER_ROLES)[number]}`) : role;
  const villageName = path[path.length - 1]!.name;
  const householdLabel =
    household === null ? detail.householdId : `${villageName} · ${household.household.householdNumber}`;

  return (
    <Flex vertical gap="middle">
      <DivisionBreadcrumb path={path} user={user} label={t('case.title')} listPath="/cases" current={t('case.title')} />
      <Typography.Title level={1} className="page-title">
        {t('case.title')} · {householdLabel}
      </Typography.Title>
      <Link to="/cases">{t('case.back')}</Link>
      <Card title={<h2 className="card-title">{t('case.overview')}</h2>} size="small">
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 1, md: 2, lg: 3 }}
          items={[
            {
              key: 'household',
              label: t('cases.household'),
              children: <Link to={`/households/${detail.householdId}`}>{householdLabel}</Link>,
            },
            { key: 'phase', label: t('cases.phase'), children: t(`cases.phase.${detail.phase}`) },
            {
              key: 'waiting',
              label: t('cases.waitingFor'),
              children: detail.waitingFor === null ? t('cases.ended') : t(`cases.step.${detail.waitingFor}`),
            },
            {
              key: 'source',
              label: t('case.leadSource'),
              children: sourceText(detail.procedure.opening.lead.source, t),
            },
            { key: 'opened', label: t('cases.openedOn'), children: detail.procedure.opening.on },
            {
              key: 'category',
              label: t('cases.category'),
              children: summary?.category ? t(`cases.cat.${summary.category}`) : '—',
            },
            {
              key: 'risks',
              label: t('case.riskTypes'),
              children: summary && summary.riskTypes.length > 0 ? summary.riskTypes.join('、') : '—',
            },
            { key: 'days', label: t('cases.daysLeft'), children: <DaysLeft deadline={deadline} behind={behind} /> },
          ]}
        />
      </Card>
      <Card title={<h2 className="card-title">{t('case.deadlines')}</h2>} size="small">
        <Table<CaseDeadline>
          rowKey="step"
          size="small"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={[...detail.deadlines]}
          locale={{ emptyText: <EmptyState /> }}
          columns={[
            { title: t('case.step'), key: 'step', render: (_, d) => t(`cases.limit.${d.step}`) },
            { title: t('case.dueOn'), dataIndex: 'dueOn', key: 'due' },
            {
              title: t('cases.daysLeft'),
              key: 'left',
              render: (_, d) =>
                d.done ? <Tag className="tag-ok">{t('case.done')}</Tag> : <DaysLeft deadline={d} behind={false} />,
            },
          ]}
        />
      </Card>
      <Card title={<h2 className="card-title">{t('case.history')}</h2>} size="small">
        <Table<HistoryRow>
          rowKey="key"
          size="small"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={historyOf(detail.procedure)}
          columns={[
            { title: t('case.on'), key: 'on', render: (_, row) => row.record.on },
            { title: t('case.step'), key: 'step', render: (_, row) => t(row.label) },
            { title: t('case.who'), key: 'who', render: (_, row) => roleText(row.record.actor.role) },
            { title: t('case.why'), key: 'why', render: (_, row) => row.record.reason ?? '—' },
          ]}
        />
      </Card>
      <Card title={<h2 className="card-title">{t('case.plan')}</h2>} size="small">
        <Flex vertical gap="small">
          {detail.plan.flags.map((flag) => (
            <Alert
              key={flag}
              type="warning"
              showIcon
              title={
                flag === 'development-measure-missing' || flag === 'social-security-missing'
                  ? t(`case.flag.${flag}`)
                  : flag
              }
            />
          ))}
          {detail.plan.measures.length === 0 ? (
            <Typography.Text type="secondary">{t('case.noMeasures')}</Typography.Text>
          ) : (
            <Table<MeasureRecord>
              rowKey="measureId"
              size="small"
              pagination={false}
              scroll={{ x: 'max-content' }}
              dataSource={[...detail.plan.measures]}
              columns={[
                { title: t('case.measure'), key: 'kind', render: (_, m) => m.plan.kind },
                { title: t('case.measureCategory'), key: 'category', render: (_, m) => measureCategoryText(m, t) },
                { title: t('case.department'), key: 'dept', render: (_, m) => m.plan.responsibleDepartment },
                { title: t('case.plannedStart'), key: 'start', render: (_, m) => m.plan.plannedStart },
                { title: t('case.status'), key: 'status', render: (_, m) => t(`case.ms.${m.status}`) },
                { title: t('case.amount'), key: 'amount', align: 'right', render: (_, m) => yuanOf(m.plan.amountFen) },
              ]}
            />
          )}
        </Flex>
      </Card>
    </Flex>
  );
}

type T = ReturnType<typeof useI18n>['t'];

const SOURCES = ['self-application', 'cadre-inspection', 'department-warning', 'concentrated-inspection'] as const;
function sourceText(source: string, t: T): string {
  return (SOURCES as readonly string[]).includes(source)
    ? t(`cases.source.${source as (typeof SOURCES)[number]}`)
    : source;
}

const MEASURE_CATEGORIES = [
  'industry',
  'employment',
  'health',
  'education',
  'social-assistance',
  'housing',
  'drinking-water',
  'other',
] as const;
function measureCategoryText(measure: MeasureRecord, t: T): string {
  const category = measure.plan.category;
  return (MEASURE_CATEGORIES as readonly string[]).includes(category)
    ? t(`case.mc.${category as (typeof MEASURE_CATEGORIES)[number]}`)
    : category;
}
