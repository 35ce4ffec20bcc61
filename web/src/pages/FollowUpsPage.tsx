import {
  Alert,
  App,
  Button,
  ConfigProvider,
  Flex,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ApiFailure } from '../api/api-error';
import {
  inspectionApi,
  type CampaignSummary,
  type FollowUpKind,
  type FollowUpQuery,
  type FollowUpRow,
} from '../api/inspection';
import { divisionsByCode, registryApi, type DivisionUnit } from '../api/registry';
import { useApi } from '../api/use-api';
import { mayBrowse } from '../auth/area';
import type { SignedInUser } from '../auth/claims';
import { AREA_LABELS, labelOf, OWNER_LABELS, RULE_LABELS, rulesOf } from '../i18n/follow-up-labels';
import { useI18n } from '../i18n/i18n';
import { inLanguage } from '../i18n/messages';
import { EmptyState, ErrorState, LoadingState } from '../states/states';
import { DivisionBreadcrumb } from './DivisionBreadcrumb';

const PAGE_SIZES = [20, 50, 100];
const STATUSES = ['open', 'closed'] as const;
type Status = (typeof STATUSES)[number];

/** Who may resolve an issue or close an item: the roles with `inspection.decide`. */
const DECIDING_ROLES: readonly SignedInUser['role'][] = [
  'province-official',
  'city-official',
  'county-official',
  'township-official',
  'administrator',
];

const PATHS: Readonly<Record<FollowUpKind, string>> = {
  'data-quality': '/data-quality',
  rectification: '/rectification',
};

