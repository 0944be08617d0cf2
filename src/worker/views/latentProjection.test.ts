import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRandom } from '../training/random';
import { fitProjection, projectCodes, unprojectPoints } from './latentProjection';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const DIMENSIONS = 6;
const COUNT = 2000;
/** Two orthonormal directions mixing several coordinates, so no axis is trivially aligned. */
const PC1 = [1, 1, 0, 0, 1, 1].map((v) => v / 2);
const PC2 = [1, -1, 0, 0, -1, 1].map((v) => v / 2);
const MEAN = [0.5, -1, 2, 0, 3, 1];

/** Codes = mean + 3a·PC1 + 1b·PC2 + 0.05·noise with a, b, noise uniform in (−1, 1). */
function syntheticCodes(): Float32Array {
  const random = createRandom(11);
  const draw = () => 2 * random.nextFloat() - 1;
  const codes = new Float32Array(COUNT * DIMENSIONS);
  for (let r = 0; r < COUNT; r++) {
    const [a, b] = [3 * draw(), draw()];
    for (let k = 0; k < DIMENSIONS; k++) {
      codes[r * DIMENSIONS + k] = MEAN[k] + a * PC1[k] + b * PC2[k] + 0.05 * draw();
    }
  }
  return codes;
}

describe('the PCA projection of a latent larger than 2-D', () => {
  it('finds the two principal directions, their variance shares and the mean', async () => {
    const projection = await fitProjection(syntheticCodes(), DIMENSIONS);
    const dot = (u: ArrayLike<number>, v: number[]) => v.reduce((sum, x, i) => sum + x * u[i], 0);
    expect(Math.abs(dot(projection.axes[0], PC1))).toBeGreaterThan(0.999);
    expect(Math.abs(dot(projection.axes[1], PC2))).toBeGreaterThan(0.999);
    expect(Math.abs(dot(projection.axes[0], Array.from(projection.axes[1])))).toBeLessThan(1e-4);
    // Variances 3 and 1/3 against the noise's 6 · 0.05²/3: PC1 ≈ 0.9, PC2 ≈ 0.1 of the total.
    expect(projection.explainedVariance[0]).toBeCloseTo(0.9, 1);
    expect(projection.explainedVariance[1]).toBeCloseTo(0.1, 1);
    Array.from(projection.mean).forEach((m, k) => expect(m).toBeCloseTo(MEAN[k], 1));
  });

  it('a plane point decodes through the inverse projection back onto the same plane point', async () => {
    const codes = syntheticCodes();
    const projection = await fitProjection(codes, DIMENSIONS);
    const points = tf.tensor2d([
      [0, 0],
      [2, -0.5],
      [-1, 1],
    ]);
    const latent = unprojectPoints(points, projection);
    expect(latent.shape).toEqual([3, DIMENSIONS]);
    const back = projectCodes((await latent.data()) as Float32Array, projection);
    Array.from(back).forEach((value, i) => expect(value).toBeCloseTo([0, 0, 2, -0.5, -1, 1][i], 4));
    expect(projectCodes(codes, projection).length).toBe(COUNT * 2);
  });

  it('keeps its orientation from fit to fit (the largest entry of each axis is positive)', async () => {
    const projection = await fitProjection(syntheticCodes(), DIMENSIONS);
    for (const axis of projection.axes) {
      const largest = Array.from(axis).reduce((best, v) => (Math.abs(v) > Math.abs(best) ? v : best), 0);
      expect(largest).toBeGreaterThan(0);
    }
  });
});
