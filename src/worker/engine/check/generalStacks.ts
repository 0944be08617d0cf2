/**
 * The engine on dense stacks other than the reference model: BatchNorm on some layers and off on
 * others, ReLU, sigmoid and linear blocks, and each loss (MSE, L1, binary cross-entropy, their
 * weighted sum). The reference is written here in plain tfjs ops on tfjs's CPU backend,
 * differentiated by tfjs, with the app's AdamW: the engine's loss, gradient norm, weights and
 * BatchNorm statistics must match it after one step (1e-5) and after many (1e-3). On the CPU it
 * shares no device, queue or buffer pool with the engine, so nothing on the GPU can mask a fault.
 */
import * as tf from '@tensorflow/tfjs';
import { AdamW } from '../../training/adamw';
import { activeWebGpuBackend } from '../engineStepper';
import { FusedTrainer } from '../fusedTrainer';
import { layoutNetwork, type DenseNetworkSpec, type NetworkLayout } from '../networkLayout';
import type { LossWeights } from '../wgsl/backwardLayer';
import { SCALAR } from '../wgsl/stepKernels';
import { createRandom } from '../../training/random';
import { Comparison, readFloats } from './checkTools';
import type { CheckResult } from '../../../shared/engineCheck';
import { syntheticBatch } from './tfjsParity';

const BATCH = 16;
const LEARNING_RATE = 1e-3;
const WEIGHT_DECAY = 1e-2;
/** As in the tfjs parity check: ε = 1e-8 turns float-rounding-sized gradients into ±lr steps. */
const ADAM_EPSILON = 1e-3;

interface ReferenceLayer {
  weight: tf.Variable;
  bias: tf.Variable;
  gamma: tf.Variable | null;
  beta: tf.Variable | null;
  runningMean: Float32Array;
  runningVar: Float32Array;
}

function initialParameters(layout: NetworkLayout, seed: number): Float32Array<ArrayBuffer> {
  const random = createRandom(seed);
  const params = new Float32Array(layout.parameterCount);
  for (const { spec, offsets } of layout.layers) {
    const bound = 1 / Math.sqrt(spec.inputSize);
    const size = spec.inputSize * spec.outputSize;
    for (let i = 0; i < size + spec.outputSize; i++)
      params[offsets.weight + i] = (2 * random.nextFloat() - 1) * bound;
    if (spec.batchNorm) {
      for (let i = 0; i < spec.outputSize; i++) {
        params[offsets.gamma + i] = 0.5 + random.nextFloat();
        params[offsets.beta + i] = 0.2 * (random.nextFloat() - 0.5);
      }
    }
  }
  return params;
}

function initialRunning(layout: NetworkLayout): Float32Array<ArrayBuffer> {
  const running = new Float32Array(layout.runningCount);
  for (const { spec, offsets } of layout.layers)
    if (spec.batchNorm) running.fill(1, offsets.runningVar, offsets.runningVar + spec.outputSize);
  return running;
}

function referenceLayers(
  layout: NetworkLayout,
  params: Float32Array,
  running: Float32Array,
): ReferenceLayer[] {
  return layout.layers.map(({ spec, offsets }) => {
    const slice = (at: number, shape: number[]) =>
      tf.variable(tf.tensor(params.slice(at, at + shape.reduce((a, b) => a * b)), shape));
    return {
      weight: slice(offsets.weight, [spec.inputSize, spec.outputSize]),
      bias: slice(offsets.bias, [spec.outputSize]),
      gamma: spec.batchNorm ? slice(offsets.gamma, [spec.outputSize]) : null,
      beta: spec.batchNorm ? slice(offsets.beta, [spec.outputSize]) : null,
      runningMean: spec.batchNorm
        ? running.slice(offsets.runningMean, offsets.runningMean + spec.outputSize)
        : new Float32Array(0),
      runningVar: spec.batchNorm
        ? running.slice(offsets.runningVar, offsets.runningVar + spec.outputSize)
        : new Float32Array(0),
    };
  });
}

/** Training-mode forward in tfjs ops; collects each BatchNorm's batch mean and biased variance. */
function referenceForward(network: DenseNetworkSpec, layers: ReferenceLayer[], input: tf.Tensor2D) {
  const batchStats: { mean: tf.Tensor; variance: tf.Tensor }[] = [];
  let h: tf.Tensor = input;
  network.layers.forEach((spec, k) => {
    const layer = layers[k];
    let z = tf.add(tf.matMul(h as tf.Tensor2D, layer.weight as tf.Tensor2D), layer.bias);
    if (layer.gamma && layer.beta) {
      const { mean, variance } = tf.moments(z, 0);
      batchStats.push({ mean, variance });
      z = tf.add(
        tf.mul(tf.div(tf.sub(z, mean), tf.sqrt(tf.add(variance, network.batchNormEpsilon))), layer.gamma),
        layer.beta,
      );
    }
    h = spec.activation === 'relu' ? tf.relu(z) : spec.activation === 'sigmoid' ? tf.sigmoid(z) : z;
  });
  return { output: h, batchStats };
}

