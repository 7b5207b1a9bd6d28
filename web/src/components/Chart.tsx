// ECharts through `echarts/core` with only the charts the app draws (line and bar) and the canvas renderer.
// A chart is an image to screen readers: it carries an aria-label, and each page also shows the numbers as a
// table.
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { EChartsCoreOption } from 'echarts/core';

// no legend or tooltip components (they cost ~25 KB gzip on the dashboard's first load): the legend is HTML
// below, and the numbers are in the table every chart has beside it
echarts.use([BarChart, LineChart, GridComponent, CanvasRenderer]);

export interface LegendItem { name: string; color: string }

export function Chart({ option, label, legend = [], height = 280 }: {
  option: EChartsCoreOption; label: string; legend?: LegendItem[]; height?: number;
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
  return (
    <figure style={{ margin: 0 }}>
      <div ref={el} role="img" aria-label={label} style={{ width: '100%', height }} />
      {legend.length > 0 && (
        <figcaption className="legend">
          {legend.map((l) => <span key={l.name}><i style={{ background: l.color }} />{l.name}</span>)}
        </figcaption>
      )}
    </figure>
  );
}
