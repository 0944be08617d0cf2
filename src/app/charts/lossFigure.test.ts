import { describe, expect, it } from 'vitest';
import {
  BEST_TRACE,
  buildLossFigure,
  RAW_TRACE,
  smoothLosses,
  SMOOTHED_TRACE,
  VALIDATION_TRACE,
} from './lossFigure';
import type { TestTrace } from './testTrace';

describe('loss figure', () => {
  it('smooths without bias at the start and keeps raw values at weight 0', () => {
    expect(smoothLosses([2, 2, 2], 0.9)).toEqual([2, 2, 2].map((v) => expect.closeTo(v, 10)));
    expect(smoothLosses([3, 1], 0)).toEqual([3, 1]);
    expect(smoothLosses([4, 0], 0.5)[1]).toBeCloseTo((0.5 * 0.5 * 4 + 0) / (1 - 0.25));
  });

  it('leaves every curve and mark to the canvas and frames the axes box with an invisible trace', () => {
    const figure = buildLossFigure({
      axes: { xMax: 200, yMin: 0.05, yMax: 0.3 },
      logScale: true,
    });
    const byName = (name: string) => figure.data.find((trace) => trace.name === name) as TestTrace;
    expect(byName(RAW_TRACE).x).toEqual([]);
    expect(byName(SMOOTHED_TRACE).y).toEqual([]);
    expect(byName(VALIDATION_TRACE).x).toEqual([]);
    expect(byName(BEST_TRACE).x).toEqual([]);
    expect(figure.layout.shapes).toBeUndefined();
    expect(byName('extent')).toMatchObject({
      x: [0, 200],
      y: [0.05, 0.3],
      showlegend: false,
      hoverinfo: 'skip',
    });
    expect(figure.layout.plot_bgcolor).toBe('rgba(0,0,0,0)');
    const empty = buildLossFigure({ axes: null, logScale: false });
    expect((empty.data.find((trace) => trace.name === 'extent') as TestTrace).x).toEqual([]);
  });
});
