import { describe, expect, it } from 'vitest';
import {
  DEFAULT_VIEW_REQUEST,
  FIXED_GRID_INDICES,
  gridTestIndicesOf,
  usableViewRequest,
} from './viewRequest';

describe('gridTestIndicesOf', () => {
  it('asks for the first 8 brushed images, or the fixed 0..7 without a brush', () => {
    expect(gridTestIndicesOf(null)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(gridTestIndicesOf(null)).toBe(FIXED_GRID_INDICES);
    expect(gridTestIndicesOf([3, 9, 11])).toEqual([3, 9, 11]);
    expect(gridTestIndicesOf(Array.from({ length: 20 }, (_, i) => 100 + i))).toHaveLength(8);
  });
});

describe('usableViewRequest', () => {
  it('keeps a usable request as it is', () => {
    expect(usableViewRequest(DEFAULT_VIEW_REQUEST)).toEqual(DEFAULT_VIEW_REQUEST);
  });

  it('clamps levels, bounds the grid and manifold, and drops a point that is not finite', () => {
    const usable = usableViewRequest({
      ...DEFAULT_VIEW_REQUEST,
      gridTestIndices: [1.5, ...Array.from({ length: 12 }, (_, i) => i)],
      evalNoiseLevel: 4,
      latentPoint: { x: NaN, y: 0 },
      manifoldGridSize: 1000,
      stripNoiseLevels: [-1, 0.5, Infinity],
      comparedRuns: ['a', 'a', 'b', 'c'],
      runsNoise: { type: 'masking', level: 2 },
    });
    expect(usable).toMatchObject({
      gridTestIndices: [0, 1, 2, 3, 4, 5, 6, 7],
      evalNoiseLevel: 1,
      latentPoint: null,
      manifoldGridSize: 30,
      stripNoiseLevels: [0, 0.5],
      comparedRuns: ['a', 'b'],
      runsNoise: { type: 'masking', level: 1 },
    });
    expect(usableViewRequest({ ...DEFAULT_VIEW_REQUEST, evalNoiseLevel: NaN }).evalNoiseLevel).toBe(0.25);
  });
});
