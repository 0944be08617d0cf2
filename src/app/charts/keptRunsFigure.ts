/**
 * Pure builder of the kept runs' curves overlaid: validation (solid) and training (dotted) loss per
 * epoch on the left, test PSNR per epoch on the right. Each run is one legend group: clicking its
 * name in the legend hides or shows all of its curves.
 */
import type { Data, Layout } from 'plotly.js-dist-min';
import type { KeptRunSummary } from '../../shared/runs';
import type { Figure } from './PlotlyChart';

/** Plotly's default colour cycle, so run colours match the other charts' first colours. */
const RUN_COLORS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f'];

function runTraces(run: KeptRunSummary, index: number): Data[] {
  const color = RUN_COLORS[index % RUN_COLORS.length];
  const group = { legendgroup: run.runId, type: 'scatter' as const };
  const { curves } = run;
  return [
    {
      ...group,
      name: run.name,
      mode: 'lines+markers',
      x: curves.epochs,
      y: curves.validationLoss,
      hovertemplate: `${run.name}<br>epoch %{x}: validation loss %{y:.4f}<extra></extra>`,
      line: { color, width: 2 },
    },
    {
      ...group,
      name: `${run.name} (train)`,
      showlegend: false,
      mode: 'lines',
      x: curves.epochs,
      y: curves.trainLoss,
      hovertemplate: `${run.name}<br>epoch %{x}: training loss %{y:.4f}<extra></extra>`,
      line: { color, width: 1.5, dash: 'dot' },
    },
    {
      ...group,
      name: `${run.name} (PSNR)`,
      showlegend: false,
      mode: 'lines+markers',
      x: curves.psnrEpochs,
      y: curves.psnr,
      xaxis: 'x2',
      yaxis: 'y2',
      hovertemplate: `${run.name}<br>epoch %{x}: PSNR %{y:.2f} dB<extra></extra>`,
      line: { color, width: 2 },
    },
  ];
}

export function buildKeptRunsFigure(runs: readonly KeptRunSummary[], logScale: boolean): Figure {
  const small = { font: { size: 10 } };
  // Whole epochs only: a short run would otherwise get ticks at 1.2, 1.4, …
  const mostEpochs = Math.max(0, ...runs.map((run) => run.curves.epochs.length));
  const epochTicks = { dtick: mostEpochs <= 10 ? 1 : undefined, tickformat: 'd' };
  const layout: Partial<Layout> = {
    margin: { l: 50, r: 10, t: 24, b: 36 },
    grid: { rows: 1, columns: 2, pattern: 'independent' },
    xaxis: { title: { text: 'epoch', ...small }, domain: [0, 0.45], ...epochTicks },
    yaxis: {
      title: { text: 'loss (solid: validation, dotted: train)', ...small },
      type: logScale ? 'log' : 'linear',
    },
    xaxis2: { title: { text: 'epoch', ...small }, domain: [0.55, 1], anchor: 'y2', ...epochTicks },
    yaxis2: { title: { text: 'test PSNR (dB) at the run’s training noise', ...small }, anchor: 'x2' },
    legend: { orientation: 'h', y: 1.12, x: 0, font: { size: 10 } },
    showlegend: true,
    // Hidden runs stay hidden when a run is kept or scored again.
    uirevision: 'kept-runs',
  };
  return { data: runs.flatMap(runTraces), layout };
}
