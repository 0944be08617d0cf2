/**
 * The fused engine against PyTorch: the foundation's 3-step training fixture (12→8→4→2→4→8→12,
 * batch 6, 0.7·MSE + 0.3·L1, clip, AdamW), noise given as a fixed input, no dropout.
 */
import * as tf from '@tensorflow/tfjs';
import { createDenseAutoencoder } from '../../model/denseAutoencoder';
import { loadTorchStateDict } from '../../model/torchStateDict';
import { torchFixtureData } from '../../training/__fixtures__/torchFixtureData';
import { AdamW } from '../../training/adamw';
import { trainStep } from '../../training/trainStep';
import { EngineStepper } from '../engineStepper';
import { networkFromAutoencoder } from '../networkLayout';
import { Comparison, stepOnBatch } from './checkTools';
import type { CheckResult } from '../../../shared/engineCheck';

const fixture = torchFixtureData.training;

/** Linear weights in PyTorch's [out, in] layout, flat. */
async function torchLayout(variable: tf.Variable): Promise<Float32Array> {
  const tensor = variable.rank === 2 ? tf.transpose(variable) : variable;
  const values = (await tensor.data()) as Float32Array;
  if (tensor !== variable) tensor.dispose();
  return values;
}

/** The app's tfjs step on this backend against the same fixture (its unit test runs on tfjs's CPU backend). */
export async function checkTfjsStepAgainstTorch(): Promise<CheckResult> {
  const run = fixture.runs[fixture.runs.length - 1];
  const comparison = new Comparison(
    `tfjs step on ${tf.getBackend()} vs PyTorch, 3 steps, eps ${run.epsilon}`,
    1e-5,
  );
  const model = createDenseAutoencoder(
    { ...fixture.spec, batchNormMomentum: 0.1, batchNormEpsilon: 1e-5 },
    0,
  );
  loadTorchStateDict(model, run.initialState);
  const optimizer = new AdamW(model.trainableVariables, run);
  const input = tf.tensor2d(fixture.noisyInput);
  const target = tf.tensor2d(fixture.target);
  const losses: number[] = [];
  const norms: number[] = [];
  for (let step = 0; step < run.losses.length; step++) {
    const { loss, gradientNorm } = trainStep(model, optimizer, input, target, {
      lossWeights: { mseWeight: 0.7, l1Weight: 0.3 },
      gradientClipNorm: run.clipNorm,
    });
    losses.push((await loss.data())[0]);
    norms.push((await gradientNorm.data())[0]);
    tf.dispose([loss, gradientNorm]);
  }
  comparison.compare('losses', losses, run.losses);
  comparison.compare('gradient norms', norms, run.gradientNorms);
  for (const { torchName, variable } of model.namedState) {
    comparison.compare(torchName, await torchLayout(variable), [run.finalState[torchName]].flat(2));
  }
  tf.dispose([input, target]);
  optimizer.dispose();
  model.dispose();
  return comparison.result();
}

export async function checkTorchParity(): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  const spec = { ...fixture.spec, batchNormMomentum: 0.1, batchNormEpsilon: 1e-5 };
  for (const run of fixture.runs) {
    const comparison = new Comparison(`engine vs PyTorch, 3 steps, eps ${run.epsilon}`, 1e-5);
    const model = createDenseAutoencoder(spec, 0);
    loadTorchStateDict(model, run.initialState);
    const stepper = await EngineStepper.create(
      model,
      {
        network: networkFromAutoencoder(spec),
        batchSize: fixture.noisyInput.length,
        batchSource: 'external',
        noise: { type: 'gaussian', level: 0 },
        lossWeights: { mseWeight: 0.7, l1Weight: 0.3, bceWeight: 0 },
        gradientClipNorm: run.clipNorm,
        beta1: 0.9,
        beta2: 0.999,
        epsilon: run.epsilon,
      },
      run,
      { pixels: new Float32Array(0), count: 0 },
    );
    const losses: number[] = [];
    const norms: number[] = [];
    const batch = {
      input: new Float32Array(fixture.noisyInput.flat()),
      target: new Float32Array(fixture.target.flat()),
    };
    for (let step = 0; step < run.losses.length; step++) {
      const { loss, gradientNorm } = await stepOnBatch(stepper, batch, step);
      losses.push(loss);
      norms.push(gradientNorm);
    }
    comparison.compare('losses', losses, run.losses);
    comparison.compare('gradient norms', norms, run.gradientNorms);
    stepper.syncModel();
    // As in the tfjs parity test: with eps 1e-8 Adam turns float noise in the zero-gradient biases
    // (they feed a BatchNorm) into ±lr steps, so those and the running means they shift get 2·steps·lr.
    const noisy = run.epsilon < 1e-6 ? new Set(fixture.zeroGradientBiases) : new Set<string>();
    const bound = 2 * run.losses.length * run.learningRate;
    for (const { torchName, variable } of model.namedState) {
      const expected = [run.finalState[torchName]].flat(2);
      const module = torchName.slice(0, torchName.lastIndexOf('.'));
      const previousLinear = module.replace(/\d+$/, (i) => String(Number(i) - 1));
      const shifted =
        noisy.has(torchName) || (torchName.endsWith('running_mean') && noisy.has(`${previousLinear}.bias`));
      const actual = await torchLayout(variable);
      if (shifted) {
        const worst = Math.max(...expected.map((e, i) => Math.abs(actual[i] - e)));
        if (!(worst <= bound)) comparison.fail(`${torchName} moved ${worst} > ${bound}`);
      } else {
        comparison.compare(torchName, actual, expected);
      }
    }
    stepper.dispose();
    model.dispose();
    results.push(comparison.result(`losses ${losses.map((l) => l.toFixed(6)).join(', ')}`));
  }
  return results;
}
