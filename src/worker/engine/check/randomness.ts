/**
 * Noise and dropout drawn on the GPU are the counter-based generator's numbers: redrawn on the
 * CPU from the same (seed, stream, counter) they must agree exactly (uniform, masking,
 * salt-and-pepper, dropout masks) or to float rounding (Gaussian, through log and cos).
 */
import type { NoiseType } from '../../../shared/config';
import { createDenseAutoencoder } from '../../model/denseAutoencoder';
import { DROPOUT_STREAM_BASE, NOISE_SECOND_STREAM, NOISE_STREAM, randomUniform } from '../counterRandom';
import { EngineStepper } from '../engineStepper';
import type { DenseNetworkSpec } from '../networkLayout';
import { Comparison, readFloats } from './checkTools';
import type { CheckResult } from '../../../shared/engineCheck';

const BATCH = 4;
const PIXELS = 784;
const HIDDEN = 16;
const DROPOUT = 0.5;
const SEEDS = { noiseSeed: 12345, dropoutSeed: 67890 };

/** 784 → 16 (linear, dropout 0.5) → 784 sigmoid: the hidden output shows the dropout mask. */
const NETWORK: DenseNetworkSpec = {
  layers: [
    { inputSize: PIXELS, outputSize: HIDDEN, batchNorm: false, activation: 'linear', dropoutRate: DROPOUT },
    { inputSize: HIDDEN, outputSize: PIXELS, batchNorm: false, activation: 'sigmoid', dropoutRate: 0 },
  ],
  batchNormMomentum: 0.1,
  batchNormEpsilon: 1e-5,
};

function expectedNoisy(type: NoiseType, level: number, clean: number, counter: number): number {
  const u = randomUniform(SEEDS.noiseSeed, NOISE_STREAM, counter);
  switch (type) {
    case 'gaussian': {
      const v = randomUniform(SEEDS.noiseSeed, NOISE_SECOND_STREAM, counter);
      const normal = Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
      return Math.min(1, Math.max(0, clean + level * normal));
    }
    case 'uniform':
      return Math.min(1, Math.max(0, clean + level * (2 * u - 1)));
    case 'uniform-positive':
      return Math.min(1, clean + level * u);
    case 'salt-and-pepper':
      return u < level ? (u >= level / 2 ? 1 : 0) : clean;
    case 'masking':
      return u >= level ? clean : 0;
  }
}

async function checkNoise(type: NoiseType, level: number, tolerance: number): Promise<CheckResult> {
  const comparison = new Comparison(`GPU ${type} noise = counter generator`, tolerance, 1);
  // Every image is the same mid-grey, so the noisy batch shows the noise itself.
  const count = BATCH;
  const pixels = new Float32Array(count * PIXELS).fill(128 / 255);
  const model = createDenseAutoencoder(
    {
      encoderSizes: [PIXELS, HIDDEN],
      decoderSizes: [HIDDEN, PIXELS],
      encoderDropout: [],
      batchNormMomentum: 0.1,
      batchNormEpsilon: 1e-5,
    },
    3,
  );
  const stepper = await EngineStepper.create(
    model,
    {
      network: NETWORK,
      batchSize: BATCH,
      batchSource: 'images',
      noise: { type, level },
      lossWeights: { mseWeight: 1, l1Weight: 0, bceWeight: 0 },
      gradientClipNorm: 0,
      beta1: 0.9,
      beta2: 0.999,
      epsilon: 1e-8,
    },
    { learningRate: 1e-3, weightDecay: 0 },
    { pixels, count },
  );
  stepper.startEpoch(
    Int32Array.from({ length: count }, (_, i) => i),
    1,
  );
  await stepper.step({ stepIndex: 0, stepInEpoch: 0, indices: new Int32Array(0), ...SEEDS });
  await stepper.drain();
  const { layout } = stepper.trainer.plan;
  const noisy = await readFloats(stepper.trainer.buffers.activations, BATCH * PIXELS, layout.inputOffset);
  const expected = Array.from(noisy, (_, i) => expectedNoisy(type, level, Math.fround(128 / 255), i));
  comparison.compare('noisy batch', noisy, expected);
  let detail = '';
  if (type === 'uniform') {
    // The same step's dropout mask: hidden unit kept ⇔ u ≥ rate, then scaled by 1/(1 − rate).
    const hidden = layout.layers[0].offsets;
    const output = await readFloats(stepper.trainer.buffers.activations, BATCH * HIDDEN, hidden.output);
    const pre = await readFloats(stepper.trainer.buffers.activations, BATCH * HIDDEN, hidden.preActivation);
    const expectedOutput = Array.from(pre, (z, i) =>
      randomUniform(SEEDS.dropoutSeed, DROPOUT_STREAM_BASE, i) >= DROPOUT ? z * 2 : 0,
    );
    comparison.compare('dropout mask', output, expectedOutput, 1e-6);
    const kept = expectedOutput.filter((value) => value !== 0).length / expectedOutput.length;
    detail = `dropout kept ${(kept * 100).toFixed(0)}%`;
  }
  if (type === 'gaussian') {
    const standard = Array.from(noisy, (value) => (value - 128 / 255) / level);
    const mean = standard.reduce((a, b) => a + b, 0) / standard.length;
    const std = Math.sqrt(standard.reduce((a, b) => a + (b - mean) ** 2, 0) / standard.length);
    if (Math.abs(mean) > 0.1 || Math.abs(std - 1) > 0.1)
      comparison.fail(`N(0,1) drew mean ${mean}, std ${std}`);
    detail = `mean ${mean.toFixed(3)}, std ${std.toFixed(3)}`;
  }
  stepper.dispose();
  model.dispose();
  return comparison.result(detail);
}

export async function checkRandomness(): Promise<CheckResult[]> {
  return [
    await checkNoise('uniform', 0.3, 1e-6),
    await checkNoise('uniform-positive', 0.25, 1e-6),
    await checkNoise('masking', 0.4, 1e-6),
    await checkNoise('salt-and-pepper', 0.3, 1e-6),
    await checkNoise('gaussian', 0.1, 2e-4),
  ];
}
