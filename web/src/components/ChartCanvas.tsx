// The ECharts part of a chart, its own chunk (Chart.tsx loads it lazily): `echarts/core` with only the charts the
// app draws (line and bar) and the canvas renderer.
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { EChartsCoreOption } from 'echarts/core';

// no legend or tooltip components (they cost ~25 KB gzip): the legend is HTML beside the chart (Chart.tsx), and
// the numbers are in the table every chart has beside it
echarts.use([BarChart, LineChart, GridComponent, CanvasRenderer]);

export default function ChartCanvas({ option, label, height }: {
  option: EChartsCoreOption; label: string; height: number;
}) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    if (!el.current) return;
    const c = echarts.init(el.current);
    chart.current = c;
    const onResize = () => c.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      c.dispose();
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);
  return <div ref={el} role="img" aria-label={label} style={{ width: '100%', height }} />;
}
