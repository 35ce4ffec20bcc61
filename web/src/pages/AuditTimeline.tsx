import { Alert, Card, Flex, Tag, Timeline, Typography } from 'antd';
import { ApiFailure } from '../api/api-error';
import { householdTrail, type AuditSource } from '../api/audit';
import { useApi } from '../api/use-api';
import { USER_ROLES } from '../auth/claims';
import { useI18n } from '../i18n/i18n';
import { ErrorState, LoadingState } from '../states/states';

/**
 * A household's history from the three services' audit routes, merged by time: each change with
 * who (user and role), when, what, why and the correlation id; personal data erased since reads
 * as erased. A service that refuses or fails leaves the others shown, and the page says which
 * part is missing. Only for roles with `audit.read` (the caller decides whether to render it).
 */
export function AuditTimeline({ householdId }: { readonly householdId: string }) {
  const { t, language } = useI18n();
  const trail = useApi((signal) => householdTrail(householdId, signal), householdId);
  const title = <h2 className="card-title">{t('audit.title')}</h2>;
  if (trail.kind === 'loading')
    return (
      <Card title={title} size="small">
        <LoadingState rows={4} />
      </Card>
    );
  if (trail.kind === 'failed')
    return (
      <Card title={title} size="small">
        <ErrorState error={trail.error} onRetry={trail.reload} />
      </Card>
    );
  const { entries, parts } = trail.data;
  const source = (s: AuditSource) => t(`audit.src.${s}`);
  const missing = parts.filter((p) => p.kind === 'missing');
  const none = parts.filter((p) => p.kind === 'none');
  const roleText = (role: string) =>
    (USER_ROLES as readonly string[]).includes(role) ? t(`role.${role as (typeof USER_ROLES)[number]}`) : role;
  const when = (iso: string) =>
    new Intl.DateTimeFormat(language, {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: 'Asia/Shanghai',
    }).format(new Date(iso));

  return (
    <Card title={title} size="small" className="audit-timeline">
      <Flex vertical gap="middle">
        {missing.length > 0 && (
          <Alert
            type="warning"
            showIcon
            title={t('audit.missing', {
              parts: missing.map((p) => source(p.source)).join('、'),
              reason: missing.map((p) => reasonOf(p.kind === 'missing' ? p.error : null, t)).join('、'),
            })}
          />
        )}
        {none.length > 0 && (
          <Typography.Text type="secondary">
            {none.map((p) => t('audit.noRecord', { part: source(p.source) })).join('；')}
          </Typography.Text>
        )}
        {entries.length === 0 ? (
          <Typography.Text type="secondary">{t('audit.empty')}</Typography.Text>
        ) : (
          <Timeline
            items={entries.map((entry) => ({
              key: `${entry.source}-${entry.eventId}`,
              content: (
                <Flex vertical gap={2} className="audit-entry">
                  <Typography.Text strong>
                    <time dateTime={entry.recordedAt}>{when(entry.recordedAt)}</time> · {source(entry.source)}
                  </Typography.Text>
                  <span>
                    {entry.erased ? <Tag className="audit-erased">{t('household.erased')}</Tag> : null}
                    {language === 'zh-CN' ? entry.summary.zh : entry.summary.en}
                  </span>
                  <span>
                    {t('audit.who')}: {roleText(entry.actor.role)}（
                    <span className="audit-user">{entry.actor.userId}</span>）
                  </span>
                  {entry.reason !== null && (
                    <span>
                      {t('audit.why')}: {entry.reason}
                    </span>
                  )}
                  <Typography.Text type="secondary" className="audit-correlation">
                    {t('audit.correlation')}: {entry.correlationId}
                  </Typography.Text>
                </Flex>
              ),
            }))}
          />
        )}
      </Flex>
    </Card>
  );
}

function reasonOf(error: unknown, t: ReturnType<typeof useI18n>['t']): string {
  return error instanceof ApiFailure && error.status === 403 ? t('audit.forbidden') : t('audit.failed');
}
