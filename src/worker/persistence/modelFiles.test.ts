import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ModelFiles } from '../../shared/protocol';
import { createDenseAutoencoder, REFERENCE_SPEC, type DenseAutoencoderSpec } from '../model/denseAutoencoder';
import { assignFlat } from '../model/flatState';
import { syntheticSplit } from '../training/syntheticImages';
import { createPresetModel } from '../model/presets/createPresetModel';
import { denseSpecFor } from '../model/presets/denseSpecs';
import { DEFAULT_CONFIG } from '../../shared/config';
import { denseSpecOf, exportModelFiles, importModelFiles, ModelFileError } from './modelFiles';

/** The reference spec at a width the CPU backend runs in milliseconds. */
const SMALL: DenseAutoencoderSpec = {
  ...REFERENCE_SPEC,
  encoderSizes: [784, 32, 8, 2],
  decoderSizes: [2, 8, 32, 784],
  encoderDropout: [0.2, 0],
};

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const images = tf.tensor2d(syntheticSplit(6).images, [6, 784]);

/** A model whose BatchNorm statistics are not the initial ones: one training-mode pass moves them. */
function trainedModel(spec: DenseAutoencoderSpec, seed: number) {
  const model = createDenseAutoencoder(spec, seed);
  tf.tidy(() => model.forward(images, { training: true, dropoutSeed: 1 }));
  return model;
}

async function reconstruction(model: {
  decode(x: tf.Tensor2D): tf.Tensor2D;
  encode(x: tf.Tensor2D): tf.Tensor2D;
}) {
  const output = tf.tidy(() => model.decode(model.encode(images)));
  const values = await output.data();
  output.dispose();
  return values;
}

describe('model files', () => {
  it('round-trips into a model with identical outputs, and tf.loadLayersModel reads the same network', async () => {
    const source = trainedModel(SMALL, 1);
    const files = await exportModelFiles(source);
    expect(JSON.parse(files.modelJson).weightsManifest[0].paths).toEqual(['./autoencoder.weights.bin']);

    const target = createDenseAutoencoder(SMALL, 2);
    assignFlat(
      await importModelFiles(files, SMALL),
      target.namedState.map(({ variable }) => variable),
    );
    const expected = await reconstruction(source);
    expect(await reconstruction(target)).toEqual(expected);

    const { modelTopology, weightsManifest } = JSON.parse(files.modelJson);
    const loaded = await tf.loadLayersModel(
      tf.io.fromMemory({
        modelTopology,
        weightSpecs: weightsManifest[0].weights,
        weightData: files.weightFiles[0].data,
      }),
    );
    const prediction = loaded.predict(images) as tf.Tensor;
    const keras = await prediction.data();
    expect(Math.max(...keras.map((v, i) => Math.abs(v - expected[i])))).toBeLessThan(1e-5);
    prediction.dispose();
    loaded.dispose();
    source.dispose();
    target.dispose();
  });

  async function importError(files: ModelFiles, spec = SMALL): Promise<string> {
    const error = await importModelFiles(files, spec).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelFileError);
    return (error as Error).message;
  }

  it('names a wrong architecture, a truncated or missing weights file, and files that are not models', async () => {
    const model = createDenseAutoencoder(SMALL, 1);
    const files = await exportModelFiles(model);
    const wider = { ...SMALL, encoderSizes: [784, 64, 8, 2] };
    expect(await importError(files, wider)).toBe(
      'Wrong architecture: layer 1 is Dense with 32 units and linear activation; this architecture needs Dense with 64 units and linear activation.',
    );
    expect(await importError(files, REFERENCE_SPEC)).toMatch(
      /^Wrong architecture: the model has 14 layers, this architecture 50/,
    );

    const [weights] = files.weightFiles;
    const truncated = { ...files, weightFiles: [{ ...weights, data: weights.data.slice(0, 1000) }] };
    expect(await importError(truncated)).toMatch(/^The weights file is truncated: 1000 of \d+ bytes\.$/);
    expect(await importError({ ...files, weightFiles: [] })).toMatch(/autoencoder\.weights\.bin is missing/);
    expect(await importError({ modelJson: '\u0089PNG\r\n', weightFiles: [] })).toMatch(/not JSON/);
    expect(
      await importError({ modelJson: '{"format":"autoencoder-playground-run"}', weightFiles: [] }),
    ).toMatch(/not a tfjs layers model/);
    const truncatedJson = { ...files, modelJson: files.modelJson.slice(0, files.modelJson.length / 2) };
    expect(await importError(truncatedJson)).toMatch(/not JSON/);
    model.dispose();
  });

  it('maps every dense preset (no BatchNorm, a ReLU latent) and names the conv preset it cannot write', async () => {
    for (const [preset, latentSize] of [
      ['dense-3', 15],
      ['minimal', 50],
    ] as const) {
      const spec = denseSpecFor(preset, latentSize);
      if (!spec) throw new Error(`${preset} is dense`);
      const source = trainedModel(spec, 3);
      const target = createDenseAutoencoder(spec, 4);
      const flat = await importModelFiles(await exportModelFiles(source), spec);
      assignFlat(
        flat,
        target.namedState.map(({ variable }) => variable),
      );
      expect(await reconstruction(target)).toEqual(await reconstruction(source));
      source.dispose();
      target.dispose();
    }
    const conv = createPresetModel({ ...DEFAULT_CONFIG, preset: 'conv' });
    expect(() => denseSpecOf(conv)).toThrow(/conv preset cannot be exported or imported/);
    conv.dispose();
  });
});
