import { describe, expect, it } from 'vitest';
import { lossAxesBox } from './lossAxes';

describe('lossAxesBox', () => {
  it('frames the steps from 0 and the losses between nice values on a log axis', () => {
    expect(lossAxesBox(468, [[0.25, 0.08, 0.06], [0.055]], true)).toEqual({
      xMax: 500,
      yMin: expect.closeTo(0.05, 12),
      yMax: expect.closeTo(0.3, 12),
    });
  });

  it('stays the same box while the run moves inside it, so the chart is not redrawn', () => {
    const early = lossAxesBox(160, [[0.25, 0.06]], true);
    expect(lossAxesBox(190, [[0.25, 0.06, 0.052]], true)).toEqual(early);
    expect(lossAxesBox(201, [[0.25, 0.06]], true)?.xMax).toBe(300);
    expect(lossAxesBox(190, [[0.25, 0.049]], true)?.yMin).toBeCloseTo(0.03);
  });

  it('skips what an axis cannot show and starts a linear axis at 0 unless a loss is negative', () => {
    expect(lossAxesBox(3, [[NaN, 0, -1, 0.4]], true)).toEqual({
      xMax: 10,
      yMin: expect.closeTo(0.3, 12),
      yMax: expect.closeTo(0.5, 12),
    });
    expect(lossAxesBox(3, [[0.4, 0.1]], false)).toEqual({ xMax: 10, yMin: 0, yMax: expect.closeTo(0.5, 12) });
    expect(lossAxesBox(3, [[-0.2, 0.1]], false)).toEqual({
      xMax: 10,
      yMin: expect.closeTo(-0.2, 12),
      yMax: expect.closeTo(0.1, 12),
    });
    expect(lossAxesBox(3, [[0, 0]], false)).toEqual({ xMax: 10, yMin: 0, yMax: 1 });
    expect(lossAxesBox(3, [[NaN], []], true)).toBeNull();
  });
});
