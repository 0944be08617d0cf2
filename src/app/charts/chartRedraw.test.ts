import { describe, expect, it } from 'vitest';
import type { PlotlyHTMLElement } from 'plotly.js-dist-min';
import { redrawChart, type PlotlyRedraw } from './chartRedraw';
import { buildLossFigure, type LossFigureInput } from './lossFigure';

/** Records which Plotly call each redraw made. */
function fakePlotly() {
  const calls: { name: 'react' | 'extendTraces'; indices?: number[]; x?: number[][] }[] = [];
  const done = Promise.resolve({} as PlotlyHTMLElement);
  const plotly: PlotlyRedraw = {
    react: () => {
      calls.push({ name: 'react' });
      return done;
    },
    extendTraces: (_element, update, indices) => {
      calls.push({ name: 'extendTraces', indices, x: update.x });
      return done;
    },
  };
  return { plotly, calls };
}

function lossFigure(steps: number, overrides: Partial<LossFigureInput> = {}) {
  const batchSteps = Array.from({ length: steps }, (_, i) => i + 1);
  const batchLosses = batchSteps.map((step) => 1 / step);
  return buildLossFigure({
    batchSteps,
    batchLosses,
    epochRecords: [],
    smoothing: 0.9,
    logScale: true,
    ...overrides,
  });
}

describe('redrawChart', () => {
  const element = {} as HTMLElement;

  it('extends the loss curves with the new batches instead of redrawing the chart', () => {
    const { plotly, calls } = fakePlotly();
    const first = lossFigure(3);
    const second = lossFigure(5);
    void redrawChart(plotly, element, null, first, [0, 1], {});
    void redrawChart(plotly, element, first, second, [0, 1], {});
    void redrawChart(plotly, element, second, lossFigure(5, { logScale: false }), [0, 1], {});
    expect(calls).toEqual([
      { name: 'react' },
      {
        name: 'extendTraces',
        indices: [0, 1],
        x: [
          [4, 5],
          [4, 5],
        ],
      },
      { name: 'react' },
    ]);
  });

  it('always redraws a chart whose traces are not declared extendable', () => {
    const { plotly, calls } = fakePlotly();
    const first = lossFigure(3);
    void redrawChart(plotly, element, first, lossFigure(5), [], {});
    expect(calls).toEqual([{ name: 'react' }]);
  });
});
