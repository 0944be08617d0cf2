import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../shared/config';
import type { KeptRunSummary } from '../../shared/runs';
import { CURRENT_RUN_ID } from '../../shared/runs';
import { usePlayground } from './index';

beforeEach(() => usePlayground.setState(usePlayground.getInitialState(), true));

const summary = (runId: string, keptAtMs: number): KeptRunSummary => ({
  runId,
  name: runId,
  keptAtMs,
  config: DEFAULT_CONFIG,
  latentDimensions: 2,
  epochsTrained: 1,
  bestEpoch: 1,
  curves: { epochs: [1], trainLoss: [0.1], validationLoss: [0.1], psnrEpochs: [], psnr: [] },
  metrics: null,
});

describe('kept runs in the store', () => {
  it('adds rows in kept order, scores them, and drops a deleted run from the comparison', () => {
    const store = usePlayground.getState();
    store.applyEvents([
      { type: 'keptRunsLoaded', runs: [summary('b', 2), summary('a', 1)] },
      { type: 'runKept', run: summary('c', 3) },
    ]);
    expect(usePlayground.getState().keptRuns.map((run) => run.runId)).toEqual(['a', 'b', 'c']);
    const metrics = {
      noise: { type: 'masking', level: 0.5 },
      mse: 0.1,
      psnr: 10,
      ssim: 0.3,
      testCount: 8,
    } as const;
    store.applyEvents([{ type: 'keptRunEvaluated', runId: 'b', metrics }]);
    expect(usePlayground.getState().keptRuns[1].metrics).toEqual(metrics);

    store.setComparedRuns(['b', CURRENT_RUN_ID, 'c']);
    expect(usePlayground.getState().viewRequest.comparedRuns).toEqual(['b', CURRENT_RUN_ID]);
    store.applyEvents([{ type: 'keptRunDeleted', runId: 'b' }]);
    expect(usePlayground.getState().keptRuns.map((run) => run.runId)).toEqual(['a', 'c']);
    expect(usePlayground.getState().viewRequest.comparedRuns).toEqual([CURRENT_RUN_ID]);
  });

  it('puts the table’s evaluation noise in the view request', () => {
    usePlayground.getState().setRunsNoise({ type: 'salt-and-pepper', level: 0.4 });
    expect(usePlayground.getState().viewRequest.runsNoise).toEqual({ type: 'salt-and-pepper', level: 0.4 });
  });
});
