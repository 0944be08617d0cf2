import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectCloseToTorch, reportErrors, torchFixtures } from './__fixtures__/torchFixtures';
import { perSampleReconstructionLoss, reconstructionLoss } from './losses';

beforeAll(async () => {
  await tf.setBackend('cpu');
});
afterAll(reportErrors);

const { loss } = torchFixtures;

describe('reconstructionLoss', () => {
  it('matches 0.7·mse_loss + 0.3·l1_loss from PyTorch', async () => {
    const value = reconstructionLoss(tf.tensor2d(loss.target), tf.tensor2d(loss.output), loss);
    expect(value.shape).toEqual([]);
    await expectCloseToTorch('loss', value, loss.value);
  });

  it('per sample matches PyTorch and averages to the batch loss', async () => {
    const target = tf.tensor2d(loss.target);
    const output = tf.tensor2d(loss.output);
    const perSample = perSampleReconstructionLoss(target, output, loss);
    expect(perSample.shape).toEqual([loss.target.length]);
    await expectCloseToTorch('loss', perSample, loss.perSample);
    await expectCloseToTorch('loss', tf.mean(perSample), loss.value);
  });

  it('drops a zero-weight term and handles pure MSE and pure L1', async () => {
    const target = tf.tensor2d([[0, 1]]);
    const output = tf.tensor2d([[0.5, 0.5]]);
    expect(await reconstructionLoss(target, output, { mseWeight: 1, l1Weight: 0 }).data()).toEqual(
      new Float32Array([0.25]),
    );
    expect(await reconstructionLoss(target, output, { mseWeight: 0, l1Weight: 2 }).data()).toEqual(
      new Float32Array([1]),
    );
  });
});
