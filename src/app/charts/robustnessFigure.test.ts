import { describe, expect, it } from 'vitest';
import type { TestTrace } from './testTrace';
import { buildRobustnessFigure, psnrAtNoiseLevel } from './robustnessFigure';

const curve = { epoch: 3, noiseLevels: [0, 0.5, 1], psnr: [20, 15, 10] };

describe('psnrAtNoiseLevel', () => {
  it('interpolates along the curve', () => {
    expect(psnrAtNoiseLevel(curve, 0.25)).toBeCloseTo(17.5);
    expect(psnrAtNoiseLevel(curve, 1)).toBe(10);
    expect(psnrAtNoiseLevel(null, 0.25)).toBeNull();
    expect(psnrAtNoiseLevel(curve, 1.5)).toBeNull();
  });
});

describe('buildRobustnessFigure', () => {
  it('draws the curve and marks the slider level with a line and a point', () => {
    const figure = buildRobustnessFigure(curve, 0.25);
    const [line, marker] = figure.data as TestTrace[];
    expect(line.x).toEqual([0, 0.5, 1]);
    expect(marker.x).toEqual([0.25]);
    expect(marker.y?.[0]).toBeCloseTo(17.5);
    expect(figure.layout.shapes?.[0].x0).toBe(0.25);
  });

  it('is empty before the first curve', () => {
    const [line, marker] = buildRobustnessFigure(null, 0.25).data as TestTrace[];
    expect(line.x).toEqual([]);
    expect(marker.x).toEqual([]);
  });
});
