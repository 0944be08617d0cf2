/**
 * Pure builder of the loss chart's Plotly figure: the axes alone. The training curves change every
 * step and the validation marks every epoch, so they are drawn on a canvas under the plot
 * (drawLossCurves, drawEpochMarks); their traces here are empty and name them for the legend. The
 * figure changes only with the log switch; the axes' ranges are the chart's view (lossAxesView).
 */
import type { Data, Layout } from 'plotly.js-dist-min';
import type { AxesView } from './axesView';
import { BEST_COLOR, VALIDATION_COLOR } from './drawEpochMarks';
import { RAW_LOSS_COLOR, SMOOTHED_LOSS_COLOR } from './drawLossCurves';
import type { LossAxesBox } from './lossAxes';
import type { Figure } from './PlotlyChart';

export const RAW_TRACE = 'train (raw)';
export const SMOOTHED_TRACE = 'train (smoothed)';
export const VALIDATION_TRACE = 'validation';
export const BEST_TRACE = 'best checkpoint';

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

/** A trace with no points, drawn on the canvas; here it names the curve for the legend (and its switch). */
function legendOnlyTrace(
  name: string,
  mode: 'lines' | 'markers' | 'lines+markers',
  color: string,
  width: number,
): Data {
  return mode === 'markers'
    ? { type: 'scatter', mode, name, x: [], y: [], marker: { color } }
    : { type: 'scatter', mode, name, x: [], y: [], line: { color, width } };
}

/** The axes' view of a box: a log axis's range is in powers of ten. */
export function lossAxesView(box: LossAxesBox, logScale: boolean): AxesView {
  return {
    x: [0, box.xMax],
    y: logScale ? [Math.log10(box.yMin), Math.log10(box.yMax)] : [box.yMin, box.yMax],
  };
}

export function buildLossFigure(logScale: boolean): Figure {
  const data: Data[] = [
    legendOnlyTrace(RAW_TRACE, 'lines', RAW_LOSS_COLOR, 1),
    legendOnlyTrace(SMOOTHED_TRACE, 'lines', SMOOTHED_LOSS_COLOR, 2),
    legendOnlyTrace(VALIDATION_TRACE, 'lines+markers', VALIDATION_COLOR, 2),
    legendOnlyTrace(BEST_TRACE, 'markers', BEST_COLOR, 0),
  ];
  const layout: Partial<Layout> = {
    margin: { l: 50, r: 10, t: 10, b: 36 },
    xaxis: { title: { text: 'step' } },
    yaxis: { title: { text: 'loss' }, type: logScale ? 'log' : 'linear' },
    // The legend is HTML (ChartLegend): Plotly's would be re-laid out on every redraw.
    showlegend: false,
    // Transparent: the canvas underneath shows through.
    paper_bgcolor: 'rgba(0,0,0,0)',
    plot_bgcolor: 'rgba(0,0,0,0)',
  };
  return { data, layout };
}
