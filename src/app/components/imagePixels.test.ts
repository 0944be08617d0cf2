import { describe, expect, it } from 'vitest';
import { IMAGE_PIXELS } from '../../shared/dataset';
import { heatColor, toRgba } from './imagePixels';

const image = (value: number) => new Float32Array(IMAGE_PIXELS).fill(value);
const firstPixel = (rgba: Uint8ClampedArray) => Array.from(rgba.subarray(0, 4));

describe('toRgba', () => {
  it('draws grey levels, opaque', () => {
    expect(firstPixel(toRgba(image(0.2), 'grey'))).toEqual([51, 51, 51, 255]);
    expect(toRgba(image(1), 'grey').every((byte) => byte === 255)).toBe(true);
  });

  it('maps heat values through the shared scale, within a level of heatColor', () => {
    for (const value of [0, 0.1, 0.37, 0.5, 0.92, 1]) {
      const [r, g, b] = firstPixel(toRgba(image(value * 0.5), 'heat', 0.5));
      const expected = heatColor(value);
      expect(Math.abs(r - expected[0])).toBeLessThanOrEqual(2);
      expect(Math.abs(g - expected[1])).toBeLessThanOrEqual(2);
      expect(Math.abs(b - expected[2])).toBeLessThanOrEqual(2);
    }
  });

  it('clamps values outside the scale and NaN to its ends', () => {
    expect(firstPixel(toRgba(image(3), 'heat'))).toEqual([252, 255, 164, 255]);
    expect(firstPixel(toRgba(image(-1), 'heat'))).toEqual([0, 0, 4, 255]);
    expect(firstPixel(toRgba(image(NaN), 'heat'))).toEqual([0, 0, 4, 255]);
  });
});
