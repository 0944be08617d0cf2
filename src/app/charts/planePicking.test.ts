import { describe, expect, it } from 'vitest';
import {
  currentAxisRanges,
  isDragRelease,
  isRepeatedClick,
  nearestAscendingIndex,
  planePointAt,
} from './planePicking';

describe('planePointAt', () => {
  it('maps the plot area corners and centre to the axis ranges, y up', () => {
    expect(planePointAt(0, 0, [-2, 2], [-1, 3])).toEqual({ x: -2, y: 3 });
    expect(planePointAt(1, 1, [-2, 2], [-1, 3])).toEqual({ x: 2, y: -1 });
    expect(planePointAt(0.5, 0.25, [-2, 2], [-1, 3])).toEqual({ x: 0, y: 2 });
  });
});

describe('currentAxisRanges', () => {
  it('reads the drawn ranges from _fullLayout', () => {
    const element = { _fullLayout: { xaxis: { range: [-1, 2] }, yaxis: { range: [0, 5] } } };
    expect(currentAxisRanges(element)).toEqual({ x: [-1, 2], y: [0, 5] });
  });

  it('is null before the plot is drawn or with odd ranges', () => {
    expect(currentAxisRanges({})).toBeNull();
    expect(currentAxisRanges(null)).toBeNull();
    expect(
      currentAxisRanges({ _fullLayout: { xaxis: { range: ['a', 1] }, yaxis: { range: [0, 1] } } }),
    ).toBeNull();
  });
});

describe('isRepeatedClick', () => {
  const click = { clientX: 10, clientY: 20, timeMs: 1000 };
  it('treats the same position within the window as one click', () => {
    expect(isRepeatedClick(click, { ...click, timeMs: 1005 })).toBe(true);
    expect(isRepeatedClick(click, { ...click, timeMs: 1400 })).toBe(false);
    expect(isRepeatedClick(click, { ...click, clientX: 11, timeMs: 1005 })).toBe(false);
    expect(isRepeatedClick(null, click)).toBe(false);
  });
});

describe('isDragRelease', () => {
  it('tells a drag’s release from a click', () => {
    expect(isDragRelease({ clientX: 10, clientY: 10 }, { clientX: 12, clientY: 11 })).toBe(false);
    expect(isDragRelease({ clientX: 10, clientY: 10 }, { clientX: 40, clientY: 10 })).toBe(true);
    expect(isDragRelease(null, { clientX: 40, clientY: 10 })).toBe(false);
  });
});

describe('nearestAscendingIndex', () => {
  it('finds the nearest value in ascending values', () => {
    expect(nearestAscendingIndex([10, 20, 30], 24)).toBe(1);
    expect(nearestAscendingIndex([10, 20, 30], 26)).toBe(2);
    expect(nearestAscendingIndex([10, 20, 30], -5)).toBe(0);
    expect(nearestAscendingIndex([10, 20, 30], 99)).toBe(2);
    expect(nearestAscendingIndex([], 5)).toBe(-1);
    expect(nearestAscendingIndex([1], NaN)).toBe(-1);
  });
});
