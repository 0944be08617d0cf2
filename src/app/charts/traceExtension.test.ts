import { describe, expect, it } from 'vitest';
import type { EpochRecord } from '../store/lossSlice';
import { buildLossFigure, type LossFigureInput } from './lossFigure';
import type { TestTrace } from './testTrace';
import { traceExtension } from './traceExtension';

const TRAIN_TRACES = [0, 1];

function lossInput(steps: number, overrides: Partial<LossFigureInput> = {}): LossFigureInput {
  const batchSteps = Array.from({ length: steps }, (_, i) => i + 1);
  return {
    batchSteps,
    batchLosses: batchSteps.map((step) => 1 / step),
    epochRecords: [],
    smoothing: 0.9,
    logScale: true,
    ...overrides,
  };
}

const EPOCH_ONE: EpochRecord = {
  epoch: 1,
  step: 4,
  trainLoss: 0.35,
  validationLoss: 0.3,
  learningRate: 1e-3,
  learningRateDropped: false,
  isBest: true,
  epochElapsedMs: 1000,
};

describe('traceExtension', () => {
  it('gives the new batches of both training curves, smoothed ones continuing the average', () => {
    const drawn = buildLossFigure(lossInput(4));
    const next = buildLossFigure(lossInput(6));
    const extension = traceExtension(drawn, next, TRAIN_TRACES);
    expect(extension?.indices).toEqual([0, 1]);
    expect(extension?.x).toEqual([
      [5, 6],
      [5, 6],
    ]);
    expect(extension?.y[0]).toEqual([1 / 5, 1 / 6]);
    expect(extension?.y[1]).toEqual(Array.from((next.data[1] as TestTrace).y ?? []).slice(4));
  });

  it('keeps extending while the rebuilt validation trace is unchanged', () => {
    const withEpoch = { epochRecords: [EPOCH_ONE] };
    const drawn = buildLossFigure(lossInput(4, withEpoch));
    const next = buildLossFigure(lossInput(5, withEpoch));
    expect(traceExtension(drawn, next, TRAIN_TRACES)?.x).toEqual([[5], [5]]);
  });

  it('asks for a full redraw when a validation point, the scale or the smoothing changes', () => {
    const drawn = buildLossFigure(lossInput(4));
    for (const overrides of [{ epochRecords: [EPOCH_ONE] }, { logScale: false }, { smoothing: 0.5 }]) {
      expect(traceExtension(drawn, buildLossFigure(lossInput(5, overrides)), TRAIN_TRACES)).toBeNull();
    }
  });

  it('asks for a full redraw when points were replaced or removed (a reset), or none came', () => {
    const drawn = buildLossFigure(lossInput(4));
    expect(traceExtension(drawn, buildLossFigure(lossInput(2)), TRAIN_TRACES)).toBeNull();
    const changed = lossInput(6);
    changed.batchLosses[0] = 7;
    expect(traceExtension(drawn, buildLossFigure(changed), TRAIN_TRACES)).toBeNull();
    expect(traceExtension(drawn, buildLossFigure(lossInput(4)), TRAIN_TRACES)).toBeNull();
    expect(traceExtension(null, drawn, TRAIN_TRACES)).toBeNull();
  });

  it('asks for a full redraw when a trace is hidden or a trace not declared extendable grew', () => {
    const drawn = buildLossFigure(lossInput(4));
    const next = buildLossFigure(lossInput(6));
    const hidden = {
      ...next,
      data: next.data.map((trace, i) => (i === 0 ? { ...trace, visible: false } : trace)),
    };
    expect(traceExtension(drawn, hidden, TRAIN_TRACES)).toBeNull();
    expect(traceExtension(drawn, next, [0])).toBeNull();
  });
});
