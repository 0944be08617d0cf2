import { describe, expect, it } from 'vitest';
import { niceCeil, niceFloor, niceRange } from './niceValues';

describe('nice values', () => {
  it('rounds out to 1, 1.5, 2, 3, 5, 7 × 10^k and keeps values that are nice already', () => {
    expect(niceCeil(0.21)).toBeCloseTo(0.3);
    expect(niceCeil(468)).toBe(500);
    expect(niceCeil(1000)).toBe(1000);
    expect(niceCeil(7.5)).toBe(10);
    expect(niceFloor(0.0466)).toBeCloseTo(0.03);
    expect(niceFloor(0.05)).toBeCloseTo(0.05);
    expect(niceFloor(1.4)).toBe(1);
  });
});

describe('niceRange', () => {
  it('rounds the data out to nice values either side', () => {
    expect(niceRange([[12.3, 21.7], [Number.NaN]])).toEqual([10, 30]);
    expect(niceRange([[0.21, 0.86]])).toEqual([expect.closeTo(0.2, 12), 1]);
    expect(niceRange([[-0.04, 0.5]])).toEqual([expect.closeTo(-0.05, 12), 0.5]);
    expect(niceRange([[-3, -0.4]])).toEqual([-3, expect.closeTo(-0.3, 12)]);
  });

  it('holds while the data moves inside it, so the chart keeps its frame', () => {
    expect(niceRange([[12.3, 24.9]])).toEqual(niceRange([[12.3, 21.7]]));
    expect(niceRange([[12.3, 30.2]])).toEqual([10, 50]);
  });

  it('gives a constant room either side instead of its rounding noise', () => {
    expect(niceRange([[7.7592692, 7.7592696]])).toEqual([7, 10]);
    expect(niceRange([[10, 10]])).toEqual([5, 15]);
    expect(niceRange([[0]])).toEqual([-1, 1]);
  });

  it('is null without a finite value', () => {
    expect(niceRange([[], [Number.POSITIVE_INFINITY]])).toBeNull();
  });
});
