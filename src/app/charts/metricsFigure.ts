/** Pure builder of the per-epoch test metrics: PSNR on the left axis, both SSIMs on the right. */
import type { Layout } from 'plotly.js-dist-min';
import type { MetricsRecord } from '../../shared/protocol';
import type { Figure } from './PlotlyChart';

export function buildMetricsFigure(history: readonly MetricsRecord[]): Figure {
  const records = [...history].sort((a, b) => a.epoch - b.epoch);
  const epochs = records.map((record) => record.epoch);
  const layout: Partial<Layout> = {
    margin: { l: 8, r: 8, t: 8, b: 30 },
    xaxis: {
      title: { text: 'epoch', font: { size: 10 } },
      tickfont: { size: 9 },
      dtick: epochs.length < 10 ? 1 : undefined,
    },
    yaxis: {
      title: { text: 'PSNR (dB)', font: { size: 10 } },
      tickfont: { size: 9 },
      tickformat: '.2f',
      automargin: true,
    },
    yaxis2: {
      title: { text: 'SSIM', font: { size: 10 } },
      tickfont: { size: 9 },
      tickformat: '.3f',
      automargin: true,
      overlaying: 'y',
      side: 'right',
      showgrid: false,
    },
    // The legend is HTML (ChartLegend): Plotly's would be re-laid out on every redraw.
    showlegend: false,
    uirevision: 'metrics',
  };
  return {
    data: [
      {
        type: 'scatter',
        mode: 'lines+markers',
        name: 'PSNR (dB)',
        x: epochs,
        y: records.map((record) => record.psnr),
        line: { color: '#1f77b4', width: 2 },
      },
      {
        type: 'scatter',
        mode: 'lines+markers',
        name: 'SSIM (Gaussian)',
        x: epochs,
        y: records.map((record) => record.ssim),
        yaxis: 'y2',
        line: { color: '#2ca02c', width: 2 },
      },
      {
        type: 'scatter',
        mode: 'lines+markers',
        name: "SSIM (global, lab's)",
        x: epochs,
        y: records.map((record) => record.ssimGlobal),
        yaxis: 'y2',
        line: { color: '#2ca02c', width: 1.5, dash: 'dot' },
      },
    ],
    layout,
  };
}
