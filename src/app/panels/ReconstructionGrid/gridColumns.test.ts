import { describe, expect, it } from 'vitest';
import { IMAGE_PIXELS } from '../../../shared/dataset';
import type { ImageTriplets } from '../../../shared/protocol';
import { gridColumns } from './gridColumns';

function triplets(testIndices: number[]): ImageTriplets {
  const filled = (offset: number) =>
    Float32Array.from(
      { length: testIndices.length * IMAGE_PIXELS },
      (_, i) => Math.floor(i / IMAGE_PIXELS) + offset,
    );
  return {
    testIndices,
    noiseLevels: testIndices.map(() => 0.25),
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
