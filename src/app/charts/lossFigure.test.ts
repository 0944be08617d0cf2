import { describe, expect, it } from 'vitest';
import type { EpochRecord } from '../store/lossSlice';
import { buildLossFigure, RAW_TRACE, smoothLosses, SMOOTHED_TRACE } from './lossFigure';
import type { TestTrace } from './testTrace';

const record = (epoch: number, validationLoss: number, learningRateDropped = false): EpochRecord => ({
  epoch,
  step: epoch * 10,
  trainLoss: validationLoss,
  validationLoss,
  learningRate: learningRateDropped ? 5e-4 : 1e-3,
  learningRateDropped,
  isBest: false,
  epochElapsedMs: 1,
});

describe('loss figure', () => {
  it('smooths without bias at the start and keeps raw values at weight 0', () => {
    expect(smoothLosses([2, 2, 2], 0.9)).toEqual([2, 2, 2].map((v) => expect.closeTo(v, 10)));
    expect(smoothLosses([3, 1], 0)).toEqual([3, 1]);
    expect(smoothLosses([4, 0], 0.5)[1]).toBeCloseTo((0.5 * 0.5 * 4 + 0) / (1 - 0.25));
  });

  it('marks the best checkpoint and every learning-rate drop', () => {
    const figure = buildLossFigure({
      axes: { xMax: 50, yMin: 0.03, yMax: 0.3 },
      epochRecords: [record(1, 0.05), record(2, 0.04), record(3, 0.045, true)],
      logScale: true,
    });
    const best = figure.data.find((trace) => trace.name === 'best checkpoint') as { x: number[] };
    expect(best.x).toEqual([20]);
    expect(figure.layout.shapes).toHaveLength(1);
    expect(figure.layout.yaxis?.type).toBe('log');
  });

  it('leaves the training curves to the canvas and frames the axes box with an invisible trace', () => {
    const figure = buildLossFigure({
      axes: { xMax: 200, yMin: 0.05, yMax: 0.3 },
      epochRecords: [],
      logScale: true,
    });
    const byName = (name: string) => figure.data.find((trace) => trace.name === name) as TestTrace;
    expect(byName(RAW_TRACE).x).toEqual([]);
    expect(byName(SMOOTHED_TRACE).y).toEqual([]);
    expect(byName('extent')).toMatchObject({
      x: [0, 200],
      y: [0.05, 0.3],
      showlegend: false,
      hoverinfo: 'skip',
    });
    expect(figure.layout.plot_bgcolor).toBe('rgba(0,0,0,0)');
    const empty = buildLossFigure({ axes: null, epochRecords: [], logScale: false });
    expect((empty.data.find((trace) => trace.name === 'extent') as TestTrace).x).toEqual([]);
  });
});
