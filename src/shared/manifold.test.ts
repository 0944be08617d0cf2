import { describe, expect, it } from 'vitest';
import { manifoldGridPoints, mosaicPosition, nearestPointIndex, occupiedBounds } from './manifold';

/** Interleaved (x, y) codes. */
const codesOf = (points: [number, number][]): Float32Array => Float32Array.from(points.flat());

describe('occupiedBounds', () => {
  it('spans the data between the quantiles, ignoring far outliers', () => {
    const points: [number, number][] = Array.from({ length: 101 }, (_, i) => [i / 100, -i / 50]);
    points.push([1e6, -1e6], [-1e6, 1e6]);
    const bounds = occupiedBounds(codesOf(points), 0.02, 0.98);
    expect(bounds.xMin).toBeCloseTo(0.0104, 6);
    expect(bounds.xMax).toBeCloseTo(0.9896, 6);
    expect(bounds.yMin).toBeCloseTo(-1.9792, 6);
    expect(bounds.yMax).toBeCloseTo(-0.0208, 6);
  });

  it('gives the full range for quantiles 0 and 1 and interpolates like numpy', () => {
    expect(
      occupiedBounds(
        codesOf([
          [0, 4],
          [10, 2],
          [5, 3],
        ]),
        0,
        1,
      ),
    ).toEqual({
      xMin: 0,
      xMax: 10,
      yMin: 2,
      yMax: 4,
    });
    // numpy.quantile([0, 5, 10], 0.25) == 2.5
    expect(
      occupiedBounds(
        codesOf([
          [0, 0],
          [5, 0],
          [10, 1],
        ]),
        0.25,
        0.75,
      ).xMin,
    ).toBe(2.5);
  });

  it('widens coincident points into a unit box around them', () => {
    expect(
      occupiedBounds(
        codesOf([
          [3, -2],
          [3, -2],
          [3, -2],
        ]),
      ),
    ).toEqual({
      xMin: 2.5,
      xMax: 3.5,
      yMin: -2.5,
      yMax: -1.5,
    });
  });

  it('widens only the degenerate axis', () => {
    const bounds = occupiedBounds(
      codesOf([
        [0, 1],
        [2, 1],
      ]),
      0,
      1,
    );
    expect([bounds.xMin, bounds.xMax, bounds.yMin, bounds.yMax]).toEqual([0, 2, 0.5, 1.5]);
  });

  it('falls back to a default box without finite codes', () => {
    expect(occupiedBounds(new Float32Array(0))).toEqual({ xMin: -1, xMax: 1, yMin: -1, yMax: 1 });
    expect(occupiedBounds(Float32Array.of(NaN, 1, Infinity, 2))).toEqual({
      xMin: -1,
      xMax: 1,
      yMin: -1,
      yMax: 1,
    });
  });

  it('skips codes with a non-finite coordinate', () => {
    const bounds = occupiedBounds(Float32Array.of(0, 0, NaN, 50, 1, 1), 0, 1);
    expect(bounds).toEqual({ xMin: 0, xMax: 1, yMin: 0, yMax: 1 });
  });

  it('rejects quantiles out of order or outside [0, 1]', () => {
    expect(() => occupiedBounds(new Float32Array(2), 0.9, 0.1)).toThrow(RangeError);
    expect(() => occupiedBounds(new Float32Array(2), -0.1, 0.5)).toThrow(RangeError);
    expect(() => occupiedBounds(new Float32Array(2), 0, NaN)).toThrow(RangeError);
  });
});

describe('manifoldGridPoints', () => {
  const bounds = { xMin: 0, xMax: 4, yMin: -2, yMax: 2 };

  it('puts cell centres row-major with the top row at the largest y', () => {
    expect(Array.from(manifoldGridPoints(bounds, 2))).toEqual([1, 1, 3, 1, 1, -1, 3, -1]);
  });

  it('gives one point at the centre for a 1×1 grid', () => {
    expect(Array.from(manifoldGridPoints(bounds, 1))).toEqual([2, 0]);
  });

  it('stays inside the bounds and agrees with mosaicPosition', () => {
    const gridSize = 5;
    const points = manifoldGridPoints(bounds, gridSize);
    expect(points.length).toBe(2 * gridSize * gridSize);
    for (let index = 0; index < gridSize * gridSize; index++) {
      const { row, col } = mosaicPosition(index, gridSize);
      expect(points[2 * index]).toBeCloseTo(bounds.xMin + ((col + 0.5) * 4) / gridSize, 6);
      expect(points[2 * index + 1]).toBeCloseTo(bounds.yMax - ((row + 0.5) * 4) / gridSize, 6);
    }
  });

  it('rejects a grid size that is not a positive integer', () => {
    expect(() => manifoldGridPoints(bounds, 0)).toThrow(RangeError);
    expect(() => manifoldGridPoints(bounds, 2.5)).toThrow(RangeError);
  });
});

describe('mosaicPosition', () => {
  it('maps indices row-major', () => {
    expect(mosaicPosition(0, 3)).toEqual({ row: 0, col: 0 });
    expect(mosaicPosition(5, 3)).toEqual({ row: 1, col: 2 });
    expect(mosaicPosition(8, 3)).toEqual({ row: 2, col: 2 });
  });

  it('rejects indices outside the mosaic', () => {
    expect(() => mosaicPosition(9, 3)).toThrow(RangeError);
    expect(() => mosaicPosition(-1, 3)).toThrow(RangeError);
  });
});

describe('nearestPointIndex', () => {
  const codes = codesOf([
    [0, 0],
    [10, 0],
    [0, 10],
    [5, 5],
  ]);

  it('finds the closest code by Euclidean distance', () => {
    expect(nearestPointIndex(codes, 9, 1)).toBe(1);
    expect(nearestPointIndex(codes, 4, 6)).toBe(3);
    expect(nearestPointIndex(codes, -100, -100)).toBe(0);
  });

  it('takes the first of equally near codes and skips NaN codes', () => {
    expect(
      nearestPointIndex(
        codesOf([
          [1, 0],
          [-1, 0],
        ]),
        0,
        0,
      ),
    ).toBe(0);
    expect(nearestPointIndex(Float32Array.of(NaN, NaN, 3, 3), 0, 0)).toBe(1);
  });

  it('is −1 without codes', () => {
    expect(nearestPointIndex(new Float32Array(0), 0, 0)).toBe(-1);
  });
});
