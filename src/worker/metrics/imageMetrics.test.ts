import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { IMAGE_PIXELS } from '../../shared/dataset';
import fixture from './__fixtures__/ssim.json';
import {
  PSNR_CAP_DB,
  computeImageMetrics,
  meanSquaredErrorPerImage,
  psnrPerImage,
  ssimGaussianPerImage,
  ssimGlobalPerImage,
} from './imageMetrics';

// Made by scripts/fixtures/make_ssim_fixtures.py from scikit-image and the lab's PyTorch code.
const count = fixture.ssim.length;

function fixtureTensors(): { target: tf.Tensor2D; output: tf.Tensor2D } {
  const originals = Float32Array.from(fixture.originalsUint8, (value) => value / 255);
  return {
    target: tf.tensor2d(originals, [count, IMAGE_PIXELS]),
    output: tf.tensor2d(fixture.reconstructions, [count, IMAGE_PIXELS]),
  };
}

async function perImage(
  metric: (target: tf.Tensor2D, output: tf.Tensor2D) => tf.Tensor1D,
): Promise<Float32Array> {
  const { target, output } = fixtureTensors();
  const values = metric(target, output);
  const result = Float32Array.from(await values.data());
  tf.dispose([target, output, values]);
  return result;
}

function maxAbsoluteError(actual: Float32Array, expected: number[]): number {
  return Math.max(...expected.map((value, i) => Math.abs(actual[i] - value)));
}

function maxRelativeError(actual: Float32Array, expected: number[]): number {
  // An exact match counts as zero error even where the expected value is 0 (identical images).
  const relative = (value: number, i: number): number =>
    actual[i] === value ? 0 : Math.abs(actual[i] - value) / Math.abs(value);
  return Math.max(...expected.map(relative));
}

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('per-image metrics against the reference fixture', () => {
  it('matches scikit-image Gaussian SSIM', async () => {
    expect(maxAbsoluteError(await perImage(ssimGaussianPerImage), fixture.ssim)).toBeLessThan(1e-4);
  });

  it("matches the lab's global SSIM", async () => {
    expect(maxAbsoluteError(await perImage(ssimGlobalPerImage), fixture.ssimGlobal)).toBeLessThan(1e-4);
  });

  it('matches MSE and capped PSNR', async () => {
    expect(maxRelativeError(await perImage(meanSquaredErrorPerImage), fixture.mse)).toBeLessThan(1e-4);
    expect(maxRelativeError(await perImage(psnrPerImage), fixture.psnr)).toBeLessThan(1e-4);
  });

  it('gives SSIM 1 and the PSNR cap for identical images', async () => {
    const { target } = fixtureTensors();
    const ssim = ssimGaussianPerImage(target, target);
    const ssimGlobal = ssimGlobalPerImage(target, target);
    const psnr = psnrPerImage(target, target);
    for (const value of await ssim.data()) expect(value).toBeCloseTo(1, 6);
    for (const value of await ssimGlobal.data()) expect(value).toBeCloseTo(1, 6);
    for (const value of await psnr.data()) expect(value).toBeCloseTo(PSNR_CAP_DB, 4);
    tf.dispose([target, ssim, ssimGlobal, psnr]);
  });
});

describe('computeImageMetrics', () => {
  const mean = (values: number[]): number => values.reduce((sum, value) => sum + value, 0) / values.length;

  it.each([1, 5, 12, 1000])('equals the unchunked means with chunk size %i', async (chunkSize) => {
    const { target, output } = fixtureTensors();
    const tensorsBefore = tf.memory().numTensors;
    const metrics = await computeImageMetrics(target, output, chunkSize);
    expect(tf.memory().numTensors).toBe(tensorsBefore);
    tf.dispose([target, output]);
    expect(metrics.ssim).toBeCloseTo(mean(fixture.ssim), 5);
    expect(metrics.ssimGlobal).toBeCloseTo(mean(fixture.ssimGlobal), 5);
    expect(metrics.mse).toBeCloseTo(mean(fixture.mse), 6);
    expect(metrics.psnr / mean(fixture.psnr)).toBeCloseTo(1, 5);
  });

  it('rejects mismatched shapes and empty input without leaking', async () => {
    const tensorsBefore = tf.memory().numTensors;
    const a = tf.zeros<tf.Rank.R2>([2, IMAGE_PIXELS]);
    const b = tf.zeros<tf.Rank.R2>([3, IMAGE_PIXELS]);
    const empty = tf.zeros<tf.Rank.R2>([0, IMAGE_PIXELS]);
    await expect(computeImageMetrics(a, b)).rejects.toThrow(RangeError);
    await expect(computeImageMetrics(empty, empty)).rejects.toThrow(RangeError);
    await expect(computeImageMetrics(a, a, 0)).rejects.toThrow(RangeError);
    tf.dispose([a, b, empty]);
    expect(tf.memory().numTensors).toBe(tensorsBefore);
  });
});
