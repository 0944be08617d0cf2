import { describe, expect, it } from 'vitest';
import { IMAGE_PIXELS } from '../../../shared/dataset';
import type { ImageTriplets } from '../../../shared/protocol';
import { colorBarTicks, errorMapsOf, errorScaleMax, heatGradientCss } from './errorScale';

function constantImages(values: number[]): Float32Array {
  return Float32Array.from(
    { length: values.length * IMAGE_PIXELS },
    (_, i) => values[Math.floor(i / IMAGE_PIXELS)],
  );
}

describe('errorMapsOf', () => {
  it('maps |original − reconstruction| for the first 6 grid images', () => {
    const indices = [0, 1, 2, 3, 4, 5, 6, 7];
    const grid: ImageTriplets = {
      testIndices: indices,
      noiseLevels: indices.map(() => 0.25),
      originals: constantImages(indices.map(() => 0.5)),
      noisy: constantImages(indices.map(() => 0)),
      reconstructions: constantImages(indices.map((i) => i / 10)),
    };
    const maps = errorMapsOf(grid);
    expect(maps).toHaveLength(6);
    expect(maps[5].testIndex).toBe(5);
    expect(maps[0].errorMap[0]).toBeCloseTo(0.5);
    expect(maps[5].errorMap[100]).toBeCloseTo(0);
    expect(maps[2].original[0]).toBe(0.5);
    expect(errorMapsOf(null)).toEqual([]);
  });
});

describe('errorScaleMax', () => {
  const maps = [Float32Array.from([0.1, 0.3]), Float32Array.from([0.05, 0.2])];
  it('shares the largest error over all maps', () => {
    expect(errorScaleMax(maps, 'shared-max')).toBeCloseTo(0.3);
  });
  it('is 1 when fixed, and 1 rather than 0 for perfect reconstructions', () => {
    expect(errorScaleMax(maps, 'fixed')).toBe(1);
    expect(errorScaleMax([new Float32Array(4)], 'shared-max')).toBe(1);
    expect(errorScaleMax([], 'shared-max')).toBe(1);
  });
});

describe('colorBarTicks', () => {
  it('spans 0 to the scale top, bottom to top', () => {
    const ticks = colorBarTicks(1);
    expect(ticks.map((t) => t.label)).toEqual(['0', '0.25', '0.5', '0.75', '1']);
    expect(ticks[0].fraction).toBe(0);
    expect(ticks[4].fraction).toBe(1);
  });
  it('labels a small top with enough digits to tell the ticks apart', () => {
    expect(colorBarTicks(0.734).map((t) => t.label)).toEqual(['0', '0.18', '0.37', '0.55', '0.73']);
    const labels = colorBarTicks(0.012).map((t) => t.label);
    expect(new Set(labels).size).toBe(5);
  });
  it('rejects a zero scale', () => {
    expect(() => colorBarTicks(0)).toThrow(RangeError);
  });
});

describe('heatGradientCss', () => {
  it('runs from the dark end at the bottom to the bright end at the top', () => {
    const css = heatGradientCss(3);
    expect(css.startsWith('linear-gradient(to top, rgb(0, 0, 4) 0%')).toBe(true);
    expect(css.endsWith('rgb(252, 255, 164) 100%)')).toBe(true);
  });
});