/** The mean over every pixel of the weighted losses. */
function referenceLoss(output: tf.Tensor, target: tf.Tensor, weights: LossWeights): tf.Scalar {
  const error = tf.sub(output, target);
  // torch's BCELoss clamps each log at −100, as the engine does.
  const bce = () =>
    tf.neg(
      tf.add(
        tf.mul(target, tf.maximum(tf.log(output), -100)),
        tf.mul(tf.sub(1, target), tf.maximum(tf.log(tf.sub(1, output)), -100)),
      ),
    );
  // Only the weighted terms: 0 · log(negative) would still be NaN for an unbounded output.
  const terms = [
    weights.mseWeight > 0 ? tf.mul(weights.mseWeight, tf.square(error)) : null,
    weights.l1Weight > 0 ? tf.mul(weights.l1Weight, tf.abs(error)) : null,
    weights.bceWeight > 0 ? tf.mul(weights.bceWeight, bce()) : null,
  ].filter((term) => term !== null);
  return tf.mean(tf.addN(terms));
}

/** One reference step: loss, gradient norm, AdamW; running statistics as PyTorch (unbiased variance). */
async function referenceStep(
  network: DenseNetworkSpec,
  layers: ReferenceLayer[],
  optimizer: AdamW,
  batch: { input: Float32Array; target: Float32Array },
  weights: LossWeights,
) {
  const inputSize = network.layers[0].inputSize;
  const variables = layers.flatMap((l) => [
    l.weight,
    l.bias,
    ...(l.gamma && l.beta ? [l.gamma, l.beta] : []),
  ]);
  const x = tf.tensor2d(batch.input, [BATCH, inputSize]);
  const y = tf.tensor2d(batch.target, [BATCH, batch.target.length / BATCH]);
  let kept: tf.Tensor[] = [];
  const { value, grads } = tf.variableGrads(() => {
    const { output, batchStats } = referenceForward(network, layers, x);
    kept = batchStats.flatMap((s) => [tf.keep(s.mean), tf.keep(s.variance)]);
    return referenceLoss(output, y, weights);
  }, variables);
  const statValues = await Promise.all(kept.map((t) => t.data() as Promise<Float32Array>));
  const stats = layers
    .filter((l) => l.gamma)
    .map((_, k) => ({ mean: statValues[2 * k], variance: statValues[2 * k + 1] }));
  const gradients = variables.map((v) => grads[v.name]);
  const norm = tf.tidy(() => tf.sqrt(tf.addN(gradients.map((g) => tf.sum(tf.square(g))))));
  const result = { loss: (await value.data())[0], gradientNorm: (await norm.data())[0] };
  optimizer.applyGradients(gradients);
  const momentum = network.batchNormMomentum;
  layers
    .filter((l) => l.gamma)
    .forEach((layer, k) => {
      const unbias = BATCH / (BATCH - 1);
      for (let i = 0; i < layer.runningMean.length; i++) {
        layer.runningMean[i] = (1 - momentum) * layer.runningMean[i] + momentum * stats[k].mean[i];
        layer.runningVar[i] = (1 - momentum) * layer.runningVar[i] + momentum * stats[k].variance[i] * unbias;
      }
    });
  tf.dispose([x, y, value, norm, ...gradients, ...kept]);
  return result;
}

/** Runs `work` with tfjs on its CPU backend, then gives the engine's WebGPU backend back. */
async function onCpu<T>(work: () => Promise<T> | T): Promise<T> {
  await tf.setBackend('cpu');
  try {
    return await work();
  } finally {
    await tf.setBackend('webgpu');
  }
}

