import type { EChartsCoreOption } from 'echarts/core';
import * as echarts from 'echarts/core';
import { useEffect, useRef } from 'react';
import type { Language } from '../i18n/messages';

/**
 * Draws `option` into the returned element's ref once `option` is not null, redrawing when it
 * changes and following the window's size; disposed with the component. Each chart module
 * registers the ECharts parts it draws with (`echarts.use`) before using this.
 */
export function useEChart(option: EChartsCoreOption | null, language: Language) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (element.current === null || option === null) return;
    const chart = echarts.init(element.current, undefined, { locale: language === 'zh-CN' ? 'ZH' : 'EN' });
    chart.setOption(option);
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [option, language]);
  return element;
}
