import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../shared/config';
import type { EpochRecord, WorkerEvent } from '../../shared/protocol';
import { applyWorkerEvents } from './applyWorkerEvents';
import { usePlayground, type PlaygroundState } from './index';

/** Feeds batches of events through the reducer as the store does: one patch a batch. */
function feed(...batches: WorkerEvent[][]): PlaygroundState {
  return batches.reduce(
    (state, events) => ({ ...state, ...applyWorkerEvents(state, events) }),
    usePlayground.getInitialState(),
  );
}

const batches = (steps: number[], numTensors = 100): WorkerEvent => ({
  type: 'batchesTrained',
  epoch: 0,
  stepInEpoch: steps.at(-1) ?? 0,
  stepsPerEpoch: 4,
  losses: steps.map((step) => ({ step, loss: 1 / step })),
  learningRate: 1e-3,
  numTensors,
  epochElapsedMs: 10 * steps.length,
});

const record: EpochRecord = {
  epoch: 1,
  step: 4,
  trainLoss: 0.08,
  validationLoss: 0.07,
  learningRate: 1e-3,
  learningRateDropped: false,
  isBest: true,
  epochElapsedMs: 400,
};

const metrics = (epoch: number, mse: number): WorkerEvent => ({
  type: 'metricsComputed',
  epoch,
  mse,
  psnr: 15,
  ssim: 0.4,
  ssimGlobal: 0.5,
});

const runReset = (numTensors: number): WorkerEvent => ({
  type: 'runReset',
  config: { ...DEFAULT_CONFIG, learningRate: 0.002, epochs: 3 },
  trainStep: 'tfjs',
  trainStepReason: 'not on WebGPU',
  numTensors,
});

describe('applyWorkerEvents', () => {
  it('appends batches within a frame and across frames', () => {
    const state = feed([batches([1, 2]), batches([3])], [batches([4], 120)]);
    expect(state.batchSteps).toEqual([1, 2, 3, 4]);
    expect(state.batchLosses).toEqual([1, 1 / 2, 1 / 3, 1 / 4]);
    expect(state).toMatchObject({ step: 4, stepInEpoch: 4, stepsPerEpoch: 4, numTensors: 120 });
    expect(feed([batches([1, 2])], [batches([])]).step).toBe(2);
  });

  it('records a finished epoch without its tensor count and restarts the epoch counters', () => {
    const state = feed([batches([1, 2, 3, 4]), { type: 'epochEnded', numTensors: 130, ...record }]);
    expect(state.epochRecords).toEqual([record]);
    expect(state).toMatchObject({ epoch: 1, step: 4, stepInEpoch: 0, epochElapsedMs: 0, numTensors: 130 });
  });

  it('replaces the metrics of an epoch computed again and keeps the others', () => {
    const state = feed([metrics(1, 0.05), metrics(2, 0.04)], [metrics(1, 0.03)]);
    expect(state.metricsHistory.map((m) => [m.epoch, m.mse])).toEqual([
      [2, 0.04],
      [1, 0.03],
    ]);
  });

  it('clears the old run on reset and takes the new run’s step kind and tensor count', () => {
    const trained = feed(
      [batches([1, 2, 3, 4]), { type: 'epochEnded', numTensors: 130, ...record }, metrics(1, 0.05)],
      [{ type: 'failed', message: 'boom' }],
    );
    expect(trained.errorMessage).toBe('boom');
    const state = { ...trained, ...applyWorkerEvents(trained, [runReset(90)]) };
    expect(state).toMatchObject({
      batchSteps: [],
      batchLosses: [],
      epochRecords: [],
      metricsHistory: [],
      epoch: 0,
      step: 0,
      stepInEpoch: 0,
      errorMessage: null,
      trainStep: 'tfjs',
      trainStepReason: 'not on WebGPU',
      numTensors: 90,
      learningRate: 0.002,
    });
    expect(state.runConfig.epochs).toBe(3);
  });

  it('keeps the decoded point through a reset: the worker decodes it again for the new model', () => {
    const decoded: WorkerEvent = { type: 'latentDecoded', x: 1, y: 2, image: new Float32Array(784) };
    expect(feed([decoded], [runReset(90)]).decodedPoint).toMatchObject({ x: 1, y: 2 });
  });

  it('keeps the batches that follow a reset in the same frame', () => {
    expect(feed([batches([1, 2]), runReset(90), batches([1])]).batchSteps).toEqual([1]);
  });

  it('shows a failure as an error and a failed status', () => {
    const state = feed([
      { type: 'failed', message: 'The training worker crashed' },
      { type: 'statusChanged', status: 'failed' },
    ]);
    expect(state).toMatchObject({ errorMessage: 'The training worker crashed', status: 'failed' });
  });

  it('adds a warning naming the restored checkpoint, after the earlier ones', () => {
    const state = feed(
      [{ type: 'bestRestored', epoch: 1, validationLoss: 0.06 }],
      [{ type: 'bestRestored', epoch: 2, validationLoss: 0.05 }],
    );
    expect(state.warnings.slice(-2)).toEqual([
      'Restored the best checkpoint (epoch 1, validation loss 0.0600).',
      'Restored the best checkpoint (epoch 2, validation loss 0.0500).',
    ]);
  });

  it('marks the views as the restored checkpoint’s, keeps the epoch history, and unmarks them on training', () => {
    const trained = feed([
      batches([1, 2, 3, 4]),
      { type: 'epochEnded', numTensors: 130, ...record },
      metrics(1, 0.05),
    ]);
    const restored = feed(
      [batches([1, 2, 3, 4]), { type: 'epochEnded', numTensors: 130, ...record }, metrics(1, 0.05)],
      [{ type: 'bestRestored', epoch: 1, validationLoss: 0.07 }],
    );
    expect(restored.restoredEpoch).toBe(1);
    expect(restored.epochRecords).toEqual(trained.epochRecords);
    expect(restored.metricsHistory).toEqual(trained.metricsHistory);
    expect(restored.epoch).toBe(1);
    expect({ ...restored, ...applyWorkerEvents(restored, [batches([5])]) }.restoredEpoch).toBeNull();
    expect({ ...restored, ...applyWorkerEvents(restored, [runReset(10)]) }.restoredEpoch).toBeNull();
  });

  it('tracks each file’s loading progress and starts afresh with a new load', () => {
    const progressed = (file: string, loadedBytes: number): WorkerEvent => ({
      type: 'dataLoadProgressed',
      file,
      loadedBytes,
      totalBytes: 100,
    });
    const loaded = feed([progressed('a.gz', 10), progressed('b.gz', 100), progressed('a.gz', 100)]);
    expect(loaded.dataProgress).toEqual({
      'a.gz': { loadedBytes: 100, totalBytes: 100 },
      'b.gz': { loadedBytes: 100, totalBytes: 100 },
    });
    const reloading = {
      ...loaded,
      ...applyWorkerEvents(loaded, [{ type: 'statusChanged', status: 'loading' }]),
    };
    expect(reloading.dataProgress).toEqual({});
  });
});