export async function checkGeneralStack(
  name: string,
  network: DenseNetworkSpec,
  lossWeights: LossWeights,
  steps: number,
  tolerance: number,
): Promise<CheckResult> {
  const backend = activeWebGpuBackend();
  if (!backend) throw new Error('the engine checks need the WebGPU backend');
  const comparison = new Comparison(name, tolerance);
  const layout = layoutNetwork(network, BATCH);
  const params = initialParameters(layout, 11);
  const running = initialRunning(layout);
  const trainer = await FusedTrainer.create(
    backend.device,
    {
      network,
      batchSize: BATCH,
      batchSource: 'external',
      noise: { type: 'gaussian', level: 0 },
      lossWeights,
      gradientClipNorm: 0,
      beta1: 0.9,
      beta2: 0.999,
      epsilon: ADAM_EPSILON,
    },
    { pixels: new Float32Array(0), count: 0 },
  );
  trainer.writeState(params, running);
  trainer.setLearningRate(LEARNING_RATE, WEIGHT_DECAY);
  const { layers, variables, optimizer } = await onCpu(() => {
    const layers = referenceLayers(layout, params, running);
    const variables = layers.flatMap((l) => [
      l.weight,
      l.bias,
      ...(l.gamma && l.beta ? [l.gamma, l.beta] : []),
    ]);
    const optimizer = new AdamW(variables, {
      learningRate: LEARNING_RATE,
      weightDecay: WEIGHT_DECAY,
      epsilon: ADAM_EPSILON,
    });
    return { layers, variables, optimizer };
  });
  const inputSize = network.layers[0].inputSize;
  const outputSize = network.layers[network.layers.length - 1].outputSize;
  const engine = { losses: [] as number[], norms: [] as number[] };
  const reference = { losses: [] as number[], norms: [] as number[] };
  for (let step = 0; step < steps; step++) {
    const { input, target } = syntheticBatch(step, BATCH, Math.max(inputSize, outputSize));
    const batch = { input: input.slice(0, BATCH * inputSize), target: target.slice(0, BATCH * outputSize) };
    trainer.writeBatch(batch.input, batch.target);
    const returned = await trainer.step({ stepIndex: step, stepInEpoch: 0, noiseSeed: 0, dropoutSeed: 0 });
    const [record] = [...returned, ...(await trainer.drain())];
    engine.losses.push(record.loss);
    const [norm] = await readFloats(
      trainer.buffers.scratch,
      1,
      trainer.plan.scratch.scalarSlot + SCALAR.gradientNorm,
    );
    engine.norms.push(norm);
    const expected = await onCpu(() => referenceStep(network, layers, optimizer, batch, lossWeights));
    reference.losses.push(expected.loss);
    reference.norms.push(expected.gradientNorm);
  }
  comparison.compare('losses', engine.losses, reference.losses);
  comparison.compare('gradient norms', engine.norms, reference.norms);
  const { params: engineParams, running: engineRunning } = await trainer.readState();
  for (const [k, { offsets, spec }] of layout.layers.entries()) {
    const layer = layers[k];
    const at = (offset: number, length: number) => engineParams.subarray(offset, offset + length);
    comparison.compare(
      `layer ${k} weight`,
      at(offsets.weight, spec.inputSize * spec.outputSize),
      await layer.weight.data(),
    );
    comparison.compare(`layer ${k} bias`, at(offsets.bias, spec.outputSize), await layer.bias.data());
    if (layer.gamma && layer.beta) {
      comparison.compare(`layer ${k} gamma`, at(offsets.gamma, spec.outputSize), await layer.gamma.data());
      comparison.compare(`layer ${k} beta`, at(offsets.beta, spec.outputSize), await layer.beta.data());
      const stat = (offset: number) => engineRunning.subarray(offset, offset + spec.outputSize);
      comparison.compare(`layer ${k} running mean`, stat(offsets.runningMean), layer.runningMean);
      comparison.compare(`layer ${k} running var`, stat(offsets.runningVar), layer.runningVar);
    }
  }
  trainer.dispose();
  optimizer.dispose();
  tf.dispose(variables);
  const last = steps - 1;
  return comparison.result(
    `norms engine ${engine.norms.slice(0, 2).join(', ')} tfjs CPU ${reference.norms.slice(0, 2).join(', ')}; ` +
      `loss at step ${steps}: engine ${engine.losses[last].toFixed(6)}, tfjs CPU ${reference.losses[last].toFixed(6)}`,
  );
}

/** 784 → 48 ReLU → 6 linear → 48 BatchNorm + ReLU → 784 sigmoid: BatchNorm only where the decoder needs it. */
export const MIXED_SIGMOID_STACK: DenseNetworkSpec = {
  layers: [
    { inputSize: 784, outputSize: 48, batchNorm: false, activation: 'relu', dropoutRate: 0 },
    { inputSize: 48, outputSize: 6, batchNorm: false, activation: 'linear', dropoutRate: 0 },
    { inputSize: 6, outputSize: 48, batchNorm: true, activation: 'relu', dropoutRate: 0 },
    { inputSize: 48, outputSize: 784, batchNorm: false, activation: 'sigmoid', dropoutRate: 0 },
  ],
  batchNormMomentum: 0.1,
  batchNormEpsilon: 1e-5,
};

/** 784 → 32 BatchNorm + sigmoid → 784 linear: a sigmoid hidden layer and an unbounded output. */
export const SIGMOID_HIDDEN_STACK: DenseNetworkSpec = {
  layers: [
    { inputSize: 784, outputSize: 32, batchNorm: true, activation: 'sigmoid', dropoutRate: 0 },
    { inputSize: 32, outputSize: 784, batchNorm: false, activation: 'linear', dropoutRate: 0 },
  ],
  batchNormMomentum: 0.3,
  batchNormEpsilon: 1e-3,
};
