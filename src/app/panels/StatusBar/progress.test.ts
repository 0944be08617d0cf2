import { describe, expect, it } from 'vitest';
import type { FileProgress } from '../../store/runSlice';
import { dataLoadProgress, epochBar, epochProgress, formatDuration, type EpochBarInput } from './progress';

/** The bar's fraction after each `dataLoadProgressed` event, applied as the store applies them. */
function fractionsAfterEach(events: [string, number, number | null][]): number[] {
  const files: Record<string, FileProgress> = {};
  return events.map(([file, loadedBytes, totalBytes]) => {
    files[file] = { loadedBytes, totalBytes };
    return dataLoadProgress(files, 1000).fraction;
  });
}

describe('progress and ETA', () => {
  it('extrapolates the epoch from the mean step time', () => {
    expect(epochProgress(10, 40, 5000)).toEqual({ fraction: 0.25, etaMs: 15000 });
    expect(epochProgress(0, 40, 0)).toEqual({ fraction: 0, etaMs: null });
  });

  it('never goes back while the four files arrive, their sizes known one by one', () => {
    // Fashion-MNIST as served here: the labels answer first, then each images file says its size.
    const sizes = {
      'train-images-idx3-ubyte.gz': 26_421_856,
      'train-labels-idx1-ubyte.gz': 29_491,
      't10k-images-idx3-ubyte.gz': 4_422_079,
      't10k-labels-idx1-ubyte.gz': 5_125,
    };
    const events: [keyof typeof sizes, number][] = [
      ['train-labels-idx1-ubyte.gz', 0],
      ['t10k-labels-idx1-ubyte.gz', 0],
      ['train-labels-idx1-ubyte.gz', 29_491],
      ['t10k-labels-idx1-ubyte.gz', 5_125],
      ['train-images-idx3-ubyte.gz', 0],
      ['t10k-images-idx3-ubyte.gz', 0],
      ...[1, 2, 3, 4].flatMap((quarter): [keyof typeof sizes, number][] => [
        ['t10k-images-idx3-ubyte.gz', Math.round((4_422_079 * quarter) / 4)],
        ['train-images-idx3-ubyte.gz', Math.round((26_421_856 * quarter) / 4)],
      ]),
    ];
    const fractions = fractionsAfterEach(
      events.map(([file, loadedBytes]) => [file, loadedBytes, sizes[file]]),
    );
    fractions.forEach((fraction, i) => expect(fraction).toBeGreaterThanOrEqual(fractions[i - 1] ?? 0));
    expect(fractions[3]).toBeGreaterThan(0);
    expect(fractions.at(-1)).toBe(1);
  });

  it('never goes back when the browser inflates the files and sends no sizes', () => {
    const events: [string, number, null][] = [
      ['t10k-labels-idx1-ubyte.gz', 10_008, null],
      ['train-labels-idx1-ubyte.gz', 60_008, null],
      ['t10k-images-idx3-ubyte.gz', 7_840_016, null],
      ['train-images-idx3-ubyte.gz', 20_000_000, null],
      ['train-images-idx3-ubyte.gz', 47_040_016, null],
    ];
    const fractions = fractionsAfterEach(events);
    fractions.forEach((fraction, i) => expect(fraction).toBeGreaterThanOrEqual(fractions[i - 1] ?? 0));
    expect(fractions.at(-1)).toBe(1);
    expect(dataLoadProgress({}, 1000)).toEqual({ fraction: 0, etaMs: null });
  });

  it('shows the epoch bar only while an epoch is under way', () => {
    const midRun: EpochBarInput = {
      status: 'training',
      epoch: 2,
      step: 80,
      stepInEpoch: 16,
      stepsPerEpoch: 32,
      epochElapsedMs: 4000,
    };
    expect(epochBar(midRun)).toEqual({ label: 'epoch 3: 16/32', progress: { fraction: 0.5, etaMs: 4000 } });
    expect(epochBar({ ...midRun, status: 'paused' })?.label).toBe('epoch 3: 16/32');
    expect(epochBar({ ...midRun, status: 'idle' })?.label).toBe('epoch 3: 16/32');
    // After the last epoch the counters point at an epoch that will never run.
    expect(epochBar({ ...midRun, status: 'done', epoch: 3, step: 96, stepInEpoch: 0 })).toBeNull();
    expect(epochBar({ ...midRun, status: 'idle', epoch: 0, step: 0, stepInEpoch: 0 })).toBeNull();
    expect(epochBar({ ...midRun, status: 'loading' })).toBeNull();
    expect(epochBar({ ...midRun, stepsPerEpoch: 0 })).toBeNull();
  });

  it('formats durations for people', () => {
    expect(formatDuration(null)).toBe('…');
    expect(formatDuration(4200)).toBe('4 s');
    expect(formatDuration(125_000)).toBe('2 min 5 s');
  });
});
