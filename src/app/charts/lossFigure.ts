/** Pure builder of the loss chart: smoothed batch loss, validation per epoch, LR drops, best. */
import type { Data, Layout } from 'plotly.js-dist-min';
import type { EpochRecord } from '../store/lossSlice';
import type { Figure } from './PlotlyChart';

/** TensorBoard-style debiased exponential moving average; 0 returns the raw values. */
export function smoothLosses(values: number[], weight: number): number[] {
  const smoothed: number[] = [];
  let average = 0;
  for (let i = 0; i < values.length; i++) {
    average = weight * average + (1 - weight) * values[i];
    smoothed.push(average / (1 - weight ** (i + 1)));
  }
  return smoothed;
}

export interface LossFigureInput {
  batchSteps: number[];
  batchLosses: number[];
  epochRecords: EpochRecord[];
  smoothing: number;
  logScale: boolean;
}

export function buildLossFigure({
  batchSteps,
  batchLosses,
  epochRecords,
  smoothing,
  logScale,
}: LossFigureInput): Figure {
  const drops = epochRecords.filter((record) => record.learningRateDropped);
  const best = epochRecords.reduce<EpochRecord | null>(
    (found, record) => (found === null || record.validationLoss < found.validationLoss ? record : found),
    null,
  );
  const data: Data[] = [
    {
      type: 'scatter',
      mode: 'lines',
      name: 'train (raw)',
      x: batchSteps,
      y: batchLosses,
      line: { color: 'rgba(31,119,180,0.25)', width: 1 },
      hoverinfo: 'skip',
    },
    {
      type: 'scatter',
      mode: 'lines',
      name: 'train (smoothed)',
      x: batchSteps,
      y: smoothLosses(batchLosses, smoothing),
      line: { color: '#1f77b4', width: 2 },
    },
    {
      type: 'scatter',
      mode: 'lines+markers',
      name: 'validation',
      x: epochRecords.map((record) => record.step),
      y: epochRecords.map((record) => record.validationLoss),
      text: epochRecords.map((record) => `epoch ${record.epoch}, lr ${record.learningRate.toExponential(1)}`),
      line: { color: '#d62728', width: 2 },
    },
  ];
  if (best) {
    data.push({
      type: 'scatter',
      mode: 'markers',
      name: 'best checkpoint',
      x: [best.step],
      y: [best.validationLoss],
      text: [`best: epoch ${best.epoch}`],
      marker: { symbol: 'star', size: 14, color: '#ffbf00', line: { color: '#000', width: 1 } },
    });
  }
  const layout: Partial<Layout> = {
    margin: { l: 50, r: 10, t: 10, b: 36 },
    xaxis: { title: { text: 'step' } },
    yaxis: { title: { text: 'loss' }, type: logScale ? 'log' : 'linear' },
    // The legend is HTML (ChartLegend): Plotly's would be re-laid out on every redraw.
    showlegend: false,
    shapes: drops.map((record) => ({
      type: 'line',
      xref: 'x',
      yref: 'paper',
      x0: record.step,
      x1: record.step,
      y0: 0,
      y1: 1,
      line: { color: '#9467bd', dash: 'dot', width: 1.5 },
    })),
    annotations: drops.map((record) => ({
      x: record.step,
      y: 1,
      xref: 'x',
      yref: 'paper',
      text: `lr→${record.learningRate.toExponential(1)}`,
      showarrow: false,
      font: { size: 9, color: '#9467bd' },
      yanchor: 'bottom',
    })),
    uirevision: 'loss',
  };
  return { data, layout };
}