/** Saves a downloaded file under its name (an object URL clicked, then released). */
function save(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * A campaign's data-quality issues or rectification items in a unit (issue 14), paged by the
 * server: the campaign picker, filters by status, rule and unit, the days open and overdue
 * flags, the household link, the decision (resolve / close with what was done) for officials,
 * and a CSV or XLSX download of the list as filtered. Filters and page live in the URL.
 */
export default function FollowUpsPage({ user, kind }: { readonly user: SignedInUser; readonly kind: FollowUpKind }) {
  const { t, language } = useI18n();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const [deciding, setDeciding] = useState<FollowUpRow | null>(null);
  const [lastWrite, setLastWrite] = useState<number | undefined>(undefined);
  const [downloading, setDownloading] = useState<'csv' | 'xlsx' | null>(null);
  const divisionCode = params.get('division') ?? user.unitCode;
  const pageSize = PAGE_SIZES.includes(Number(params.get('size'))) ? Number(params.get('size')) : PAGE_SIZES[0]!;
  const page = Math.max(1, Math.floor(Number(params.get('page')) || 1));
  const status = (STATUSES as readonly string[]).includes(params.get('status') ?? '')
    ? (params.get('status') as Status)
    : undefined;
  const rules = rulesOf(kind);
  const ruleId = rules.includes(params.get('rule') ?? '') ? params.get('rule')! : undefined;
  const mayDecide = DECIDING_ROLES.includes(user.role);

  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null) next.delete(key);
      else next.set(key, value);
    }
    setParams(next);
  };

  const campaigns = useApi((signal) => inspectionApi.campaigns(user.unitCode, signal), user.unitCode);
  const campaignList: readonly CampaignSummary[] = campaigns.kind === 'done' ? campaigns.data : [];
  const campaignId =
    campaignList.find((c) => c.campaignId === params.get('campaign'))?.campaignId ?? campaignList[0]?.campaignId;

  const place = useApi(async (signal) => {
    const [unit, ancestors, children] = await Promise.all([
      registryApi.division(divisionCode, signal),
      registryApi.ancestors(divisionCode, signal),
      registryApi.children(divisionCode, signal).catch(() => [] as readonly DivisionUnit[]),
    ]);
    return { path: [...ancestors, unit], children: children.filter((c) => mayBrowse(user, c.code)) };
  }, divisionCode);

  const query: FollowUpQuery | null =
    campaignId === undefined
      ? null
      : {
          campaignId,
          divisionCode,
          ...(status === undefined ? {} : { status }),
          ...(ruleId === undefined ? {} : { ruleId }),
        };
  const list = useApi(
    (signal) =>
      query === null
        ? Promise.resolve({ total: 0, items: [] })
        : inspectionApi.list(
            kind,
            query,
            {
              limit: pageSize,
              offset: (page - 1) * pageSize,
              ...(lastWrite === undefined ? {} : { minPosition: lastWrite }),
            },
            signal,
          ),
    `${kind}|${campaignId}|${divisionCode}|${status}|${ruleId}|${page}|${pageSize}|${lastWrite}`,
  );

  // Village names for the rows on screen (a page's worth of codes, each read once).
  const villageCodes = list.kind === 'done' ? list.data.items.map((row) => row.villageCode) : [];
  const villages = useApi(() => divisionsByCode(villageCodes), [...new Set(villageCodes)].join(','));
  const villageName = (code: string) => (villages.kind === 'done' ? villages.data.get(code)?.name : undefined) ?? code;

  const download = async (format: 'csv' | 'xlsx') => {
    if (query === null) return;
    setDownloading(format);
    try {
      const file = await inspectionApi.download(kind, query, format);
      save(file.blob, file.filename);
    } catch (error) {
      void message.error(
        error instanceof ApiFailure ? inLanguage(error.message, language) : t('quality.downloadFailed'),
      );
    } finally {
      setDownloading(null);
    }
  };

  const isIssue = kind === 'data-quality';
  const columns: ColumnsType<FollowUpRow> = [
    {
      title: t('quality.rule'),
      key: 'rule',
      render: (_, row) => (
        <Space direction="vertical" size={0}>
          <span>{labelOf(RULE_LABELS, row.ruleId, language)}</span>
          {row.status === 'open' ? (
            <Tag color={row.overdue ? 'red' : 'blue'}>{row.overdue ? t('quality.overdue') : t('quality.open')}</Tag>
          ) : (
            // The default tag: antd's green and orange text miss WCAG AA's contrast on their backgrounds.
            <Tag>
              {t('quality.closed')}
              {row.overdue ? ` · ${t('quality.overdue')}` : ''}
            </Tag>
          )}
        </Space>
      ),
    },
    {
      title: t('quality.household'),
      key: 'household',
      render: (_, row) => (
        <Link
          to={`/households/${row.householdId}`}
          aria-label={`${t('quality.viewHousehold')} ${villageName(row.villageCode)}`}
        >
          {villageName(row.villageCode)}
        </Link>
      ),
    },
    isIssue
      ? { title: t('quality.check'), key: 'check', responsive: ['lg'], render: (_, row) => row.rule ?? '—' }
      : {
          title: t('quality.area'),
          key: 'area',
          responsive: ['md'],
          render: (_, row) => labelOf(AREA_LABELS, row.area, language),
        },
    ...(isIssue
      ? []
      : ([
          {
            title: t('quality.owner'),
            key: 'owner',
            responsive: ['lg'],
            render: (_: unknown, row: FollowUpRow) => labelOf(OWNER_LABELS, row.ownerUnit, language),
          },
        ] as ColumnsType<FollowUpRow>)),
    { title: t('quality.openedOn'), dataIndex: 'openedOn', key: 'openedOn', responsive: ['sm'] },
    ...(isIssue
      ? []
      : ([
          { title: t('quality.dueOn'), dataIndex: 'dueOn', key: 'dueOn', responsive: ['sm'] },
        ] as ColumnsType<FollowUpRow>)),
    {
      title: t('quality.daysOpen'),
      key: 'daysOpen',
      align: 'right',
      render: (_, row) => t('quality.days', { days: row.daysOpen }),
    },
    {
      title: t('quality.closedOn'),
      key: 'closedOn',
      responsive: ['md'],
      render: (_, row) =>
        row.closedOn === null ? (
          '—'
        ) : (
          <span title={row.resolution ?? undefined}>
            {row.closedOn}
            {row.resolution === null ? '' : ` · ${row.resolution}`}
          </span>
        ),
    },
    ...(mayDecide
      ? [
          {
            title: t('quality.action'),
            key: 'action',
            render: (_: unknown, row: FollowUpRow) =>
              row.status === 'open' ? (
                <Button size="small" onClick={() => setDeciding(row)}>
                  {isIssue ? t('quality.resolve') : t('quality.close')}
                </Button>
              ) : (
                '—'
              ),
          },
        ]
      : []),
  ];

  const title = isIssue ? t('quality.issuesTitle') : t('quality.itemsTitle');
  if (campaigns.kind === 'failed') return <ErrorState error={campaigns.error} onRetry={campaigns.reload} />;
  if (place.kind === 'failed') return <ErrorState error={place.error} onRetry={place.reload} />;
  return (
    <Flex vertical gap="middle">
      {place.kind === 'done' ? (
        <DivisionBreadcrumb
          path={place.data.path}
          user={user}
          label={title}
          linkTo={(code) =>
            `${PATHS[kind]}?division=${code}${campaignId === undefined ? '' : `&campaign=${campaignId}`}`
          }
        />
      ) : (
        <span />
      )}
      <Typography.Title level={1} className="page-title">
        {title}
        {place.kind === 'done' && ` · ${place.data.path[place.data.path.length - 1]!.name}`}
      </Typography.Title>
      {campaigns.kind === 'loading' ? (
        <LoadingState rows={4} />
      ) : campaignId === undefined ? (
        <Alert type="info" showIcon title={t('quality.noCampaign')} />
      ) : (
        <>
          <Space wrap size="middle" role="group" aria-label={t('quality.filters')}>
            <Select
              className="campaign-select"
              aria-label={t('quality.campaign')}
              value={campaignId}
              options={campaignList.map((c) => ({
                value: c.campaignId,
                label: t(c.status === 'closed' ? 'quality.campaignClosed' : 'quality.campaignOption', { year: c.year }),
              }))}
              onChange={(value: string) => update({ campaign: value, page: null })}
            />
            {place.kind === 'done' && place.data.children.length > 0 && (
              <Select
                className="division-select"
                aria-label={t('quality.subdivision')}
                placeholder={t('quality.subdivisionPlaceholder')}
                showSearch={{ optionFilterProp: 'label' }}
                options={place.data.children.map((unit) => ({ value: unit.code, label: unit.name }))}
                onChange={(code: string) => update({ division: code, page: null })}
                value={null}
              />
            )}
            <Select
              className="status-select"
              aria-label={t('quality.status')}
              value={status ?? 'all'}
              options={[
                { value: 'all', label: t('quality.allStatuses') },
                ...STATUSES.map((s) => ({ value: s, label: t(`quality.${s}`) })),
              ]}
              onChange={(value: string) => update({ status: value === 'all' ? null : value, page: null })}
            />
            <Select
              className="rule-select"
              aria-label={t('quality.rule')}
              value={ruleId ?? 'all'}
              popupMatchSelectWidth={false}
              options={[
                { value: 'all', label: t('quality.allRules') },
                ...rules.map((id) => ({ value: id, label: labelOf(RULE_LABELS, id, language) })),
              ]}
              onChange={(value: string) => update({ rule: value === 'all' ? null : value, page: null })}
            />
            <Button loading={downloading === 'csv'} onClick={() => void download('csv')}>
              {t('quality.download', { format: 'CSV' })}
            </Button>
            <Button loading={downloading === 'xlsx'} onClick={() => void download('xlsx')}>
              {t('quality.download', { format: 'XLSX' })}
            </Button>
          </Space>
          {list.kind === 'failed' ? (
            <ErrorState error={list.error} onRetry={list.reload} />
          ) : (
            <Table<FollowUpRow>
              rowKey="id"
              columns={columns}
              dataSource={list.kind === 'done' ? [...list.data.items] : []}
              loading={list.kind === 'loading' ? { tip: t('state.loading') } : false}
              locale={{ emptyText: list.kind === 'loading' ? <LoadingState rows={3} /> : <EmptyState /> }}
              size="middle"
              pagination={{
                current: page,
                pageSize,
                total: list.kind === 'done' ? list.data.total : 0,
                pageSizeOptions: PAGE_SIZES,
                showSizeChanger: true,
                showTotal: (total) => t('quality.total', { total }),
                responsive: true,
                onChange: (nextPage, nextSize) =>
                  update({ page: nextSize === pageSize ? String(nextPage) : null, size: String(nextSize) }),
              }}
            />
          )}
        </>
      )}
      {deciding !== null && (
        <DecisionModal
          row={deciding}
          onCancel={() => setDeciding(null)}
          onDone={(position) => {
            setDeciding(null);
            setLastWrite(position);
            void message.success(t('quality.saved'));
          }}
        />
      )}
    </Flex>
  );
}

