import { describe, expect, it } from 'vitest';
import type { EpochRecord } from '../store/lossSlice';
import { recordingCanvas } from './canvasStub';
import {
  BEST_COLOR,
  bestRecord,
  drawEpochMarks,
  LR_DROP_COLOR,
  VALIDATION_COLOR,
  type EpochMarks,
} from './drawEpochMarks';
import type { PlaneView } from './latentPlane';

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

// Steps 0..40 across 100 px; a log axis from 0.01 to 1 (Plotly keeps log ranges in powers of ten).
const view: PlaneView = { x: [0, 40], y: [-2, 0], left: 0, top: 0, width: 100, height: 100 };
const records = [record(1, 0.1), record(2, 0.01), record(3, 0.05, true)];
const marks = (change: Partial<EpochMarks> = {}): EpochMarks => ({
  records,
  showValidation: true,
  showBest: true,
  logScale: true,
  ...change,
});

describe('drawEpochMarks', () => {
  it('draws a marker per epoch where its validation loss lies, and the best checkpoint as a star', () => {
    const { context, fills } = recordingCanvas();
    expect(drawEpochMarks(context, marks(), view)).toBe(3);
    const markers = fills.filter((fill) => fill.color === VALIDATION_COLOR).map((fill) => fill.points[0]);
    expect(markers).toEqual([
      [25, 50],
      [50, 100],
      [75, expect.closeTo((100 * -Math.log10(0.05)) / 2, 6)],
    ]);
    const star = fills.find((fill) => fill.color === BEST_COLOR);
    expect(star?.points).toHaveLength(10);
    // The star's top point lies straight above epoch 2's marker, its best.
    expect(star?.points[0][0]).toBeCloseTo(50);
    expect(star?.points[0][1]).toBeLessThan(100);
  });

  it('labels each learning-rate drop at its step', () => {
    const { context, texts } = recordingCanvas();
    drawEpochMarks(context, marks(), view);
    expect(texts).toEqual([{ text: 'lr→5.0e-4', x: 78, y: 2, color: LR_DROP_COLOR }]);
  });

  it('leaves out what the legend hides, and a loss the log axis cannot show', () => {
    const { context, fills } = recordingCanvas();
    expect(drawEpochMarks(context, marks({ showValidation: false, showBest: false }), view)).toBe(0);
    expect(fills).toHaveLength(0);
    const withZero = marks({ records: [record(1, 0), record(2, 0.1)], showBest: false });
    expect(drawEpochMarks(context, withZero, view)).toBe(1);
  });

  it('finds the best record, the first of equals', () => {
    expect(bestRecord([])).toBeNull();
    expect(bestRecord([record(1, 0.2), record(2, 0.1), record(3, 0.1)])?.epoch).toBe(2);
  });
});
