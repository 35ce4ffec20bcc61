import { Alert, Card, Descriptions, Flex, Table, Tag, Typography } from 'antd';
import { useParams } from 'react-router';
import { registryApi, yuanOf, type HouseholdView, type MemberView } from '../api/registry';
import { useApi } from '../api/use-api';
import type { SignedInUser } from '../auth/claims';
import { mayReadAudit } from '../auth/permissions';
import { useI18n } from '../i18n/i18n';
import { labelOf } from '../i18n/household-labels';
import { inLanguage } from '../i18n/messages';
import { ErrorState, LoadingState } from '../states/states';
import { AuditTimeline } from './AuditTimeline';
import { DivisionBreadcrumb } from './DivisionBreadcrumb';
import { periodText, statusText } from './household-text';

/**
 * One household: its facts, the "3+1" guarantees, income, members (resident IDs masked as the
 * API returns them; the unmasked read is a separate, recorded request not offered here) and the
 * data-quality warnings still open; for the roles with `audit.read`, its history (audit timeline).
 */
export default function HouseholdPage({ user }: { readonly user: SignedInUser }) {
  const { householdId = '' } = useParams();
  const { t, language } = useI18n();
  const state = useApi(async (signal) => {
    const view = await registryApi.household(householdId, signal);
    const [village, ancestors] = await Promise.all([
      registryApi.division(view.villageCode, signal),
      registryApi.ancestors(view.villageCode, signal),
    ]);
    return { view, path: [...ancestors, village] };
  }, householdId);

  if (state.kind === 'loading') return <LoadingState rows={10} />;
  if (state.kind === 'failed') return <ErrorState error={state.error} onRetry={state.reload} />;
  const { view, path } = state.data;
  const { household } = view;
  const yesNo = (value: boolean | undefined) =>
    value === undefined ? t('household.notRecorded') : value ? t('household.yes') : t('household.no');
  const guarantees = household.threePlusOne;
  const title = `${path[path.length - 1]!.name} · ${household.householdNumber}`;

  return (
    <Flex vertical gap="middle">
      <DivisionBreadcrumb path={path} user={user} label={t('household.title')} current={household.householdNumber} />
      <Typography.Title level={1} className="page-title">
        {t('household.title')} · {title}
      </Typography.Title>
      <Card title={<h2 className="card-title">{t('household.warningsTitle')}</h2>} size="small">
        {view.openWarnings.length === 0 ? (
          <Typography.Text type="secondary">{t('household.noWarnings')}</Typography.Text>
        ) : (
          <Flex vertical gap="small">
            {view.openWarnings.map((warning) => (
              <Alert
                key={`${warning.rule}|${warning.field}`}
                type="warning"
                showIcon
                title={inLanguage(warning.message, language)}
              />
            ))}
          </Flex>
        )}
      </Card>
      <Card title={<h2 className="card-title">{t('household.facts')}</h2>} size="small">
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 1, md: 2, lg: 3 }}
          items={[
            {
              key: 'village',
              label: t('household.division'),
              children: path
                .map((u) => u.name)
                .slice(-2)
                .join(' '),
            },
            { key: 'number', label: t('households.number'), children: household.householdNumber },
            { key: 'status', label: t('households.status'), children: statusText(household.status, language) },
            { key: 'members', label: t('households.members'), children: view.memberCount },
            {
              key: 'relocated',
              label: t('household.relocated'),
              children: yesNo(household.flags.relocatedToResettlementSite),
            },
            { key: 'urban', label: t('household.urbanHukou'), children: yesNo(household.flags.urbanHukou) },
          ]}
        />
      </Card>
      <Card title={<h2 className="card-title">{t('household.threePlusOne')}</h2>} size="small">
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 1, md: 2, lg: 3 }}
          items={[
            { key: 'food', label: t('household.food'), children: yesNo(guarantees?.foodAndClothingSecured) },
            {
              key: 'education',
              label: t('household.education'),
              children: yesNo(guarantees?.compulsoryEducationSecured),
            },
            { key: 'medical', label: t('household.medical'), children: yesNo(guarantees?.medicalInsuranceCovered) },
            {
              key: 'housing',
              label: t('household.housing'),
              children: guarantees?.housingGrade ?? t('household.notRecorded'),
            },
            { key: 'water', label: t('household.water'), children: yesNo(guarantees?.drinkingWaterSafe) },
          ]}
        />
      </Card>
      <Card title={<h2 className="card-title">{t('household.membersTitle')}</h2>} size="small">
        <Table<MemberView>
          rowKey="memberId"
          size="small"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={[...household.members]}
          columns={[
            {
              title: t('household.name'),
              key: 'name',
              fixed: 'left',
              render: (_, m) => (m.personal.erased === true ? <Tag>{t('household.erased')}</Tag> : m.personal.name),
            },
            {
              title: t('household.residentId'),
              key: 'id',
              render: (_, m) => <span className="id-number">{m.personal.residentId ?? '—'}</span>,
            },
            {
              title: t('household.relation'),
              key: 'relation',
              render: (_, m) => labelOf('relation', m.profile.relationToHead, language),
            },
            {
              title: t('household.health'),
              key: 'health',
              render: (_, m) =>
                labelOf('health', m.profile.health.kind, language) +
                (m.profile.health.grade === undefined ? '' : ` (${m.profile.health.grade})`),
            },
            {
              title: t('household.labour'),
              key: 'labour',
              render: (_, m) => labelOf('labour', m.profile.labourCapacity, language),
            },
            { title: t('household.employment'), key: 'employment', render: (_, m) => employmentText(m, language) },
            {
              title: t('household.schooling'),
              key: 'schooling',
              render: (_, m) => labelOf('schooling', m.profile.schooling, language),
            },
            {
              title: t('household.insured'),
              key: 'insured',
              render: (_, m) => yesNo(m.profile.medicalInsuranceEnrolled),
            },
          ]}
        />
      </Card>
      <Card title={<h2 className="card-title">{t('household.incomes')}</h2>} size="small">
        <Table<HouseholdView['household']['incomes'][number]>
          rowKey={(row) => JSON.stringify(row.period)}
          size="small"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={[...household.incomes]}
          columns={[
            { title: t('household.period'), key: 'period', render: (_, row) => periodText(row.period, language) },
            {
              title: t('household.netIncome'),
              key: 'net',
              align: 'right',
              render: (_, row) => yuanOf(row.netIncomeFen),
            },
            { title: t('household.divisor'), dataIndex: 'divisorMembers', key: 'divisor', align: 'right' },
            {
              title: t('household.perCapita'),
              key: 'perCapita',
              align: 'right',
              render: (_, row) => yuanOf(row.perCapitaNetIncomeFen),
            },
          ]}
        />
      </Card>
      {mayReadAudit(user.role) && <AuditTimeline householdId={household.householdId} />}
      <Typography.Text type="secondary">
        {t('household.revision')} {view.revision}
      </Typography.Text>
    </Flex>
  );
}

function employmentText(member: MemberView, language: 'zh-CN' | 'en-US'): string {
  const { employment } = member.profile;
  if (employment.status !== 'employed' || employment.place === undefined)
    return labelOf('employment', 'not-employed', language);
  const stability =
    employment.stability === undefined ? '' : `（${labelOf('employment', employment.stability, language)}）`;
  return (
    labelOf('employment', employment.place, language) +
    (language === 'zh-CN' ? stability : stability.replace('（', ' (').replace('）', ')'))
  );
}
