import { PieChart } from 'echarts/charts';
import { AriaComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { registryApi } from '../api/registry';
import { useApi } from '../api/use-api';
import { useI18n } from '../i18n/i18n';
import { EmptyState, ErrorState, LoadingState } from '../states/states';

// Only the parts drawn here: the whole of ECharts would triple the chunk.
echarts.use([PieChart, LegendComponent, TooltipComponent, AriaComponent, CanvasRenderer]);

const STATUSES = ['poverty-alleviated', 'ordinary'] as const;

/**
 * The unit's households by base status, counted by the API (two one-row pages: only the
 * totals travel), drawn as a pie with ECharts' generated description for screen readers.
 */
export default function StatusChart({ divisionCode }: { readonly divisionCode: string }) {
  const { t, language } = useI18n();
  const counts = useApi(
    (signal) =>
      Promise.all(
        STATUSES.map((status) =>
          registryApi.households({ divisionCode, status, limit: 1, offset: 0 }, signal).then((p) => p.total),
        ),
      ),
    divisionCode,
  );
  const element = useRef<HTMLDivElement>(null);
  const data = counts.kind === 'done' ? counts.data : null;

  useEffect(() => {
    if (element.current === null || data === null) return;
    const chart = echarts.init(element.current, undefined, { locale: language === 'zh-CN' ? 'ZH' : 'EN' });
    chart.setOption({
      aria: { enabled: true },
      tooltip: { trigger: 'item' },
      legend: { bottom: 0 },
      series: [
        {
          type: 'pie',
          radius: ['40%', '68%'],
          label: { formatter: '{b}\n{c}' },
          data: STATUSES.map((status, i) => ({ name: t(`status.${status}`), value: data[i] })),
        },
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [data, language, t]);

  if (counts.kind === 'loading') return <LoadingState rows={3} />;
  if (counts.kind === 'failed') return <ErrorState error={counts.error} onRetry={counts.reload} />;
  if (counts.data.every((n) => n === 0)) return <EmptyState />;
  const summary = STATUSES.map((status, i) => `${t(`status.${status}`)} ${counts.data[i]}`).join('，');
  return <div ref={element} className="status-chart" role="img" aria-label={`${t('households.chart')}: ${summary}`} />;
}
