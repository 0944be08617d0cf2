/**
 * Pure builder of the loss chart's Plotly figure: validation per epoch, LR drops, best checkpoint
 * and the axes. The training curves change every step, so they are drawn on a canvas under the
 * plot (drawLossCurves); their traces here are empty and name them for the legend.
 */
import type { Data, Layout } from 'plotly.js-dist-min';
import type { EpochRecord } from '../store/lossSlice';
import { RAW_LOSS_COLOR, SMOOTHED_LOSS_COLOR } from './drawLossCurves';
import type { LossAxesBox } from './lossAxes';
import type { Figure } from './PlotlyChart';

export const RAW_TRACE = 'train (raw)';
export const SMOOTHED_TRACE = 'train (smoothed)';

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
  /** What the axes must show (lossAxes.ts); null before the first loss. */
  axes: LossAxesBox | null;
  epochRecords: EpochRecord[];
  logScale: boolean;
}

/**
 * An invisible trace over the axes box: Plotly's autorange frames it, so the axes follow the run
 * until the user zooms, and change only when the box does.
 */
function extentTrace(axes: LossAxesBox | null): Data {
  return {
    type: 'scatter',
    mode: 'markers',
    name: 'extent',
    x: axes ? [0, axes.xMax] : [],
    y: axes ? [axes.yMin, axes.yMax] : [],
    marker: { size: 1, opacity: 0 },
    showlegend: false,
    hoverinfo: 'skip',
  };
}

export function buildLossFigure({ axes, epochRecords, logScale }: LossFigureInput): Figure {
  const drops = epochRecords.filter((record) => record.learningRateDropped);
  const best = epochRecords.reduce<EpochRecord | null>(
    (found, record) => (found === null || record.validationLoss < found.validationLoss ? record : found),
    null,
  );
  const data: Data[] = [
    // Drawn on the canvas; here for the legend (and its switch) only.
    {
      type: 'scatter',
      mode: 'lines',
      name: RAW_TRACE,
      x: [],
      y: [],
      line: { color: RAW_LOSS_COLOR, width: 1 },
    },
    {
      type: 'scatter',
      mode: 'lines',
      name: SMOOTHED_TRACE,
      x: [],
      y: [],
      line: { color: SMOOTHED_LOSS_COLOR, width: 2 },
    },
    extentTrace(axes),
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
    // Transparent: the training curves' canvas underneath shows through.
    paper_bgcolor: 'rgba(0,0,0,0)',
    plot_bgcolor: 'rgba(0,0,0,0)',
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
