import { App, Button, Space } from 'antd';
import { useState } from 'react';
import { inLanguage } from '../../i18n/messages';
import { ApiFailure } from '../../api/api-error';
import { reportingApi, type ExportRequest } from '../../api/reporting';
import { useI18n } from '../../i18n/i18n';

/** Hands a downloaded file to the browser as a download named `fileName`. */
function saveAs(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * CSV and XLSX downloads of what the page shows: the unit and the units of `tier` below it,
 * through the export route with the bearer token (a plain link could not carry it). The file
 * keeps the Chinese name the server gives it (e.g. `平昌县-乡镇-全部报表-2026.xlsx`); a fallback
 * name is built the same way.
 */
export function ExportButtons({
  unitCode,
  unitName,
  request,
}: {
  readonly unitCode: string;
  readonly unitName: string;
  readonly request: Omit<ExportRequest, 'format'>;
}) {
  const { t, language } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<'csv' | 'xlsx' | null>(null);
  const download = async (format: 'csv' | 'xlsx') => {
    setBusy(format);
    try {
      const file = await reportingApi.export(unitCode, { ...request, format });
      const name = file.fileName ?? `${unitName}-报表${request.year === undefined ? '' : `-${request.year}`}.${format}`;
      saveAs(file.blob, name);
      void message.success(t('reports.export.done', { name }));
    } catch (error) {
      void message.error(
        error instanceof ApiFailure
          ? `${t('reports.export.failed')}: ${inLanguage(error.message, language)}`
          : t('reports.export.failed'),
      );
    } finally {
      setBusy(null);
    }
  };
  return (
    <Space wrap>
      <Button onClick={() => void download('xlsx')} loading={busy === 'xlsx'} disabled={busy !== null}>
        {t('reports.export.xlsx')}
      </Button>
      <Button onClick={() => void download('csv')} loading={busy === 'csv'} disabled={busy !== null}>
        {t('reports.export.csv')}
      </Button>
    </Space>
  );
}
