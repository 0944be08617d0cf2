import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectCloseToTorch, flatten, reportErrors, torchFixtures } from './__fixtures__/torchFixtures';
import { clipByGlobalNorm, globalGradientNorm, MAX_ADDN_INPUTS } from './clipGradients';

beforeAll(async () => {
  await tf.setBackend('cpu');
});
afterAll(reportErrors);

describe('clipByGlobalNorm', () => {
  it.each(torchFixtures.clip)('matches clip_grad_norm_ with max norm $maxNorm', async (fixture) => {
    const gradients = fixture.gradients.map((g) => tf.tensor(g));
    const { clipped, globalNorm } = clipByGlobalNorm(gradients, fixture.maxNorm);
    await expectCloseToTorch('clip', globalNorm, fixture.globalNorm);
    for (const [i, g] of clipped.entries()) {
      expect(g.shape).toEqual(gradients[i].shape);
      await expectCloseToTorch('clip', g, fixture.clipped[i]);
    }
  });

  it('scales gradients over the limit down to it, and leaves those under it exactly as they are', async () => {
    const [overLimit, underLimit] = torchFixtures.clip;
    const clippedNorm = async ({ gradients, maxNorm }: (typeof torchFixtures.clip)[number]) => {
      const { clipped, globalNorm } = clipByGlobalNorm(
        gradients.map((g) => tf.tensor(g)),
        maxNorm,
      );
      const norm = globalGradientNorm(clipped);
      const result = { before: (await globalNorm.data())[0], after: (await norm.data())[0], clipped };
      tf.dispose([globalNorm, norm]);
      return result;
    };
    const over = await clippedNorm(overLimit);
    expect(over.before).toBeGreaterThan(overLimit.maxNorm);
    expect(over.after).toBeCloseTo(overLimit.maxNorm, 5);
    const under = await clippedNorm(underLimit);
    expect(under.before).toBeLessThan(underLimit.maxNorm);
    for (const [i, g] of under.clipped.entries())
      expect(await g.data()).toEqual(Float32Array.from(flatten(underLimit.gradients[i])));
    tf.dispose([...over.clipped, ...under.clipped]);
  });

  it('sums many gradients without an addN wider than WebGPU allows', async () => {
    const gradients = Array.from({ length: 68 }, (_, i) => tf.fill([3], i + 1));
    const profile = await tf.profile(() => globalGradientNorm(gradients));
    const norm = profile.result as tf.Scalar;
    const addNWidths = profile.kernels.filter((k) => k.name === 'AddN').map((k) => k.inputShapes.length);
    expect(addNWidths.length).toBeGreaterThan(1);
    expect(Math.max(...addNWidths)).toBeLessThanOrEqual(MAX_ADDN_INPUTS);
    // Σ over i = 1..68 of 3·i²
    expect((await norm.data())[0]).toBeCloseTo(Math.sqrt((3 * 68 * 69 * 137) / 6), 2);
    tf.dispose([...gradients, norm]);
  });

  it('leaks nothing but its results', () => {
    const gradients = [tf.ones([3, 2]), tf.ones([4])];
    clipByGlobalNorm(gradients, 1);
    const before = tf.memory().numTensors;
    const { clipped, globalNorm } = clipByGlobalNorm(gradients, 1);
    expect(tf.memory().numTensors).toBe(before + clipped.length + 1);
    tf.dispose([...clipped, globalNorm]);
  });
});
