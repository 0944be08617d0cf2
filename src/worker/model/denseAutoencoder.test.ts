import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { torchFixtures } from '../training/__fixtures__/torchFixtures';
import { AdamW } from '../training/adamw';
import { trainStep } from '../training/trainStep';
import { createDenseAutoencoder, REFERENCE_SPEC } from './denseAutoencoder';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const SMALL_SPEC = {
  encoderSizes: [12, 8, 4, 2],
  decoderSizes: [2, 4, 8, 12],
  encoderDropout: [0.5, 0],
  batchNormMomentum: 0.1,
  batchNormEpsilon: 1e-5,
};

const batch = (rows: number, columns: number, seed: number) =>
  tf.randomUniform<tf.Rank.R2>([rows, columns], 0, 1, 'float32', seed);

async function stateValues(model: ReturnType<typeof createDenseAutoencoder>): Promise<number[][]> {
  return Promise.all(model.namedState.map(async ({ variable }) => Array.from(await variable.data())));
}

describe('createDenseAutoencoder', () => {
  it('builds the reference model with PyTorch names, shapes and parameter count', () => {
    const model = createDenseAutoencoder(REFERENCE_SPEC, 0);
    const { parameterCount, stateShapes } = torchFixtures.referenceModel;
    const count = model.trainableVariables.reduce((sum, variable) => sum + variable.size, 0);
    expect(count).toBe(parameterCount);
    // Our Linear weights are [in, out]; PyTorch's are [out, in].
    const shapes = Object.fromEntries(
      model.namedState.map(({ torchName, variable }) => [torchName, [...variable.shape].reverse()]),
    );
    expect(shapes).toEqual(stateShapes);
    expect(model.namedState.map(({ torchName }) => torchName)).toEqual(Object.keys(stateShapes));
    model.dispose();
  });

  it('maps images to a 2-D latent and back to pixels in (0, 1)', async () => {
    const model = createDenseAutoencoder(REFERENCE_SPEC, 0);
    const x = batch(16, 784, 1);
    for (const training of [true, false]) {
      const { reconstruction, latent } = model.forward(x, { training, dropoutSeed: 3 });
      expect(latent.shape).toEqual([16, 2]);
      expect(reconstruction.shape).toEqual([16, 784]);
      const pixels = await reconstruction.data();
      expect(pixels.every((p) => p > 0 && p < 1)).toBe(true);
    }
    expect(model.encode(x).shape).toEqual([16, 2]);
    expect(model.decode(tf.zeros([5, 2])).shape).toEqual([5, 784]);
    model.dispose();
  });

  it('initialises deterministically from the seed, like nn.Linear', async () => {
    const [a, b, c] = [7, 7, 8].map((seed) => createDenseAutoencoder(SMALL_SPEC, seed));
    expect(await stateValues(a)).toEqual(await stateValues(b));
    expect(await stateValues(a)).not.toEqual(await stateValues(c));
    const firstWeight = await a.trainableVariables[0].data();
    const bound = 1 / Math.sqrt(12);
    expect(firstWeight.every((w) => Math.abs(w) <= bound)).toBe(true);
    expect(Math.max(...firstWeight.map(Math.abs))).toBeGreaterThan(0.8 * bound);
    [a, b, c].forEach((model) => model.dispose());
  });

  it('seeds dropout: same seed, same output; eval mode has no dropout', async () => {
    const model = createDenseAutoencoder(SMALL_SPEC, 1);
    const x = batch(8, 12, 2);
    const run = async (options: { training: boolean; dropoutSeed?: number }) =>
      Array.from(await model.forward(x, options).latent.data());
    expect(await run({ training: true, dropoutSeed: 5 })).toEqual(
      await run({ training: true, dropoutSeed: 5 }),
    );
    expect(await run({ training: true, dropoutSeed: 5 })).not.toEqual(
      await run({ training: true, dropoutSeed: 6 }),
    );
    expect(await run({ training: false, dropoutSeed: 5 })).toEqual(
      await run({ training: false, dropoutSeed: 6 }),
    );
    model.dispose();
  });

  it('saves and restores every state variable, running statistics included', async () => {
    const model = createDenseAutoencoder(SMALL_SPEC, 1);
    const optimizer = new AdamW(model.trainableVariables, { learningRate: 0.05, weightDecay: 1e-5 });
    const x = batch(8, 12, 2);
    const options = { lossWeights: { mseWeight: 0.7, l1Weight: 0.3 }, gradientClipNorm: 1, dropoutSeed: 1 };
    const saved = model.saveState();
    const savedValues = await stateValues(model);
    trainStep(model, optimizer, x, x, options);
    expect(await stateValues(model)).not.toEqual(savedValues);
    model.restoreState(saved);
    expect(await stateValues(model)).toEqual(savedValues);
    trainStep(model, optimizer, x, x, options);
    expect(Array.from(await saved[0].data())).toEqual(savedValues[0]);
    expect(() => model.restoreState(saved.slice(1))).toThrow();
    optimizer.dispose();
    model.dispose();
  });

  it('leaks no tensors across forward, backward and update', () => {
    const model = createDenseAutoencoder(REFERENCE_SPEC, 0);
    const optimizer = new AdamW(model.trainableVariables, { learningRate: 1e-3, weightDecay: 1e-5 });
    const x = batch(32, 784, 4);
    const options = { lossWeights: { mseWeight: 0.7, l1Weight: 0.3 }, gradientClipNorm: 1, dropoutSeed: 2 };
    tf.dispose(trainStep(model, optimizer, x, x, options));
    const before = tf.memory().numTensors;
    for (let step = 0; step < 3; step++) {
      tf.dispose(trainStep(model, optimizer, x, x, { ...options, dropoutSeed: step }));
      tf.dispose(model.forward(x, { training: false }));
      expect(tf.memory().numTensors).toBe(before);
    }
    optimizer.dispose();
    model.dispose();
  });

  it('rejects a decoder that does not start at the latent size', () => {
    expect(() => createDenseAutoencoder({ ...SMALL_SPEC, decoderSizes: [3, 12] }, 0)).toThrow(/latent/);
  });
});
