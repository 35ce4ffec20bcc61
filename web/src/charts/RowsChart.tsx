import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useMemo } from 'react';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { EmptyState } from '../states/states';
import { useEChart } from './use-echart';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** A bar of the chart: its name and one value per figure. */
export interface ChartRow {
  readonly name: string;
  readonly values: Readonly<Record<string, number>>;
}

/**
 * The key figures of the rows on screen (a page of units, or the key regions) as grouped bars,
 * horizontal so long Chinese names stay readable at phone width.
 */
export default function RowsChart({
  rows,
  figures,
  label,
}: {
  readonly rows: readonly ChartRow[];
  /** The figures drawn, by their key in `values`, with their message. */
  readonly figures: readonly (readonly [key: string, message: MessageKey])[];
  readonly label: string;
}) {
  const { t, language } = useI18n();
  const option = useMemo(() => {
    if (rows.length === 0) return null;
    // Top to bottom in the order of the table.
    const ordered = [...rows].reverse();
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: {
        type: 'category',
        data: ordered.map((row) => row.name),
        axisLabel: { width: 110, overflow: 'truncate' },
      },
      series: figures.map(([key, message]) => ({
        type: 'bar',
        name: t(message),
        data: ordered.map((row) => row.values[key] ?? 0),
      })),
    };
  }, [rows, figures, t]);
  const element = useEChart(option, language);
  if (rows.length === 0) return <EmptyState />;
  const summary = rows
    .slice(0, 10)
    .map((row) => `${row.name} ${figures.map(([key, message]) => `${t(message)} ${row.values[key] ?? 0}`).join('、')}`)
    .join('；');
  return (
    <div role="img" aria-label={`${label}: ${summary}`}>
      <div
        ref={element}
        className="rows-chart"
        aria-hidden="true"
        style={{ height: Math.max(200, 60 + rows.length * 28 * Math.min(figures.length, 3)) }}
      />
    </div>
  );
}
