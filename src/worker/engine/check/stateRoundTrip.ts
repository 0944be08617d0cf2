/**
 * The engine and the tfjs model share the weights: after training, with nothing copied, the
 * model's variables hold what the engine wrote; a checkpoint is a copy the engine does not touch;
 * a restored checkpoint goes back into the engine (loadModel) and training continues from it,
 * exactly where a fresh engine loaded with it would.
 */
import * as tf from '@tensorflow/tfjs';
import { createDenseAutoencoder } from '../../model/denseAutoencoder';
import { EngineStepper } from '../engineStepper';
import { networkFromAutoencoder } from '../networkLayout';
import { Comparison, stepOnBatch } from './checkTools';
import type { CheckResult } from '../../../shared/engineCheck';
import { syntheticBatch } from './tfjsParity';

const SPEC = {
  encoderSizes: [784, 32, 2],
  decoderSizes: [2, 32, 784],
  encoderDropout: [0],
  batchNormMomentum: 0.1,
  batchNormEpsilon: 1e-5,
};
const BATCH = 16;

async function createStepper(model: ReturnType<typeof createDenseAutoencoder>) {
  return EngineStepper.create(
    model,
    {
      network: networkFromAutoencoder(SPEC),
      batchSize: BATCH,
      batchSource: 'external',
      noise: { type: 'gaussian', level: 0 },
      lossWeights: { mseWeight: 1, l1Weight: 0, bceWeight: 0 },
      gradientClipNorm: 1,
      beta1: 0.9,
      beta2: 0.999,
      epsilon: 1e-8,
    },
    { learningRate: 1e-2, weightDecay: 0 },
    { pixels: new Float32Array(0), count: 0 },
  );
}

const values = (tensors: tf.Tensor[]) => Promise.all(tensors.map(async (t) => Array.from(await t.data())));

export async function checkStateRoundTrip(): Promise<CheckResult> {
  const comparison = new Comparison('engine ⇄ tfjs model: sync, checkpoint, restore, continue', 0, 1);
  const model = createDenseAutoencoder(SPEC, 11);
  const stepper = await createStepper(model);
  for (let step = 0; step < 3; step++) await stepOnBatch(stepper, syntheticBatch(step, BATCH, 784), step);
  // One copy: without syncModel, the variables already read what the engine's kernels wrote.
  const trainable = model.namedState
    .filter(({ variable }) => variable.trainable)
    .map(({ variable }) => variable);
  comparison.compare('model variables = engine buffers', (await values(trainable)).flat(), [
    ...(await stepper.trainer.readState()).params,
  ]);
  stepper.syncModel();
  const checkpoint = model.saveState();
  const saved = await values(checkpoint);
  for (let step = 3; step < 6; step++) await stepOnBatch(stepper, syntheticBatch(step, BATCH, 784), step);
  stepper.syncModel();
  const moved = await values(model.namedState.map(({ variable }) => variable));
  if (moved.every((v, i) => v.every((x, j) => x === saved[i][j])))
    comparison.fail('training did not change the model');
  // Restore, then one step from the checkpoint; a fresh engine loaded with the checkpoint must agree.
  model.restoreState(checkpoint);
  await stepper.loadModel();
  stepper.syncModel();
  comparison.compare(
    'restored weights',
    (await values(model.namedState.map(({ variable }) => variable))).flat(),
    saved.flat(),
  );
  const continued = await stepOnBatch(stepper, syntheticBatch(9, BATCH, 784), 6);
  const fresh = createDenseAutoencoder(SPEC, 12);
  fresh.restoreState(checkpoint);
  const freshStepper = await createStepper(fresh);
  const fromFresh = await stepOnBatch(freshStepper, syntheticBatch(9, BATCH, 784), 0);
  comparison.compare('loss after restoring', [continued.loss], [fromFresh.loss]);
  freshStepper.dispose();
  fresh.dispose();
  stepper.dispose();
  model.dispose();
  tf.dispose(checkpoint);
  return comparison.result(`loss ${continued.loss.toFixed(6)} both ways`);
}
