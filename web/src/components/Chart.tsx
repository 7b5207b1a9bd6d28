// A chart: the figure, its label and its HTML legend at once, the ECharts canvas (ChartCanvas.tsx, ~170 KB gzip)
// loaded lazily into a box of the final size, so a page's numbers show before its charts and nothing moves.
// A chart is an image to screen readers: it carries an aria-label, and each page also shows the numbers as a
// table.
import { Suspense, lazy } from 'react';
import type { EChartsCoreOption } from 'echarts/core';

const ChartCanvas = lazy(() => import('./ChartCanvas'));

export interface LegendItem { name: string; color: string }

export function Chart({ option, label, legend = [], height = 280 }: {
  option: EChartsCoreOption; label: string; legend?: LegendItem[]; height?: number;
}) {
  return (
    <figure style={{ margin: 0 }}>
      <Suspense fallback={<div role="img" aria-label={label} style={{ width: '100%', height }} />}>
        <ChartCanvas option={option} label={label} height={height} />
      </Suspense>
      {legend.length > 0 && (
        <figcaption className="legend">
          {legend.map((l) => <span key={l.name}><i style={{ background: l.color }} />{l.name}</span>)}
        </figcaption>
      )}
    </figure>
  );
}
