import { describe, expect, it } from 'vitest';
import {
  BEST_TRACE,
  buildLossFigure,
  lossAxesView,
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

  it('leaves every curve and mark to the canvas and the ranges to the view', () => {
    const figure = buildLossFigure(true);
    const byName = (name: string) => figure.data.find((trace) => trace.name === name) as TestTrace;
    expect(byName(RAW_TRACE).x).toEqual([]);
    expect(byName(SMOOTHED_TRACE).y).toEqual([]);
    expect(byName(VALIDATION_TRACE).x).toEqual([]);
    expect(byName(BEST_TRACE).x).toEqual([]);
    expect(figure.layout.shapes).toBeUndefined();
    expect(figure.layout.xaxis?.range).toBeUndefined();
    expect(figure.layout.yaxis?.type).toBe('log');
    expect(figure.layout.plot_bgcolor).toBe('rgba(0,0,0,0)');
  });

  it('frames the box, a log axis in powers of ten', () => {
    expect(lossAxesView({ xMax: 200, yMin: 0.01, yMax: 1 }, true)).toEqual({ x: [0, 200], y: [-2, 0] });
    expect(lossAxesView({ xMax: 200, yMin: 0, yMax: 0.3 }, false)).toEqual({ x: [0, 200], y: [0, 0.3] });
  });
});
