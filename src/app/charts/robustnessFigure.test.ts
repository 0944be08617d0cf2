import { describe, expect, it } from 'vitest';
import type { TestTrace } from './testTrace';
import {
  buildRobustnessFigure,
  psnrAtNoiseLevel,
  robustnessPsnrRange,
  robustnessScene,
} from './robustnessFigure';

const curve = { epoch: 3, noiseLevels: [0, 0.5, 1], psnr: [20, 15, 10] };

describe('psnrAtNoiseLevel', () => {
  it('interpolates along the curve', () => {
    expect(psnrAtNoiseLevel(curve, 0.25)).toBeCloseTo(17.5);
    expect(psnrAtNoiseLevel(curve, 1)).toBe(10);
    expect(psnrAtNoiseLevel(null, 0.25)).toBeNull();
    expect(psnrAtNoiseLevel(curve, 1.5)).toBeNull();
  });
});

describe('robustness chart', () => {
  it('frames PSNR on a nice range that a better curve inside it does not change', () => {
    expect(robustnessPsnrRange(curve)).toEqual([10, 20]);
    expect(robustnessPsnrRange({ ...curve, psnr: [19, 16, 11] })).toEqual([10, 20]);
    expect(robustnessPsnrRange(null)).toBeNull();
  });

  it('fixes the axes in the figure, before a curve too; its one trace names the curve, unseen', () => {
    const figure = buildRobustnessFigure([10, 20]);
    expect(figure.layout.yaxis?.range).toEqual([10, 20]);
    expect(figure.layout.xaxis?.range?.[0]).toBeLessThan(0);
    expect(figure.layout.xaxis?.range?.[1]).toBeGreaterThan(1);
    const [line] = figure.data as TestTrace[];
    expect(line.name).toBe('PSNR');
    expect(line.marker?.opacity).toBe(0);
    // A new range changes the ranges alone, so it is drawn as a ticks-only update.
    const before = buildRobustnessFigure(null);
    expect(before.layout.yaxis?.range).toEqual([0, 30]);
    expect(before.data).toEqual(figure.data);
  });

  it('draws the curve and marks the slider level with a line and a point', () => {
    const scene = robustnessScene(curve, 0.25);
    const [line, marker] = scene.series;
    expect(line.x).toEqual([0, 0.5, 1]);
    expect(marker.x).toEqual([0.25]);
    expect(marker.y[0]).toBeCloseTo(17.5);
    expect(scene.verticals?.[0].x).toBe(0.25);
  });

  it('has no curve or point before the first curve, only the slider line', () => {
    const scene = robustnessScene(null, 0.25);
    expect(scene.series.map((series) => series.x)).toEqual([[], []]);
    expect(scene.verticals).toHaveLength(1);
  });
});
