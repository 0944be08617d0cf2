import { describe, expect, it } from 'vitest';
import { IMAGE_PIXELS } from '../../../shared/dataset';
import { formatLatentCoordinate, manifoldMosaicRgba } from './manifoldMosaic';

describe('manifoldMosaicRgba', () => {
  it('places tile i row-major, row 0 at the top, in grey', () => {
    // 2×2 tiles of constant brightness 0, 0.2, 0.4, 0.6.
    const images = Float32Array.from(
      { length: 4 * IMAGE_PIXELS },
      (_, i) => Math.floor(i / IMAGE_PIXELS) * 0.2,
    );
    const rgba = manifoldMosaicRgba(images, 2);
    const side = 56;
    expect(rgba.length).toBe(side * side * 4);
    const pixel = (x: number, y: number) =>
      Array.from(rgba.subarray((y * side + x) * 4, (y * side + x) * 4 + 4));
    expect(pixel(0, 0)).toEqual([0, 0, 0, 255]);
    expect(pixel(30, 5)).toEqual([51, 51, 51, 255]);
    expect(pixel(5, 30)).toEqual([102, 102, 102, 255]);
    expect(pixel(55, 55)).toEqual([153, 153, 153, 255]);
  });

  it('rejects a mismatched image count', () => {
    expect(() => manifoldMosaicRgba(new Float32Array(IMAGE_PIXELS * 3), 2)).toThrow(RangeError);
  });
});

describe('formatLatentCoordinate', () => {
  it('keeps three significant digits', () => {
    expect(formatLatentCoordinate(-1.23456)).toBe('-1.23');
    expect(formatLatentCoordinate(12.5)).toBe('12.5');
    expect(formatLatentCoordinate(0.000123456)).toBe('0.000123');
  });
});
