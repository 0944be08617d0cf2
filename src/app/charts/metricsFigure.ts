/**
 * The per-epoch test metrics chart: PSNR on the left axis, both SSIMs on the right. Plotly draws
 * the axes, framed on the run's planned epochs and on nice ranges, so an epoch end redraws Plotly
 * only when a metric crosses a nice value; the lines are drawn on the canvas under them
 * (drawSeries).
 */
import type { Data, Layout } from 'plotly.js-dist-min';
import type { MetricsRecord } from '../../shared/protocol';
import { GRID_OVER_CANVAS, type Series, type SeriesScene } from './drawSeries';
import { niceRange } from './niceValues';
import type { AxisRange } from './planePicking';
import type { Figure } from './PlotlyChart';

export const PSNR_SERIES = 'PSNR (dB)';
export const SSIM_SERIES = 'SSIM (Gaussian)';
export const SSIM_GLOBAL_SERIES = "SSIM (global, lab's)";
const PSNR_COLOR = '#1f77b4';
const SSIM_COLOR = '#2ca02c';

export interface MetricsAxes {
  epochs: AxisRange;
  psnr: AxisRange | null;
  ssim: AxisRange | null;
}

/** Records in epoch order. */
export function sortedMetrics(history: readonly MetricsRecord[]): MetricsRecord[] {
  return [...history].sort((a, b) => a.epoch - b.epoch);
}

/** Epochs from the first to the planned last (or the last run, if more), half an epoch of room either side. */
export function metricsAxes(history: readonly MetricsRecord[], plannedEpochs: number): MetricsAxes {
  const lastEpoch = history.reduce((last, record) => Math.max(last, record.epoch), 1);
  return {
    epochs: [0.5, Math.max(plannedEpochs, lastEpoch) + 0.5],
    psnr: niceRange([history.map((record) => record.psnr)]),
    ssim: niceRange([history.map((record) => record.ssim), history.map((record) => record.ssimGlobal)]),
  };
}

const AXIS_STYLE = { tickfont: { size: 9 }, gridcolor: GRID_OVER_CANVAS, zeroline: false };

/**
 * The PSNR axis before there is a value to frame: a range, not Plotly's autorange, so the first
 * values are a range-only change (rangeOnlyChange.ts), a redraw of the ticks alone.
 */
export const PSNR_RANGE_BEFORE_DATA: AxisRange = [0, 30];
const SSIM_RANGE_BEFORE_DATA: AxisRange = [0, 1];

/** The axes alone; an empty trace per series names it for the legend. */
export function buildMetricsFigure(axes: MetricsAxes): Figure {
  const layout: Partial<Layout> = {
    margin: { l: 44, r: 44, t: 8, b: 30 },
    xaxis: {
      ...AXIS_STYLE,
      title: { text: 'epoch', font: { size: 10 } },
      range: axes.epochs,
      fixedrange: true,
      dtick: axes.epochs[1] - axes.epochs[0] <= 10 ? 1 : undefined,
    },
    yaxis: {
      ...AXIS_STYLE,
      title: { text: 'PSNR (dB)', font: { size: 10 } },
      fixedrange: true,
      range: axes.psnr ?? PSNR_RANGE_BEFORE_DATA,
    },
    yaxis2: {
      ...AXIS_STYLE,
      title: { text: 'SSIM', font: { size: 10 } },
      fixedrange: true,
      overlaying: 'y',
      side: 'right',
      // Its own nice ticks, not the left axis's positions.
      tickmode: 'auto',
      showgrid: false,
      range: axes.ssim ?? SSIM_RANGE_BEFORE_DATA,
    },
    // The legend is HTML (ChartLegend): Plotly's would be re-laid out on every redraw.
    showlegend: false,
    // Transparent: the lines' canvas underneath shows through.
    paper_bgcolor: 'rgba(0,0,0,0)',
    plot_bgcolor: 'rgba(0,0,0,0)',
  };
  const named = (name: string, color: string, width: number, yaxis?: 'y2', dash?: 'dot'): Data => ({
    type: 'scatter',
    mode: 'lines+markers',
    name,
    x: [],
    y: [],
    ...(yaxis ? { yaxis } : {}),
    line: { color, width, ...(dash ? { dash } : {}) },
    hoverinfo: 'skip',
  });
  return {
    data: [
      named(PSNR_SERIES, PSNR_COLOR, 2),
      named(SSIM_SERIES, SSIM_COLOR, 2, 'y2'),
      named(SSIM_GLOBAL_SERIES, SSIM_COLOR, 1.5, 'y2', 'dot'),
    ],
    layout,
  };
}

/** The three lines, less those switched off in the legend; the SSIMs read on the right-hand axis. */
export function metricsScene(
  records: readonly MetricsRecord[],
  axes: MetricsAxes,
  hidden: ReadonlySet<string>,
): SeriesScene {
  const epochs = records.map((record) => record.epoch);
  const series: Series[] = [
    {
      name: PSNR_SERIES,
      x: epochs,
      y: records.map((record) => record.psnr),
      color: PSNR_COLOR,
      lineWidth: 2,
      dash: [],
      markerRadius: 3,
    },
    {
      name: SSIM_SERIES,
      x: epochs,
      y: records.map((record) => record.ssim),
      color: SSIM_COLOR,
      lineWidth: 2,
      dash: [],
      markerRadius: 3,
      rightAxis: true,
    },
    {
      name: SSIM_GLOBAL_SERIES,
      x: epochs,
      y: records.map((record) => record.ssimGlobal),
      color: SSIM_COLOR,
      lineWidth: 1.5,
      dash: [2, 3],
      markerRadius: 2.5,
      rightAxis: true,
    },
  ];
  return {
    series: series.filter((line) => !hidden.has(line.name)),
    rightRange: axes.ssim ?? undefined,
  };
}
