import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDenseAutoencoder } from '../model/denseAutoencoder';
import { loadTorchStateDict } from '../model/torchStateDict';
import { expectCloseToTorch, reportErrors, torchFixtures } from './__fixtures__/torchFixtures';
import { AdamW } from './adamw';
import { trainStep } from './trainStep';

beforeAll(async () => {
  await tf.setBackend('cpu');
});
afterAll(reportErrors);

const fixture = torchFixtures.training;
const spec = { ...fixture.spec, batchNormMomentum: 0.1, batchNormEpsilon: 1e-5 };

/** Gives the variable in PyTorch's layout: Linear weights back to [out, in]. */
const torchLayout = (variable: tf.Variable) => (variable.rank === 2 ? tf.transpose(variable) : variable);

describe('trainStep against PyTorch (forward → 0.7·MSE + 0.3·L1 → backward → clip 1.0 → AdamW)', () => {
  it.each(fixture.runs)('3 steps with eps $epsilon give the same losses, norms and state', async (run) => {
    const model = createDenseAutoencoder(spec, 0);
    loadTorchStateDict(model, run.initialState);
    const optimizer = new AdamW(model.trainableVariables, run);
    const input = tf.tensor2d(fixture.noisyInput);
    const target = tf.tensor2d(fixture.target);
    const options = { lossWeights: { mseWeight: 0.7, l1Weight: 0.3 }, gradientClipNorm: run.clipNorm };
    for (let step = 0; step < run.losses.length; step++) {
      const { loss, gradientNorm } = trainStep(model, optimizer, input, target, options);
      await expectCloseToTorch(`training eps ${run.epsilon}`, loss, run.losses[step]);
      await expectCloseToTorch(`training eps ${run.epsilon}`, gradientNorm, run.gradientNorms[step]);
    }
    // With eps 1e-8, Adam turns the float noise in zero-gradient biases into ±lr steps (torch's own
    // float32 and float64 runs disagree there too), so those biases and the running means they shift
    // are held to that bound instead.
    const noisy = run.epsilon < 1e-6 ? new Set(fixture.zeroGradientBiases) : new Set<string>();
    const bound = 2 * run.losses.length * run.learningRate;
    for (const { torchName, variable } of model.namedState) {
      const expected = run.finalState[torchName];
      const module = torchName.slice(0, torchName.lastIndexOf('.'));
      const previousLinear = module.replace(/\d+$/, (i) => String(Number(i) - 1));
      const shiftedByNoise =
        noisy.has(torchName) || (torchName.endsWith('running_mean') && noisy.has(`${previousLinear}.bias`));
      if (shiftedByNoise) {
        const actual = await variable.data();
        expected.flat().forEach((e, i) => expect(Math.abs(actual[i] - e)).toBeLessThanOrEqual(bound));
      } else {
        await expectCloseToTorch(`training eps ${run.epsilon}`, torchLayout(variable), expected);
      }
    }
    if (noisy.size === 0) {
      const { reconstruction, latent } = model.forward(input, { training: false });
      await expectCloseToTorch(`training eps ${run.epsilon}`, reconstruction, run.evalReconstruction);
      await expectCloseToTorch(`training eps ${run.epsilon}`, latent, run.evalLatent);
    }
    optimizer.dispose();
    model.dispose();
  });

  it('marks the biases that feed a BatchNorm as zero-gradient', () => {
    expect(fixture.zeroGradientBiases).toEqual([
      'encoder.0.bias',
      'encoder.3.bias',
      'encoder.6.bias',
      'decoder.0.bias',
      'decoder.3.bias',
    ]);
  });

  it('clip norm 0 turns clipping off but still reports the norm', async () => {
    const model = createDenseAutoencoder(spec, 0);
    loadTorchStateDict(model, fixture.runs[0].initialState);
    const optimizer = new AdamW(model.trainableVariables, { learningRate: 1e-2, weightDecay: 0 });
    const input = tf.tensor2d(fixture.noisyInput);
    const target = tf.tensor2d(fixture.target);
    const options = { lossWeights: { mseWeight: 0.7, l1Weight: 0.3 }, gradientClipNorm: 0 };
    const { gradientNorm } = trainStep(model, optimizer, input, target, options);
    await expectCloseToTorch('training clip off', gradientNorm, fixture.runs[0].gradientNorms[0]);
    optimizer.dispose();
    model.dispose();
  });
});
