import { describe, expect, it } from 'vitest';
import { IMAGE_PIXELS } from './dataset';
import { absoluteErrorMap, imageAt, maxValue } from './imageMath';

/** Two images: image k has every pixel equal to value(k, pixel). */
function batch(value: (image: number, pixel: number) => number): Float32Array {
  return Float32Array.from({ length: 2 * IMAGE_PIXELS }, (_, i) =>
    value(Math.floor(i / IMAGE_PIXELS), i % IMAGE_PIXELS),
  );
}

describe('imageAt', () => {
  it('is a 784-pixel view into the batch, not a copy', () => {
    const images = batch((image) => image);
    const second = imageAt(images, 1);
    expect(second.length).toBe(IMAGE_PIXELS);
    expect(second.every((pixel) => pixel === 1)).toBe(true);
    second[0] = 7;
    expect(images[IMAGE_PIXELS]).toBe(7);
  });

  it('rejects indices outside the batch', () => {
    const images = batch(() => 0);
    expect(() => imageAt(images, 2)).toThrow(RangeError);
    expect(() => imageAt(images, -1)).toThrow(RangeError);
    expect(() => imageAt(images, 0.5)).toThrow(RangeError);
    expect(() => imageAt(new Float32Array(IMAGE_PIXELS - 1), 0)).toThrow(RangeError);
  });
});

describe('absoluteErrorMap', () => {
  it('is |original − reconstruction| per pixel of the chosen image', () => {
    const original = batch((image, pixel) => (image === 1 ? pixel / IMAGE_PIXELS : 0));
    const reconstruction = batch((image) => (image === 1 ? 0.5 : 9));
    const errors = absoluteErrorMap(original, reconstruction, 1);
    expect(errors.length).toBe(IMAGE_PIXELS);
    errors.forEach((error, pixel) => expect(error).toBeCloseTo(Math.abs(pixel / IMAGE_PIXELS - 0.5), 6));
  });

  it('defaults to the first image and is zero for identical images', () => {
    const images = batch((image, pixel) => image + pixel);
    expect(maxValue(absoluteErrorMap(images, images))).toBe(0);
  });

  it('rejects an offset past either batch', () => {
    expect(() =>
      absoluteErrorMap(
        batch(() => 0),
        new Float32Array(IMAGE_PIXELS),
        1,
      ),
    ).toThrow(RangeError);
  });
});

describe('maxValue', () => {
  it('finds the largest value, negatives included', () => {
    expect(maxValue(Float32Array.of(0.25, 0.75, 0.5))).toBe(0.75);
    expect(maxValue(Float32Array.of(-3, -2))).toBe(-2);
  });

  it('ignores non-finite values and is 0 when nothing is left', () => {
    expect(maxValue(Float32Array.of(NaN, 0.5, Infinity))).toBe(0.5);
    expect(maxValue(new Float32Array(0))).toBe(0);
    expect(maxValue(Float32Array.of(NaN))).toBe(0);
  });
});
