import { Alert, App, Button, Flex, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import type { FormInstance } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { ApiFailure, fieldMessages } from '../api/api-error';
import { divisionsByCode } from '../api/registry';
import { useApi } from '../api/use-api';
import { usersApi, type NewUser, type UserView, type UserWithPassword } from '../api/users';
import { USER_ROLES, type UserRole } from '../auth/claims';
import { useI18n } from '../i18n/i18n';
import { inLanguage } from '../i18n/messages';
import { EmptyState, ErrorState, LoadingState } from '../states/states';

const PAGE_SIZES = [20, 50, 100];
const SIGN_IN_NAME = /^[a-z][a-z0-9._-]{2,31}$/;
const DIVISION_CODE = /^\d{12}$/;

/** What an administrator is doing to one user, in a modal. */
type Action = { readonly kind: 'disable' | 'reset' | 'villages'; readonly user: UserView };

/**
 * User administration (`users.manage`): the users a page at a time; add a user, disable one,
 * reset a password, set an inspector's villages — each with the reason the event records. A new
 * or reset one-time password is shown once, with a copy button. The server's refusals are shown
 * next to the field they name.
 */
export default function UsersPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const pageSize = PAGE_SIZES.includes(Number(params.get('size'))) ? Number(params.get('size')) : PAGE_SIZES[0]!;
  const page = Math.max(1, Math.floor(Number(params.get('page')) || 1));
  const [version, setVersion] = useState(0);
  const users = useApi(
    (signal) => usersApi.page(pageSize, (page - 1) * pageSize, signal),
    `${page}|${pageSize}|${version}`,
  );
  const unitCodes = users.kind === 'done' ? users.data.items.map((u) => u.unitCode) : [];
  const units = useApi(() => divisionsByCode(unitCodes), [...new Set(unitCodes)].join(','));
  const unitName = (code: string) => (units.kind === 'done' ? units.data.get(code)?.name : undefined) ?? code;

  const [adding, setAdding] = useState(false);
  const [action, setAction] = useState<Action | null>(null);
  const [password, setPassword] = useState<{ name: string; oneTimePassword: string } | null>(null);
  const changed = () => setVersion((n) => n + 1);
  const showPassword = (answer: UserWithPassword) =>
    setPassword({ name: answer.user.signInName, oneTimePassword: answer.oneTimePassword });

  const columns: ColumnsType<UserView> = [
    { title: t('users.signInName'), dataIndex: 'signInName', key: 'name' },
    { title: t('users.role'), key: 'role', render: (_, u) => t(`role.${u.role}`) },
    {
      title: t('users.unit'),
      key: 'unit',
      responsive: ['sm'],
      render: (_, u) => `${unitName(u.unitCode)} (${u.unitCode})`,
    },
    {
      title: t('users.villages'),
      key: 'villages',
      responsive: ['lg'],
      render: (_, u) => (u.villageCodes.length === 0 ? '—' : u.villageCodes.join('、')),
    },
    {
      title: t('users.state'),
      key: 'state',
      render: (_, u) => (
        <Space size={4} wrap>
          {u.disabled ? <Tag>{t('users.disabled')}</Tag> : <Tag className="tag-ok">{t('users.active')}</Tag>}
          {u.mustChangePassword && !u.disabled && <Tag className="tag-pending">{t('users.mustChange')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('users.actions'),
      key: 'actions',
      render: (_, u) =>
        u.disabled ? (
          '—'
        ) : (
          <Space size={0} wrap>
            <Button type="link" size="small" onClick={() => setAction({ kind: 'reset', user: u })}>
              {t('users.reset')}
            </Button>
            {u.role === 'village-inspector' && (
              <Button type="link" size="small" onClick={() => setAction({ kind: 'villages', user: u })}>
                {t('users.setVillages')}
              </Button>
            )}
            <Button type="link" size="small" onClick={() => setAction({ kind: 'disable', user: u })}>
              {t('users.disable')}
            </Button>
          </Space>
        ),
    },
  ];

  if (users.kind === 'failed') return <ErrorState error={users.error} onRetry={users.reload} />;
  return (
    <Flex vertical gap="middle">
      <Typography.Title level={1} className="page-title">
        {t('users.title')}
      </Typography.Title>
      <div>
        <Button type="primary" onClick={() => setAdding(true)}>
          {t('users.add')}
        </Button>
      </div>
      <Table<UserView>
        rowKey="userId"
        columns={columns}
        dataSource={users.kind === 'done' ? users.data.items : []}
        loading={users.kind === 'loading' ? { tip: t('state.loading') } : false}
        locale={{ emptyText: users.kind === 'loading' ? <LoadingState rows={3} /> : <EmptyState /> }}
        size="middle"
        scroll={{ x: 'max-content' }}
        pagination={{
          current: page,
          pageSize,
          total: users.kind === 'done' ? users.data.total : 0,
          pageSizeOptions: PAGE_SIZES,
          showSizeChanger: true,
          showTotal: (total) => t('users.total', { total }),
          responsive: true,
          onChange: (nextPage, nextSize) => {
            const next = new URLSearchParams(params);
            if (nextSize === pageSize) next.set('page', String(nextPage));
            else next.delete('page');
            next.set('size', String(nextSize));
            setParams(next);
          },
        }}
      />
      <AddUserModal
        open={adding}
        onClose={() => setAdding(false)}
        onAdded={(answer) => {
          setAdding(false);
          changed();
          showPassword(answer);
        }}
      />
      {action !== null && (
        <ActionModal
          action={action}
          onClose={() => setAction(null)}
          onDone={(answer) => {
            setAction(null);
            changed();
            if (answer !== null) showPassword(answer);
            else void message.success(t('users.saved'));
          }}
        />
      )}
      <Modal
        open={password !== null}
        title={t('users.otpTitle')}
        onCancel={() => setPassword(null)}
        footer={
          <Button type="primary" onClick={() => setPassword(null)}>
            {t('users.submit')}
          </Button>
        }
        destroyOnHidden
      >
        {password !== null && (
          <Flex vertical gap="small">
            <Typography.Paragraph>{t('users.otpHint', { name: password.name })}</Typography.Paragraph>
            <Typography.Paragraph
              className="one-time-password"
              code
              copyable={{
                text: password.oneTimePassword,
                tooltips: [t('users.copy'), t('users.copied')],
              }}
            >
              {password.oneTimePassword}
            </Typography.Paragraph>
          </Flex>
        )}
      </Modal>
    </Flex>
  );
}

/** Sets the server's refusal on the form: next to each field it names, else above the form. */
function useRefusal(fields: readonly string[]) {
  const { language } = useI18n();
  const [general, setGeneral] = useState<string | null>(null);
  const apply = (form: Pick<FormInstance, 'setFields'>, error: unknown) => {
    if (!(error instanceof ApiFailure) || error.status < 400 || error.status >= 500 || error.status === 401) {
      setGeneral(error instanceof Error ? inLanguage(error.message, language) : String(error));
      return;
    }
    const messages = fieldMessages(error, fields);
    form.setFields(
      [...messages]
        .filter(([field]) => field !== '')
        .map(([name, errors]) => ({ name, errors: errors.map((m) => inLanguage(m, language)) })),
    );
    const rest = messages.get('');
    setGeneral(rest === undefined ? null : rest.map((m) => inLanguage(m, language)).join('；'));
  };
  return { general, setGeneral, apply };
}

const ADD_FIELDS = ['signInName', 'role', 'unitCode', 'villageCodes', 'reason'] as const;

function AddUserModal({
  open,
  onClose,
  onAdded,
}: {
  readonly open: boolean;
  readonly onClose: () => void;
  readonly onAdded: (answer: UserWithPassword) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<NewUser>();
  const role = Form.useWatch('role', form);
  const [busy, setBusy] = useState(false);
  const refusal = useRefusal(ADD_FIELDS);
  const submit = async (values: NewUser) => {
    setBusy(true);
    refusal.setGeneral(null);
    try {
      const answer = await usersApi.add({
        ...values,
        villageCodes: values.role === 'village-inspector' ? (values.villageCodes ?? []) : [],
      });
      form.resetFields();
      onAdded(answer);
    } catch (error) {
      refusal.apply(form, error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={open}
      title={t('users.add')}
      onCancel={onClose}
      okText={t('users.submit')}
      cancelText={t('users.cancel')}
      okButtonProps={{ htmlType: 'submit', loading: busy }}
      destroyOnHidden
      modalRender={(dom) => (
        <Form<NewUser> form={form} layout="vertical" onFinish={(v) => void submit(v)} clearOnDestroy>
          {dom}
        </Form>
      )}
    >
      {refusal.general !== null && <Alert type="error" showIcon title={refusal.general} className="form-alert" />}
      <Form.Item
        name="signInName"
        label={t('users.signInName')}
        rules={[{ required: true, pattern: SIGN_IN_NAME, message: t('users.nameRule') }]}
      >
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item name="role" label={t('users.role')} rules={[{ required: true, message: t('users.roleRequired') }]}>
        <Select<UserRole> options={USER_ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
      </Form.Item>
      <Form.Item
        name="unitCode"
        label={t('users.unit')}
        rules={[{ required: true, pattern: DIVISION_CODE, message: t('users.unitRule') }]}
      >
        <Input inputMode="numeric" maxLength={12} />
      </Form.Item>
      {role === 'village-inspector' && <VillagesItem />}
      <Form.Item
        name="reason"
        label={t('users.reason')}
        rules={[{ required: true, max: 200, message: t('users.reasonRequired') }]}
      >
        <Input />
      </Form.Item>
    </Modal>
  );
}

/** The villages of an inspector: codes typed in, each checked. */
function VillagesItem() {
  const { t } = useI18n();
  return (
    <Form.Item
      name="villageCodes"
      label={t('users.villages')}
      extra={t('users.villagesHint')}
      rules={[
        { required: true, type: 'array', min: 1, message: t('users.villagesRequired') },
        {
          validator: (_, codes: readonly string[] | undefined) =>
            (codes ?? []).every((c) => DIVISION_CODE.test(c))
              ? Promise.resolve()
              : Promise.reject(new Error(t('users.villagesRule'))),
        },
      ]}
    >
      <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={[',', ' ', '，', '、']} />
    </Form.Item>
  );
}

const ACTION_FIELDS = ['villageCodes', 'reason'] as const;

function ActionModal({
  action,
  onClose,
  onDone,
}: {
  readonly action: Action;
  readonly onClose: () => void;
  readonly onDone: (answer: UserWithPassword | null) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ reason: string; villageCodes?: string[] }>();
  const [busy, setBusy] = useState(false);
  const refusal = useRefusal(ACTION_FIELDS);
  const { user } = action;
  const title = {
    disable: t('users.disableTitle', { name: user.signInName }),
    reset: t('users.resetTitle', { name: user.signInName }),
    villages: t('users.villagesTitle', { name: user.signInName }),
  }[action.kind];
  const submit = async ({ reason, villageCodes }: { reason: string; villageCodes?: string[] }) => {
    setBusy(true);
    refusal.setGeneral(null);
    try {
      if (action.kind === 'disable') {
        await usersApi.disable(user.userId, reason);
        onDone(null);
      } else if (action.kind === 'reset') {
        onDone(await usersApi.resetPassword(user.userId, reason));
      } else {
        await usersApi.setVillages(user.userId, villageCodes ?? [], reason);
        onDone(null);
      }
    } catch (error) {
      refusal.apply(form, error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      okText={t('users.submit')}
      cancelText={t('users.cancel')}
      okButtonProps={{ htmlType: 'submit', loading: busy }}
      destroyOnHidden
      modalRender={(dom) => (
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) => void submit(v)}
          initialValues={{ villageCodes: [...user.villageCodes] }}
        >
          {dom}
        </Form>
      )}
    >
      {refusal.general !== null && <Alert type="error" showIcon title={refusal.general} className="form-alert" />}
      {action.kind === 'villages' && <VillagesItem />}
      <Form.Item
        name="reason"
        label={t('users.reason')}
        rules={[{ required: true, max: 200, message: t('users.reasonRequired') }]}
      >
        <Input />
      </Form.Item>
    </Modal>
  );
}
