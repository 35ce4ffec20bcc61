import { Tag, Typography } from 'antd';
import type { CaseDeadline } from '../api/assistance';
import { useI18n } from '../i18n/i18n';

/** The deadline a case waits on, as "受理期限：2026-12-10 前", or a dash when none waits. */
export function DeadlineText({ deadline }: { readonly deadline: CaseDeadline | null }) {
  const { t } = useI18n();
  if (deadline === null) return <Typography.Text type="secondary">{t('cases.noDeadline')}</Typography.Text>;
  return <span>{t('cases.dueOn', { step: t(`cases.limit.${deadline.step}`), date: deadline.dueOn })}</span>;
}

/**
 * The working days left on the deadline, and a red "overdue" tag when the case is behind (a
 * deadline passed, or a step the watcher marked): the tag is text, not colour alone.
 */
export function DaysLeft({ deadline, behind }: { readonly deadline: CaseDeadline | null; readonly behind: boolean }) {
  const { t } = useI18n();
  const overdueTag = (
    <Tag color="red" className="overdue-tag">
      {t('cases.overdue')}
    </Tag>
  );
  if (deadline === null) return behind ? overdueTag : <span>—</span>;
  if (deadline.overdue || behind)
    return (
      <span className="days-left">
        {overdueTag}
        {!deadline.overdue && deadline.workingDaysLeft !== null && t('cases.days', { days: deadline.workingDaysLeft })}
      </span>
    );
  if (deadline.workingDaysLeft === null)
    return <Typography.Text type="secondary">{t('cases.unknownDays')}</Typography.Text>;
  return <span className="days-left">{t('cases.days', { days: deadline.workingDaysLeft })}</span>;
}
