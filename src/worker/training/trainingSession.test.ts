import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type TrainingConfig } from '../../shared/config';
import type { WorkerEvent } from '../../shared/protocol';
import { syntheticSplit } from './syntheticImages';
import { testSessions } from '../testing/testSessions';
import type { TrainingSession } from './trainingSession';
import { TrainingDiverged } from './trainingDiverged';
import { Cancelled, type YieldPoint } from '../control/cancellation';

const dataset = { train: syntheticSplit(32), test: syntheticSplit(10) };

/** Two steps an epoch; the plateau scheduler drops the rate after one epoch without improvement. */
const config: TrainingConfig = {
  ...DEFAULT_CONFIG,
  batchSize: 16,
  epochs: 3,
  seed: 3,
  plateauPatience: 0,
  plateauFactor: 0.5,
  trainStep: 'tfjs',
};
const NO_PLATEAU = { ...config, plateauPatience: 1000 };

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const newTestSession = testSessions(dataset);

/**
 * A session on the tfjs step whose validation losses are pinned to `validationLosses`, one an
 * epoch: the scheduler and the checkpoint then see a known sequence, not the model's noise.
 */
async function pinnedSession(
  runConfig: TrainingConfig,
  validationLosses: number[],
  onEpochEnded: (session: TrainingSession) => Promise<void> = async () => undefined,
) {
  const { session, events } = await newTestSession(runConfig, onEpochEnded);
  let epoch = 0;
  session.validationLoss = async () => validationLosses[epoch++];
  const ofType = <T extends WorkerEvent['type']>(type: T) =>
    events.filter((e): e is Extract<WorkerEvent, { type: T }> => e.type === type);
  return { session, ofType };
}

async function trainSteps(session: TrainingSession, count: number) {
  for (let i = 0; i < count; i++) await session.trainOneStep();
}

/** Every state variable (weights, BatchNorm statistics), copied off the device. */
function stateOf(session: TrainingSession): Promise<Float32Array[]> {
  const model = session.evaluationModel();
  return Promise.all(model.namedState.map(({ variable }) => variable.data() as Promise<Float32Array>));
}

function sameState(a: Float32Array[], b: Float32Array[]): boolean {
  return a.length === b.length && a.every((values, i) => values.every((v, j) => v === b[i][j]));
}

describe('TrainingSession', () => {
  it('drops the learning rate after a plateau, and the optimiser steps with the new rate', async () => {
    const plateau = [0.5, 0.5];
    const dropped = await pinnedSession(config, plateau);
    await trainSteps(dropped.session, 4);
    const epochs = dropped.ofType('epochEnded');
    expect(epochs.map((e) => [e.learningRate, e.learningRateDropped])).toEqual([
      [1e-3, false],
      [5e-4, true],
    ]);
    expect(dropped.session.learningRate).toBe(5e-4);

    // Twins with the same seed that never plateau: one keeps 1e-3, one is set to 5e-4 by hand.
    const kept = await pinnedSession(NO_PLATEAU, plateau);
    const setByHand = await pinnedSession(NO_PLATEAU, plateau);
    await trainSteps(kept.session, 4);
    await trainSteps(setByHand.session, 4);
    setByHand.session.stepper.setLearningRate(5e-4);
    for (const { session } of [dropped, kept, setByHand]) await session.trainOneStep();
    await dropped.session.settle();
    expect(dropped.ofType('batchesTrained').at(-1)?.learningRate).toBe(5e-4);
    const state = await stateOf(dropped.session);
    expect(sameState(state, await stateOf(setByHand.session))).toBe(true);
    expect(sameState(state, await stateOf(kept.session))).toBe(false);
  });

  it('restores the weights saved at the best epoch, not the latest', async () => {
    let savedAtEpoch1: Float32Array[] = [];
    const { session } = await pinnedSession(NO_PLATEAU, [0.3, 0.5, 0.4], async (current) => {
      if (current.epoch === 1) savedAtEpoch1 = await stateOf(current);
    });
    await trainSteps(session, 6);
    expect(session.isFinished).toBe(true);
    const latest = await stateOf(session);
    expect(sameState(latest, savedAtEpoch1)).toBe(false);
    expect(await session.restoreBest()).toEqual({ epoch: 1, validationLoss: 0.3 });
    expect(sameState(await stateOf(session), savedAtEpoch1)).toBe(true);
  });

  it('has nothing to restore before its first epoch ends', async () => {
    const { session } = await pinnedSession(NO_PLATEAU, []);
    await session.trainOneStep();
    expect(await session.restoreBest()).toBeNull();
  });

  it('runs an epoch end again when its validation was cancelled, changing nothing before', async () => {
    const { session, ofType } = await pinnedSession(NO_PLATEAU, []);
    let cancelling = true;
    session.validationLoss = async (between) => {
      await between?.();
      return 0.4;
    };
    const cancelOnce: YieldPoint = async () => {
      if (cancelling) throw new Cancelled();
    };
    await session.trainOneStep();
    await expect(session.trainOneStep(cancelOnce)).rejects.toThrow(Cancelled);
    expect([session.epoch, session.step, ofType('epochEnded').length]).toEqual([0, 2, 0]);
    cancelling = false;
    // The next step first ends the epoch, then trains the first step of the next.
    await session.trainOneStep(cancelOnce);
    expect([session.epoch, session.step, session.stepInEpoch]).toEqual([1, 3, 1]);
    expect(ofType('epochEnded').map((e) => e.epoch)).toEqual([1]);
  });

  it('stops after the epoch’s last step when cancelled during it, before the validation starts', async () => {
    const { session, ofType } = await pinnedSession(NO_PLATEAU, [0.4]);
    let validations = 0;
    session.validationLoss = async () => {
      validations += 1;
      return 0.4;
    };
    const cancelled: YieldPoint = async () => {
      throw new Cancelled();
    };
    await session.trainOneStep();
    await expect(session.trainOneStep(cancelled)).rejects.toThrow(Cancelled);
    expect([validations, session.step, ofType('epochEnded').length]).toEqual([0, 2, 0]);
    await session.trainOneStep();
    expect([validations, session.epoch, session.step]).toEqual([1, 1, 3]);
  });

  it('turns the next loss into a divergence when poisoned, and never reports it', async () => {
    const { session, ofType } = await pinnedSession(NO_PLATEAU, [0.3]);
    await session.trainOneStep();
    session.poisonNextLoss();
    await expect(session.trainOneStep()).rejects.toThrow(TrainingDiverged);
    await session.settle().catch(() => undefined);
    const reported = ofType('batchesTrained').flatMap((e) => e.losses);
    expect(reported.map((l) => l.step)).toEqual([1]);
    expect(reported.every((l) => Number.isFinite(l.loss))).toBe(true);
  });
});
