import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDenseAutoencoder } from '../model/denseAutoencoder';
import { loadTorchStateDict } from '../model/torchStateDict';
import type { TrainingRun } from './__fixtures__/torchFixtureData';
import { expectCloseToTorch, reportErrors, torchFixtures } from './__fixtures__/torchFixtures';
import { AdamW } from './adamw';
import { reconstructionLoss } from './losses';
import { trainStep } from './trainStep';

beforeAll(async () => {
  await tf.setBackend('cpu');
});
afterAll(reportErrors);

const fixture = torchFixtures.training;
const spec = { ...fixture.spec, batchNormMomentum: 0.1, batchNormEpsilon: 1e-5 };
const lossWeights = { mseWeight: 0.7, l1Weight: 0.3 };

/** Gives the variable in PyTorch's layout: Linear weights back to [out, in]. */
const torchLayout = (variable: tf.Variable) => (variable.rank === 2 ? tf.transpose(variable) : variable);

/** Takes the run's steps from its initial state and holds losses, norms and the final state to torch's. */
async function expectStepsMatchTorch(label: string, run: TrainingRun, gradientClipNorm = run.clipNorm) {
  const model = createDenseAutoencoder(spec, 0);
  loadTorchStateDict(model, run.initialState);
  const optimizer = new AdamW(model.trainableVariables, run);
  const input = tf.tensor2d(fixture.noisyInput);
  const target = tf.tensor2d(fixture.target);
  for (let step = 0; step < run.losses.length; step++) {
    const { loss, gradientNorm } = trainStep(model, optimizer, input, target, {
      lossWeights,
      gradientClipNorm,
    });
    await expectCloseToTorch(label, loss, run.losses[step]);
    await expectCloseToTorch(label, gradientNorm, run.gradientNorms[step]);
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
      await expectCloseToTorch(label, torchLayout(variable), expected);
    }
  }
  if (noisy.size === 0) {
    const { reconstruction, latent } = model.forward(input, { training: false });
    await expectCloseToTorch(label, reconstruction, run.evalReconstruction);
    await expectCloseToTorch(label, latent, run.evalLatent);
  }
  optimizer.dispose();
  model.dispose();
}

describe('trainStep against PyTorch (forward → 0.7·MSE + 0.3·L1 → backward → clip → AdamW)', () => {
  it.each(fixture.runs)(
    '3 steps with eps $epsilon and clip $clipNorm (never reached) give the same losses, norms and state',
    (run) => expectStepsMatchTorch(`training eps ${run.epsilon}`, run),
  );

  it('3 steps clipped at every step give the same losses, norms and state', async () => {
    const run = fixture.clippedRun;
    expect(run.gradientNorms.every((norm) => norm > run.clipNorm)).toBe(true);
    await expectStepsMatchTorch('training clipped', run);
  });

  it('clip norm 0 turns clipping off: it trains as torch’s unclipped run and still reports the norm', () =>
    expectStepsMatchTorch('training clip off', fixture.runs[1], 0));

  it('gives a zero gradient to exactly the biases that torch finds zero-gradient (they feed a BatchNorm)', () => {
    const model = createDenseAutoencoder(spec, 0);
    loadTorchStateDict(model, fixture.runs[0].initialState);
    const { grads } = tf.variableGrads(() => {
      const { reconstruction } = model.forward(tf.tensor2d(fixture.noisyInput), { training: true });
      return reconstructionLoss(tf.tensor2d(fixture.target), reconstruction, lossWeights);
    }, model.trainableVariables);
    const largestGradient = (variable: tf.Variable) => tf.max(tf.abs(grads[variable.name])).dataSync()[0];
    const zeroGradient = model.namedState
      .filter(({ torchName, variable }) => torchName.endsWith('bias') && variable.trainable)
      .filter(({ variable }) => largestGradient(variable) < 1e-6)
      .map(({ torchName }) => torchName);
    expect(zeroGradient).toEqual(fixture.zeroGradientBiases);
    tf.dispose(Object.values(grads));
    model.dispose();
  });
});
