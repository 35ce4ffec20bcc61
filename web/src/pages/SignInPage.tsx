import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { ApiFailure } from '../api/api-error';
import { primeLanding } from '../app/landing';
import { prefetchAfterSignIn, whenIdle } from '../app/prefetch';
import { changePassword, currentSession, lastSessionEnd, signIn } from '../auth/session';
import { useI18n } from '../i18n/i18n';
import { inLanguage } from '../i18n/messages';

interface Credentials {
  readonly signInName: string;
  readonly password: string;
}

/**
 * Sign-in, and the first sign-in's change of the one-time password (the gateway answers 403
 * `auth.password-change-required` until it is changed), then on to the page asked for or the landing page.
 */
export default function SignInPage() {
  const { t, language, setLanguage } = useI18n();
  const navigate = useNavigate();
  const requested = (useLocation().state as { from?: unknown } | null)?.from;
  const destination = typeof requested === 'string' && /^\/(?!\/)/.test(requested) ? requested : '/';
  // While the official types, the pages after sign-in load in the background.
  useEffect(() => whenIdle(prefetchAfterSignIn), []);
  const [pending, setPending] = useState<Credentials | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(lastSessionEnd() === 'expired' ? 'signIn.expired' : null);

  const failed = (cause: unknown) =>
    setError(cause instanceof ApiFailure ? inLanguage(cause.message, language) : t('state.errorHint'));

  async function submitSignIn(values: Credentials) {
    setBusy(true);
    setError(null);
    try {
      await signIn(values.signInName.trim(), values.password);
      primeLanding(currentSession()?.user, destination);
      navigate(destination, { replace: true });
    } catch (cause) {
      if (cause instanceof ApiFailure && cause.code === 'auth.password-change-required')
        setPending({ signInName: values.signInName.trim(), password: values.password });
      else failed(cause);
    } finally {
      setBusy(false);
    }
  }

  async function submitChange(values: { readonly newPassword: string }) {
    if (pending === null) return;
    setBusy(true);
    setError(null);
    try {
      await changePassword(pending.signInName, pending.password, values.newPassword);
      await signIn(pending.signInName, values.newPassword);
      primeLanding(currentSession()?.user, destination);
      navigate(destination, { replace: true });
    } catch (cause) {
      failed(cause);
    } finally {
      setBusy(false);
    }
  }

  const message = error === 'signIn.expired' ? t('signIn.expired') : error;
  return (
    <main className="sign-in-page" id="main">
      <div className="sign-in-language">
        <Button
          onClick={() => setLanguage(language === 'zh-CN' ? 'en-US' : 'zh-CN')}
          title={t('lang.switchLabel')}
          lang={language === 'zh-CN' ? 'en' : 'zh-CN'}
        >
          {t('lang.switch')}
        </Button>
      </div>
      <Card className="sign-in-card">
        <Typography.Title level={1} className="sign-in-app">
          {t('app.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('app.subtitle')}</Typography.Paragraph>
        <Typography.Title level={2} className="sign-in-heading">
          {pending === null ? t('signIn.title') : t('signIn.changeTitle')}
        </Typography.Title>
        {message !== null && <Alert type="error" role="alert" showIcon title={message} className="sign-in-alert" />}
        {pending === null ? (
          <Form<Credentials> layout="vertical" onFinish={submitSignIn} requiredMark={false} disabled={busy}>
            <Form.Item
              label={t('signIn.name')}
              name="signInName"
              rules={[{ required: true, whitespace: true, message: t('signIn.nameRequired') }]}
            >
              <Input autoComplete="username" autoFocus />
            </Form.Item>
            <Form.Item
              label={t('signIn.password')}
              name="password"
              rules={[{ required: true, message: t('signIn.passwordRequired') }]}
            >
              <Input.Password autoComplete="current-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={busy}>
              {t('signIn.submit')}
            </Button>
          </Form>
        ) : (
          <Form<{ newPassword: string; confirm: string }>
            layout="vertical"
            onFinish={submitChange}
            requiredMark={false}
            disabled={busy}
          >
            <Form.Item
              label={t('signIn.newPassword')}
              name="newPassword"
              rules={[{ required: true, message: t('signIn.passwordRequired') }]}
              extra={t('signIn.changeHint')}
            >
              <Input.Password autoComplete="new-password" autoFocus />
            </Form.Item>
            <Form.Item
              label={t('signIn.confirmPassword')}
              name="confirm"
              dependencies={['newPassword']}
              rules={[
                { required: true, message: t('signIn.mismatch') },
                ({ getFieldValue }) => ({
                  validator: (_rule, value) =>
                    value === getFieldValue('newPassword')
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('signIn.mismatch'))),
                }),
              ]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={busy}>
              {t('signIn.changeSubmit')}
            </Button>
          </Form>
        )}
      </Card>
    </main>
  );
}
