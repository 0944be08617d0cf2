import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type TrainingConfig } from '../../shared/config';
import { syntheticSplit } from '../training/syntheticImages';
import { testSessions } from '../testing/testSessions';
import type { TrainingSession } from '../training/trainingSession';
import { checkpointMismatch, type SessionCheckpoint } from './sessionCheckpoint';

const dataset = { train: syntheticSplit(48), test: syntheticSplit(10) };
/** Three steps an epoch; patience 0 so the rate drops on the first epoch that does not improve. */
const config: TrainingConfig = {
  ...DEFAULT_CONFIG,
  batchSize: 16,
  epochs: 4,
  seed: 9,
  plateauPatience: 0,
  trainStep: 'tfjs',
};

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const newTestSession = testSessions(dataset);

async function newSession(runConfig = config) {
  const { session, events } = await newTestSession(runConfig);
  const losses = () =>
    events.flatMap((e) => (e.type === 'batchesTrained' ? e.losses.map((l) => [l.step, l.loss]) : []));
  const epochs = () =>
    events.flatMap((e) =>
      e.type === 'epochEnded' ? [[e.epoch, e.trainLoss, e.validationLoss, e.learningRate, e.isBest]] : [],
    );
  return { session, losses, epochs };
}

async function train(session: TrainingSession, steps: number) {
  for (let i = 0; i < steps; i++) await session.trainOneStep();
  await session.settle();
}

describe('session checkpoint', () => {
  it('continues mid-epoch exactly as the run it was taken from', async () => {
    const original = await newSession();
    await train(original.session, 5);
    const saved = await original.session.checkpoint();
    expect(saved.counters).toMatchObject({ epoch: 1, step: 5, stepInEpoch: 2 });
    expect(saved.optimizer.stepCount).toBe(5);
    expect(saved.best?.epoch).toBe(1);
    const lossesBefore = original.losses().length;
    const epochsBefore = original.epochs().length;
    await train(original.session, 5);

    const resumed = await newSession();
    const fits = { splits: resumed.session.splits, stepsPerEpoch: 3, stateSize: saved.weights.length };
    expect(checkpointMismatch(saved, fits)).toBeNull();
    await resumed.session.resumeFrom(saved);
    expect(resumed.session.step).toBe(5);
    await train(resumed.session, 5);
    // Bit-identical on the CPU backend: weights, moments, bias corrections, order, noise and rate.
    expect(resumed.losses()).toEqual(original.losses().slice(lossesBefore));
    expect(resumed.epochs()).toEqual(original.epochs().slice(epochsBefore));
    expect(resumed.session.learningRate).toBe(original.session.learningRate);
    expect(await resumed.session.restoreBest()).toEqual(await original.session.restoreBest());
  });

  it('names what does not fit: other images, a longer epoch, another model', async () => {
    const { session } = await newSession();
    await train(session, 1);
    const saved: SessionCheckpoint = await session.checkpoint();
    const fits = { splits: session.splits, stepsPerEpoch: 3, stateSize: saved.weights.length };
    expect(checkpointMismatch(saved, fits)).toBeNull();
    expect(checkpointMismatch(saved, { ...fits, splits: { trainCount: 40 } })).toMatch(/48 images.*40/);
    expect(checkpointMismatch(saved, { ...fits, stepsPerEpoch: 1 })).toMatch(/epoch is longer/);
    expect(checkpointMismatch(saved, { ...fits, stateSize: 7 })).toMatch(
      /saved model has \d+ values, this one 7/,
    );
  });
});
