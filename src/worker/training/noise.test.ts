import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { NOISE_TYPES } from '../../shared/config';
import { addNoise } from './noise';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const ROWS = 200;
const COLUMNS = 100;
const constantBatch = (value: number) => tf.fill<tf.Rank.R2>([ROWS, COLUMNS], value);

async function stats(t: tf.Tensor) {
  const values = Array.from(await t.data());
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length;
  return { values, mean, std: Math.sqrt(variance) };
}

describe('addNoise', () => {
  it.each(NOISE_TYPES)('%s: stays in [0, 1], repeats for a seed, changes with the seed', async (type) => {
    const clean = tf.randomUniform<tf.Rank.R2>([ROWS, COLUMNS], 0, 1, 'float32', 5);
    const [first, again, other] = [1, 1, 2].map((seed) => addNoise(clean, type, 0.9, seed));
    const { values } = await stats(first);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThanOrEqual(1);
    expect(Array.from(await again.data())).toEqual(Array.from(values));
    expect(Array.from(await other.data())).not.toEqual(Array.from(values));
    expect(first.shape).toEqual(clean.shape);
    tf.dispose([clean, first, again, other]);
  });

  it.each(NOISE_TYPES)('%s: level 0 returns an unchanged copy', async (type) => {
    const clean = tf.randomUniform<tf.Rank.R2>([4, 6], 0, 1, 'float32', 9);
    const noisy = addNoise(clean, type, 0, 1);
    expect(noisy).not.toBe(clean);
    expect(Array.from(await noisy.data())).toEqual(Array.from(await clean.data()));
    clean.dispose();
    expect(noisy.isDisposed).toBe(false);
    noisy.dispose();
  });

  it('gaussian adds level·N(0, 1)', async () => {
    const { mean, std } = await stats(addNoise(constantBatch(0.5), 'gaussian', 0.1, 3));
    expect(mean).toBeCloseTo(0.5, 2);
    expect(std).toBeCloseTo(0.1, 2);
  });

  it('gaussian clamps to [0, 1]: a black image stays non-negative with half its pixels at 0', async () => {
    const { values } = await stats(addNoise(constantBatch(0), 'gaussian', 0.25, 4));
    const zeros = values.filter((v) => v === 0).length / values.length;
    expect(zeros).toBeCloseTo(0.5, 1);
  });

  it('uniform adds level·U(−1, 1)', async () => {
    const { mean, std } = await stats(addNoise(constantBatch(0.5), 'uniform', 0.2, 3));
    expect(mean).toBeCloseTo(0.5, 2);
    expect(std).toBeCloseTo(0.2 / Math.sqrt(3), 2);
  });

  it('uniform-positive adds level·U(0, 1): it only brightens', async () => {
    const clean = constantBatch(0.5);
    const { values, mean, std } = await stats(addNoise(clean, 'uniform-positive', 0.25, 3));
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0.5);
    expect(Math.max(...values)).toBeLessThanOrEqual(0.75);
    expect(mean).toBeCloseTo(0.625, 2);
    expect(std).toBeCloseTo(0.25 / Math.sqrt(12), 2);
  });

  it('salt-and-pepper replaces a `level` share of pixels, half by 0 and half by 1', async () => {
    const { values } = await stats(addNoise(constantBatch(0.5), 'salt-and-pepper', 0.3, 3));
    const share = (v: number) => values.filter((x) => x === v).length / values.length;
    expect(share(0)).toBeCloseTo(0.15, 2);
    expect(share(1)).toBeCloseTo(0.15, 2);
    expect(share(0.5)).toBeCloseTo(0.7, 2);
  });

  it('masking zeroes a `level` share of pixels and keeps the rest', async () => {
    const { values } = await stats(addNoise(constantBatch(0.5), 'masking', 0.4, 3));
    const share = (v: number) => values.filter((x) => x === v).length / values.length;
    expect(share(0)).toBeCloseTo(0.4, 2);
    expect(share(0.5)).toBeCloseTo(0.6, 2);
  });

  it('leaks no tensors', () => {
    const clean = constantBatch(0.5);
    const before = tf.memory().numTensors;
    for (const type of NOISE_TYPES) addNoise(clean, type, 0.3, 1).dispose();
    expect(tf.memory().numTensors).toBe(before);
    clean.dispose();
  });
});
