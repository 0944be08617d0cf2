import { describe, expect, it } from 'vitest';
import { dataLoadProgress, epochProgress, formatDuration } from './progress';

describe('progress and ETA', () => {
  it('extrapolates the epoch from the mean step time', () => {
    expect(epochProgress(10, 40, 5000)).toEqual({ fraction: 0.25, etaMs: 15000 });
    expect(epochProgress(0, 40, 0)).toEqual({ fraction: 0, etaMs: null });
  });

  it('counts files not yet started so the bar never goes back', () => {
    const one = dataLoadProgress({ a: { loadedBytes: 50, totalBytes: 100 } }, 1000);
    expect(one.fraction).toBeCloseTo(50 / 400);
    const done = dataLoadProgress(
      Object.fromEntries(['a', 'b', 'c', 'd'].map((f) => [f, { loadedBytes: 100, totalBytes: 100 }])),
      1000,
    );
    expect(done).toEqual({ fraction: 1, etaMs: 0 });
  });

  it('formats durations for people', () => {
    expect(formatDuration(null)).toBe('…');
    expect(formatDuration(4200)).toBe('4 s');
    expect(formatDuration(125_000)).toBe('2 min 5 s');
  });
});
