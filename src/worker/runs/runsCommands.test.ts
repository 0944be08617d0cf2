import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { IMAGE_PIXELS } from '../../shared/dataset';
import type { WorkerCommand } from '../../shared/protocol';
import { CURRENT_RUN_ID, type KeptRunCurves } from '../../shared/runs';
import { GRID_IMAGE_COUNT } from '../../shared/viewRequest';
import { harness, initialize, setViews, until } from '../testing/handlerHarness';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const curves: KeptRunCurves = {
  epochs: [1, 2],
  trainLoss: [0.2, 0.1],
  validationLoss: [0.25, 0.15],
  psnrEpochs: [1, 2],
  psnr: [12, 14],
};
const keep = (name: string): WorkerCommand => ({ type: 'keepRun', name, curves });

describe('kept runs in the worker', () => {
  // One trained run for the tests that keep it, in order: training is the slow part.
  const h = harness();
  beforeAll(async () => {
    await h.send(initialize);
    await h.send({ type: 'start' });
    await until(() => h.lastStatus() === 'done');
  }, 120_000);

  it('keeps a finished run with its best epoch and scores it at the table noise without leaking', async () => {
    const tensorsBefore = tf.memory().numTensors;
    await h.send(keep('first'));
    const [kept] = h.ofType('runKept');
    expect(kept.run).toMatchObject({ name: 'first', epochsTrained: 2, curves, metrics: null });
    expect(kept.run.config.seed).toBe(5);
    const bestEpoch = h
      .ofType('epochEnded')
      .filter((e) => e.isBest)
      .at(-1)?.epoch;
    expect(kept.run.bestEpoch).toBe(bestEpoch);
    await until(() => h.ofType('keptRunEvaluated').length === 1);
    const [scored] = h.ofType('keptRunEvaluated');
    expect(scored.runId).toBe(kept.run.runId);
    expect(scored.metrics.noise).toEqual({ type: 'gaussian', level: 0.25 });
    expect(scored.metrics.testCount).toBe(30);
    for (const value of [scored.metrics.mse, scored.metrics.psnr, scored.metrics.ssim]) {
      expect(Number.isFinite(value)).toBe(true);
    }
    expect(scored.metrics.psnr).toBeCloseTo(-10 * Math.log10(scored.metrics.mse), 0);
    // The weights are kept on the CPU; the scoring's tensors are all released.
    expect(tf.memory().numTensors).toBe(tensorsBefore);
  });

  it('scores every kept run again when the table noise changes', async () => {
    await h.send(keep('second'));
    await until(() => h.ofType('keptRunEvaluated').length === 2);
    await h.send(setViews({ runsNoise: { type: 'masking', level: 0.6 } }));
    await until(() => h.ofType('keptRunEvaluated').length === 4);
    const rescored = h.ofType('keptRunEvaluated').slice(2);
    expect(new Set(rescored.map((e) => e.runId))).toEqual(
      new Set(h.ofType('runKept').map((e) => e.run.runId)),
    );
    expect(rescored.every((e) => e.metrics.noise.type === 'masking' && e.metrics.noise.level === 0.6)).toBe(
      true,
    );
    // Both kept the same weights and see the same noisy images: the same scores.
    expect(rescored[0].metrics.mse).toBeCloseTo(rescored[1].metrics.mse, 6);
  });

  it('refuses to keep a run that is not stopped or has no finished epoch', async () => {
    const fresh = harness();
    await fresh.send(initialize);
    await fresh.send(keep('untrained'));
    await fresh.send({ type: 'step' });
    await fresh.send(keep('one step'));
    expect(fresh.ofType('runKept')).toEqual([]);
    expect(fresh.ofType('failed').map((e) => e.message)).toEqual([
      expect.stringMatching(/paused or finished/),
      expect.stringMatching(/best epoch/),
    ]);
  });

  it('compares the current run and a kept one on the same noisy images, and forgets a deleted run', async () => {
    const runId = h.ofType('runKept')[0].run.runId;
    // The current model takes the kept (best) weights: both rows must then be the same images.
    await h.send({ type: 'restoreBest' });
    await h.send(setViews({ comparedRuns: [CURRENT_RUN_ID, runId] }));
    const [comparison] = h.ofType('runsCompared');
    expect(comparison.problem).toBeNull();
    expect(comparison.runIds).toEqual([CURRENT_RUN_ID, runId]);
    expect(comparison.testIndices).toHaveLength(GRID_IMAGE_COUNT);
    expect(comparison.noisy).toHaveLength(GRID_IMAGE_COUNT * IMAGE_PIXELS);
    const [current, kept] = comparison.rows;
    expect(kept.reconstructions).toHaveLength(GRID_IMAGE_COUNT * IMAGE_PIXELS);
    kept.reconstructions.forEach((value, i) => expect(value).toBeCloseTo(current.reconstructions[i], 5));
    expect(kept.psnr).toBeCloseTo(current.psnr, 4);
    expect(comparison.noisy).not.toEqual(comparison.originals);

    await h.send({ type: 'deleteKeptRun', runId });
    expect(h.ofType('keptRunDeleted')).toEqual([{ type: 'keptRunDeleted', runId }]);
    await h.send(setViews({ comparedRuns: [runId, CURRENT_RUN_ID] }));
    expect(h.ofType('runsCompared').at(-1)?.runIds).toEqual([CURRENT_RUN_ID]);
  });
});
