import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectCloseToTorch, reportErrors, torchFixtures } from '../training/__fixtures__/torchFixtures';
import { createBatchNorm } from './batchNorm';

beforeAll(async () => {
  await tf.setBackend('cpu');
});
afterAll(reportErrors);

const fixture = torchFixtures.batchNorm;

function fixtureBatchNorm() {
  const batchNorm = createBatchNorm(5, fixture.momentum, fixture.epsilon);
  tf.tidy(() => {
    batchNorm.gamma.assign(tf.tensor1d(fixture.initial['weight'].flat()));
    batchNorm.beta.assign(tf.tensor1d(fixture.initial['bias'].flat()));
    batchNorm.runningMean.assign(tf.tensor1d(fixture.initial['running_mean'].flat()));
    batchNorm.runningVar.assign(tf.tensor1d(fixture.initial['running_var'].flat()));
  });
  return batchNorm;
}

describe('createBatchNorm', () => {
  it('starts as PyTorch does: gamma 1, beta 0, running mean 0, running var 1', async () => {
    const batchNorm = createBatchNorm(3, 0.1, 1e-5);
    expect(Array.from(await batchNorm.gamma.data())).toEqual([1, 1, 1]);
    expect(Array.from(await batchNorm.beta.data())).toEqual([0, 0, 0]);
    expect(Array.from(await batchNorm.runningMean.data())).toEqual([0, 0, 0]);
    expect(Array.from(await batchNorm.runningVar.data())).toEqual([1, 1, 1]);
    expect(batchNorm.runningMean.trainable || batchNorm.runningVar.trainable).toBe(false);
  });

  it('matches BatchNorm1d in training (batch statistics, unbiased running var) and in eval', async () => {
    const batchNorm = fixtureBatchNorm();
    for (const [i, batch] of fixture.trainInputs.entries()) {
      const output = batchNorm.apply(tf.tensor2d(batch), true);
      await expectCloseToTorch('batchNorm', output, fixture.trainOutputs[i]);
      await expectCloseToTorch('batchNorm', batchNorm.runningMean, fixture.statsAfterBatch[i].runningMean);
      await expectCloseToTorch('batchNorm', batchNorm.runningVar, fixture.statsAfterBatch[i].runningVar);
    }
    await expectCloseToTorch(
      'batchNorm',
      batchNorm.apply(tf.tensor2d(fixture.evalInput), false),
      fixture.evalOutput,
    );
  });

  it('eval mode leaves the running statistics alone', async () => {
    const batchNorm = fixtureBatchNorm();
    batchNorm.apply(tf.tensor2d(fixture.evalInput), false);
    await expectCloseToTorch('batchNorm', batchNorm.runningMean, fixture.initial['running_mean']);
  });

  it('updates running stats inside variableGrads without breaking gradients or leaking', async () => {
    const batchNorm = fixtureBatchNorm();
    const x = tf.tensor2d(fixture.trainInputs[0]);
    const loss = () => tf.sum<tf.Scalar>(tf.square(batchNorm.apply(x, true)));
    tf.tidy(() => tf.variableGrads(loss, [batchNorm.gamma, batchNorm.beta]));
    const before = tf.memory().numTensors;
    const grads = tf.tidy(() => tf.variableGrads(loss, [batchNorm.gamma, batchNorm.beta]).grads);
    expect(tf.memory().numTensors).toBe(before + 2);
    // Σ y² over a normalised batch is N·γ² + N·β² + …: d/dβ = 2Nβ, since the normalised values sum to zero.
    const beta = await batchNorm.beta.data();
    const betaGrad = await grads[batchNorm.beta.name].data();
    betaGrad.forEach((g, j) => expect(g).toBeCloseTo(2 * 8 * beta[j], 3));
  });
});
