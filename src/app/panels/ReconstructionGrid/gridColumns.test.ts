import { describe, expect, it } from 'vitest';
import { IMAGE_PIXELS } from '../../../shared/dataset';
import type { ImageTriplets } from '../../../shared/protocol';
import { FIXED_GRID_INDICES, gridColumns, gridRequest } from './gridColumns';

function triplets(testIndices: number[]): ImageTriplets {
  const filled = (offset: number) =>
    Float32Array.from(
      { length: testIndices.length * IMAGE_PIXELS },
      (_, i) => Math.floor(i / IMAGE_PIXELS) + offset,
    );
  return {
    testIndices,
    noiseLevel: 0.25,
    originals: filled(0),
    noisy: filled(10),
    reconstructions: filled(20),
  };
}

describe('gridColumns', () => {
  it('gives 8 empty columns before the first grid arrives', () => {
    const columns = gridColumns(null);
    expect(columns).toHaveLength(8);
    expect(columns.every((c) => c.testIndex === null && c.original === null)).toBe(true);
  });

  it('pads a short grid and keeps each column’s three images together', () => {
    const columns = gridColumns(triplets([42, 7]));
    expect(columns).toHaveLength(8);
    expect(columns[1].testIndex).toBe(7);
    expect(columns[1].original?.[0]).toBe(1);
    expect(columns[1].noisy?.[0]).toBe(11);
    expect(columns[1].reconstruction?.[IMAGE_PIXELS - 1]).toBe(21);
    expect(columns[2].testIndex).toBeNull();
  });
});

describe('gridRequest', () => {
  it('asks for the first 8 brushed images, or the fixed 0..7 without a brush', () => {
    expect(gridRequest(null)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(gridRequest(null)).toBe(FIXED_GRID_INDICES);
    expect(gridRequest([3, 9, 11])).toEqual([3, 9, 11]);
    expect(gridRequest(Array.from({ length: 20 }, (_, i) => 100 + i))).toHaveLength(8);
  });
});
