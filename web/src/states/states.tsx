import { Button, Empty, Result, Skeleton } from 'antd';
import { Link } from 'react-router';
import { failureState } from '../api/api-error';
import { assertNever } from '../app/assert-never';
import { useI18n } from '../i18n/i18n';

/** The loading state: a skeleton where the content will be, announced to screen readers. */
export function LoadingState({ rows = 6 }: { readonly rows?: number }) {
  const { t } = useI18n();
  return (
    <div role="status" aria-live="polite" aria-busy="true">
      <span className="visually-hidden">{t('state.loading')}</span>
      <Skeleton active paragraph={{ rows }} />
    </div>
  );
}

/** The empty state. */
export function EmptyState() {
  const { t } = useI18n();
  return <Empty description={t('state.empty')} />;
}

/**
 * The state of a failed read: 403 (outside the user's area), 404, offline or any other error,
 * each with a way on — back to the list, or try again.
 */
export function ErrorState({ error, onRetry }: { readonly error: unknown; readonly onRetry?: () => void }) {
  const { t } = useI18n();
  const kind = failureState(error);
  const back = (
    <Link key="back" to="/households">
      {t('state.back')}
    </Link>
  );
  const retry =
    onRetry === undefined ? null : (
      <Button key="retry" type="primary" onClick={onRetry}>
        {t('state.retry')}
      </Button>
    );
  switch (kind) {
    case 'forbidden':
      return (
        <Result status="403" title={<h2>{t('state.forbidden')}</h2>} subTitle={t('state.forbiddenHint')} extra={back} />
      );
    case 'not-found':
      return (
        <Result status="404" title={<h2>{t('state.notFound')}</h2>} subTitle={t('state.notFoundHint')} extra={back} />
      );
    case 'offline':
      return (
        <Result status="warning" title={<h2>{t('state.error')}</h2>} subTitle={t('state.offline')} extra={retry} />
      );
    case 'error':
      return (
        <Result
          status="error"
          title={<h2>{t('state.error')}</h2>}
          subTitle={t('state.errorHint')}
          extra={[retry, back]}
        />
      );
    default:
      return assertNever(kind);
  }
}
