import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../shared/config';
import type { EpochRecord } from '../../../shared/protocol';
import type { KeptRunSummary } from '../../../shared/runs';
import { curvesOf, isAlreadyKept, nextRunName } from './keptRunInput';

const record = (epoch: number, validationLoss: number): EpochRecord => ({
  epoch,
  step: epoch * 10,
  trainLoss: validationLoss + 0.01,
  validationLoss,
  learningRate: 1e-3,
  learningRateDropped: false,
  isBest: true,
  epochElapsedMs: 100,
});
const records = [record(1, 0.05), record(2, 0.04)];
const config = { ...DEFAULT_CONFIG, preset: 'dense-3' as const };
const kept = (name: string, overrides: Partial<KeptRunSummary> = {}): KeptRunSummary => ({
  runId: name,
  name,
  keptAtMs: 1,
  config,
  latentDimensions: 30,
  epochsTrained: 2,
  bestEpoch: 2,
  curves: curvesOf(records, []),
  metrics: null,
  ...overrides,
});

describe('keeping the current run', () => {
  it('knows the run as it stands is kept, and that one more epoch or other settings make a new run', () => {
    expect(isAlreadyKept([], config, records)).toBe(false);
    expect(isAlreadyKept([kept('Run 1')], config, records)).toBe(true);
    expect(isAlreadyKept([kept('Run 1')], config, [...records, record(3, 0.035)])).toBe(false);
    expect(isAlreadyKept([kept('Run 1')], { ...config, seed: 2 }, records)).toBe(false);
    expect(isAlreadyKept([kept('Run 1')], config, [record(1, 0.05), record(2, 0.039)])).toBe(false);
  });

  it('names a run one past the highest "Run N" kept', () => {
    expect(nextRunName([])).toBe('Run 1');
    expect(nextRunName([kept('Run 1'), kept('Run 4'), kept('latent sweep 15')])).toBe('Run 5');
  });
});
