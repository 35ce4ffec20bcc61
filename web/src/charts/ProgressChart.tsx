import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useMemo } from 'react';
import type { CampaignProgress } from '../api/reporting';
import { useI18n } from '../i18n/i18n';
import { EmptyState } from '../states/states';
import { useEChart } from './use-echart';

// Only the parts drawn here: the whole of ECharts would triple the chunk.
echarts.use([LineChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);

const INSPECTED = '#1553b6';
const VILLAGES = '#2f7d32';

/**
 * The campaign's progress over time: households inspected and villages covered, each summed up to
 * the day (a step line, as counts only change on the days listed), with the two deadlines marked.
 * `data-testid="overview-chart"` is what the first-render benchmark waits for.
 */
export default function ProgressChart({ campaign }: { readonly campaign: CampaignProgress }) {
  const { t, language } = useI18n();
  const days = campaign.daily;
  const option = useMemo(() => {
    if (days.length === 0) return null;
    const first = [days[0]!.date, campaign.teamsInPlaceBy].sort()[0]!;
    const last = [days[days.length - 1]!.date, campaign.inspectBy].sort()[1]!;
    // Each deadline's label along its own line: two deadlines days apart would overlap side by side.
    const deadline = (date: string, name: string) => ({
      xAxis: date,
      name,
      label: { formatter: `${name} ${date}`, position: 'insideEndTop' },
    });
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
      xAxis: { type: 'time', min: first, max: last },
      // The legend names the two axes' series; each axis in its series' colour.
      yAxis: [
        { type: 'value', minInterval: 1, axisLine: { show: true, lineStyle: { color: INSPECTED } } },
        { type: 'value', minInterval: 1, axisLine: { show: true, lineStyle: { color: VILLAGES } } },
      ],
      series: [
        {
          type: 'line',
          name: t('reports.chart.inspected'),
          step: 'end',
          color: INSPECTED,
          showSymbol: days.length < 40,
          data: days.map((d) => [d.date, d.inspectedToDate]),
          markLine: {
            symbol: 'none',
            lineStyle: { type: 'dashed', color: '#b42318' },
            label: { color: '#7a1a12' },
            data: [
              deadline(campaign.teamsInPlaceBy, t('reports.chart.teamsDeadline')),
              deadline(campaign.inspectBy, t('reports.chart.inspectDeadline')),
            ],
          },
        },
        {
          type: 'line',
          name: t('reports.chart.villages'),
          step: 'end',
          color: VILLAGES,
          yAxisIndex: 1,
          showSymbol: days.length < 40,
          data: days.map((d) => [d.date, d.villagesCoveredToDate]),
        },
      ],
    };
  }, [days, campaign.teamsInPlaceBy, campaign.inspectBy, t]);
  const element = useEChart(option, language);
  if (days.length === 0)
    return (
      <div data-testid="overview-chart">
        <EmptyState />
      </div>
    );
  const end = days[days.length - 1]!;
  const summary = t('reports.chart.summary', {
    date: end.date,
    inspected: end.inspectedToDate,
    villages: end.villagesCoveredToDate,
  });
  // The summary on a wrapper: ECharts' own description would list raw timestamps.
  return (
    <div data-testid="overview-chart" role="img" aria-label={`${t('reports.chart.title')}: ${summary}`}>
      <div ref={element} className="report-chart" aria-hidden="true" />
    </div>
  );
}