/** Resolve an issue or close an item with what was done; the server's refusal is shown in the form. */
function DecisionModal({
  row,
  onCancel,
  onDone,
}: {
  readonly row: FollowUpRow;
  readonly onCancel: () => void;
  readonly onDone: (position: number) => void;
}) {
  const { t, language } = useI18n();
  const [form] = Form.useForm<{ resolution: string }>();
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const isIssue = row.kind === 'data-quality';
  const submit = async ({ resolution }: { resolution: string }) => {
    setSaving(true);
    setRefusal(null);
    try {
      const answer = await inspectionApi.close(row, resolution.trim());
      onDone(answer.position);
    } catch (error) {
      const text = error instanceof ApiFailure ? inLanguage(error.message, language) : t('state.errorHint');
      if (error instanceof ApiFailure && error.field === 'resolution')
        form.setFields([{ name: 'resolution', errors: [text] }]);
      else setRefusal(text);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      title={isIssue ? t('quality.resolveTitle') : t('quality.closeTitle')}
      okText={t('quality.submit')}
      cancelText={t('quality.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onCancel}
      destroyOnHidden
    >
      <Typography.Paragraph>{labelOf(RULE_LABELS, row.ruleId, language)}</Typography.Paragraph>
      {refusal !== null && <Alert type="error" showIcon title={refusal} className="decision-refusal" />}
      {/* antd's error red (#ff4d4f) misses WCAG AA's 4.5:1 on white: a darker one for the form's messages. */}
      <ConfigProvider theme={{ token: { colorError: '#c41d1d' } }}>
        <Form form={form} layout="vertical" onFinish={(values) => void submit(values)}>
          <Form.Item
            name="resolution"
            label={t('quality.resolution')}
            rules={[{ required: true, whitespace: true, message: t('quality.resolutionRequired') }, { max: 500 }]}
          >
            <Input.TextArea rows={3} maxLength={500} showCount autoFocus />
          </Form.Item>
        </Form>
      </ConfigProvider>
    </Modal>
  );
}
