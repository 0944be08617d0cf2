import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDenseAutoencoder } from '../model/denseAutoencoder';
import { loadTorchStateDict } from '../model/torchStateDict';
import { presetFixtures } from './__fixtures__/presetFixtures';
import { expectCloseToTorch, reportErrors } from './__fixtures__/torchFixtures';
import { AdamW } from './adamw';
import { binaryCrossEntropy, reconstructionLoss } from './losses';
import { decoupledWeightDecay } from './runSettings';
import { trainStep } from './trainStep';

beforeAll(async () => {
  await tf.setBackend('cpu');
});
afterAll(reportErrors);

describe('binary cross-entropy against torch.nn.functional.binary_cross_entropy', () => {
  const { output, target, value, gradient } = presetFixtures.bce;

  it('clamps each log at −100 and divides the gradient by max(p(1 − p), 1e-12), at exact 0 and 1 too', async () => {
    const p = tf.tensor2d(output);
    const t = tf.tensor2d(target);
    const loss = reconstructionLoss(t, p, { mseWeight: 0, l1Weight: 0, bceWeight: 1 });
    await expectCloseToTorch('bce', loss, value);
    const grad = tf.grad((x: tf.Tensor) => tf.mean(binaryCrossEntropy(x, t)))(p);
    await expectCloseToTorch('bce', grad, gradient);
    expect(Array.from(await grad.data()).every(Number.isFinite)).toBe(true);
  });
});

describe('Adam steps on BCE/MSE with the L2 weight and latent L1 penalties, against torch.optim.Adam', () => {
  const { spec, target, noisyInput, runs } = presetFixtures.adam;
  const denseSpec = {
    ...spec,
    encoderDropout: [],
    batchNorm: false,
    batchNormMomentum: 0.1,
    batchNormEpsilon: 1e-5,
  };

  it.each(runs)(
    'mse $mseWeight, bce $bceWeight, L2 $l2Penalty, latent L1 $latentL1Penalty: same losses and weights',
    async (run) => {
      const model = createDenseAutoencoder(denseSpec, 0);
      loadTorchStateDict(model, run.initialState);
      const weightDecay = decoupledWeightDecay({ optimizer: 'adam', weightDecay: 0.01 });
      const optimizer = new AdamW(model.trainableVariables, { learningRate: run.learningRate, weightDecay });
      const label = `adam ${run.l2Penalty} ${run.latentL1Penalty}`;
      for (const expected of run.losses) {
        const { loss } = trainStep(model, optimizer, tf.tensor2d(noisyInput), tf.tensor2d(target), {
          lossWeights: { mseWeight: run.mseWeight, l1Weight: 0, bceWeight: run.bceWeight },
          gradientClipNorm: 0,
          penalties: { l2Penalty: run.l2Penalty, latentL1Penalty: run.latentL1Penalty },
        });
        await expectCloseToTorch(label, loss, expected);
      }
      for (const { torchName, variable } of model.namedState) {
        const torchLayout = variable.rank === 2 ? tf.transpose(variable) : variable;
        await expectCloseToTorch(label, torchLayout, run.finalState[torchName]);
      }
      optimizer.dispose();
      model.dispose();
    },
  );
});
