import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../shared/config';
import { DATASET_FILES } from '../../../shared/dataset';
import { LATENT_SIZES, MODEL_PRESETS, type LatentSize, type ModelPreset } from '../../../shared/modelOptions';
import { withPreset } from '../../../shared/presetRecipes';
import { gunzip } from '../../data/gunzip';
import { parseIdxImages } from '../../data/idx';
import { presetFixtures } from '../../training/__fixtures__/presetFixtures';
import { expectCloseToTorch, reportErrors } from '../../training/__fixtures__/torchFixtures';
import { TfjsStepper } from '../../training/tfjsStepper';
import { layoutNetwork, networkFromAutoencoder } from '../../engine/networkLayout';
import { createPresetModel } from './createPresetModel';
import { denseSpecFor } from './denseSpecs';

beforeAll(async () => {
  await tf.setBackend('cpu');
});
afterAll(reportErrors);

const architectures: [string, ModelPreset, LatentSize][] = MODEL_PRESETS.flatMap((preset) =>
  preset === 'dense-3' || preset === 'dense-5'
    ? LATENT_SIZES.map((size): [string, ModelPreset, LatentSize] => [`${preset}/${size}`, preset, size])
    : [[preset, preset, DEFAULT_CONFIG.latentSize]],
);

describe('preset models', () => {
  it.each(architectures)('%s: shapes and parameter count are PyTorch’s', (key, preset, latentSize) => {
    const expected = presetFixtures.presets[key];
    const model = createPresetModel({ preset, latentSize, seed: 1, dropout: 'on' });
    const x = tf.randomUniform<tf.Rank.R2>([3, 784], 0, 1, 'float32', 2);
    const { reconstruction, latent } = model.forward(x, { training: false });
    expect(reconstruction.shape).toEqual(expected.outputShape);
    expect(latent.shape).toEqual(expected.latentShape);
    expect(model.latentSize).toBe(expected.latentShape[1]);
    expect(model.decode(latent).shape).toEqual(expected.outputShape);
    const count = model.trainableVariables.reduce((sum, variable) => sum + variable.size, 0);
    expect(count).toBe(expected.parameterCount);
    tf.dispose([x, reconstruction, latent]);
    model.dispose();
  });

  it('conv: from torch’s weights, the same latent maps and reconstruction', async () => {
    const { state, input, latent, reconstruction } = presetFixtures.convForward;
    const model = createPresetModel({ preset: 'conv', latentSize: 30, seed: 0, dropout: 'off' });
    for (const { torchName, variable } of model.namedState) variable.assign(tf.tensor(state[torchName]));
    const output = model.forward(tf.tensor2d(input), { training: false });
    await expectCloseToTorch('conv forward', output.latent, latent);
    await expectCloseToTorch('conv forward', output.reconstruction, reconstruction);
    model.dispose();
  });
});

// The worker tsconfig has no Node types, so Node's fs comes in by a computed name, typed here.
interface NodeFs {
  readFile(path: URL): Promise<Uint8Array<ArrayBuffer>>;
}
const fsModule = 'node:fs/promises';
const fs: NodeFs = await import(/* @vite-ignore */ fsModule);
const testImagesFile = new URL(
  `../../../../public/data/fashion-mnist/${DATASET_FILES.testImages}`,
  import.meta.url,
);
const compressed = await fs.readFile(testImagesFile).catch(() => null);

const BATCH = 32;
const STEPS = 8;

describe.skipIf(!compressed)('each preset with its recipe on a real Fashion-MNIST batch', () => {
  it.each(MODEL_PRESETS)(
    '%s: a few steps lower the training loss',
    async (preset) => {
      if (!compressed) return;
      const images = parseIdxImages(await gunzip(compressed, 'test images'), 'test images');
      const pixels = Float32Array.from(images.pixels.subarray(0, BATCH * 784), (byte) => byte / 255);
      const config = { ...withPreset(DEFAULT_CONFIG, preset), batchSize: BATCH, seed: 3 };
      const model = createPresetModel(config);
      const stepper = new TfjsStepper(model, config, pixels);
      const indices = Int32Array.from({ length: BATCH }, (_, i) => i);
      const losses: number[] = [];
      for (let step = 0; step < STEPS; step++) {
        // The same batch, noise and dropout every step: only the weights change.
        const batch = { stepIndex: step, stepInEpoch: step, indices, noiseSeed: 5, dropoutSeed: 6 };
        losses.push(...(await stepper.step(batch)).map(({ loss }) => loss));
      }
      expect(losses.every(Number.isFinite)).toBe(true);
      // BCE (conv) sits far above 0 even when learning, so the test asks for a fall, not a ratio.
      const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
      expect(losses[STEPS - 1]).toBeLessThan(losses[0]);
      expect(mean(losses.slice(STEPS / 2))).toBeLessThan(mean(losses.slice(0, STEPS / 2)));
      stepper.dispose();
      model.dispose();
      // The CPU backend takes ~15 s here on an idle 2-core machine, several times that beside other suites.
    },
    180_000,
  );
});

describe('dropout on or off', () => {
  it('keeps the reference’s own rates, gives the lab presets 0.2 per encoder hidden layer, and off removes all', () => {
    expect(denseSpecFor('reference', 30, 'on')?.encoderDropout).toEqual([0.2, 0.2, 0.1, 0, 0, 0, 0, 0]);
    expect(denseSpecFor('dense-3', 15, 'on')?.encoderDropout).toEqual([0.2, 0.2]);
    expect(denseSpecFor('dense-5', 30, 'on')?.encoderDropout).toEqual([0.2, 0.2, 0.2, 0.2]);
    expect(denseSpecFor('minimal', 50, 'on')?.encoderDropout).toEqual([0.2]);
    for (const preset of ['reference', 'dense-5', 'minimal'] as const) {
      expect(denseSpecFor(preset, 30, 'off')?.encoderDropout.every((rate) => rate === 0)).toBe(true);
    }
  });

  it('drops units in training passes only when on', async () => {
    const x = tf.randomUniform<tf.Rank.R2>([4, 784], 0, 1, 'float32', 3);
    const differs = async (dropout: 'on' | 'off') => {
      const model = createPresetModel({ preset: 'dense-3', latentSize: 15, seed: 1, dropout });
      const training = model.forward(x, { training: true, dropoutSeed: 5 }).reconstruction;
      const evaluation = model.forward(x, { training: false }).reconstruction;
      const gap = await tf.max(tf.abs(tf.sub(training, evaluation))).data();
      tf.dispose([training, evaluation]);
      model.dispose();
      return gap[0] > 1e-6;
    };
    expect(await differs('on')).toBe(true);
    expect(await differs('off')).toBe(false);
    x.dispose();
  });
});

describe('the fused engine’s view of the dense presets', () => {
  it.each(architectures.filter(([, preset]) => preset !== 'conv'))(
    '%s: its layout holds PyTorch’s parameter count, with the preset’s BatchNorm and activations',
    (key, preset, latentSize) => {
      const spec = denseSpecFor(preset, latentSize);
      if (!spec) throw new Error(`${preset} is dense`);
      const network = networkFromAutoencoder(spec);
      expect(layoutNetwork(network, 32).parameterCount).toBe(presetFixtures.presets[key].parameterCount);
      const layers = network.layers;
      const latentLayer = layers[spec.encoderSizes.length - 2];
      expect(latentLayer.activation).toBe(preset === 'minimal' ? 'relu' : 'linear');
      expect(layers.at(-1)?.activation).toBe('sigmoid');
      expect(layers.some((layer) => layer.batchNorm)).toBe(preset === 'reference');
    },
  );
});
