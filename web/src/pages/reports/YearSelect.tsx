import { Select } from 'antd';
import { useSearchParams } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import { EARLIEST_REPORT_YEAR as EARLIEST, reportYearOf } from './report-year';

/** `?year=` of a report page, when it names a year the reports have (else the server's "this year"). */
export function useReportYear(): number | undefined {
  const [params] = useSearchParams();
  return reportYearOf(params.get('year'));
}

/** The report year, kept in the URL (a link or the back button returns to the same year). */
export function YearSelect({ year }: { readonly year: number }) {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const latest = Math.max(new Date().getFullYear(), year);
  const years = Array.from({ length: latest - EARLIEST + 1 }, (_, i) => latest - i);
  return (
    <Select
      className="year-select"
      aria-label={t('reports.year')}
      value={year}
      options={years.map((y) => ({ value: y, label: t('reports.yearOption', { year: y }) }))}
      onChange={(next: number) => {
        const search = new URLSearchParams(params);
        search.set('year', String(next));
        search.delete('page');
        setParams(search);
      }}
    />
  );
}
