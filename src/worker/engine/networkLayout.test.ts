import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDenseAutoencoder, REFERENCE_SPEC } from '../model/denseAutoencoder';
import { torchFixtures } from '../training/__fixtures__/torchFixtures';
import { layoutNetwork, networkFromAutoencoder } from './networkLayout';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('the fused engine network layout', () => {
  const network = networkFromAutoencoder(REFERENCE_SPEC);

  it('reads the reference model as 18 blocks: BatchNorm + ReLU hidden layers, a linear latent, a sigmoid output', () => {
    expect(network.layers).toHaveLength(18);
    expect(network.layers[8]).toMatchObject({
      inputSize: 4,
      outputSize: 2,
      batchNorm: false,
      activation: 'linear',
    });
    expect(network.layers[17]).toMatchObject({
      inputSize: 512,
      outputSize: 784,
      batchNorm: false,
      activation: 'sigmoid',
    });
    expect(network.layers.slice(0, 3).map((layer) => layer.dropoutRate)).toEqual([0.2, 0.2, 0.1]);
    expect(network.layers.filter((layer) => layer.batchNorm)).toHaveLength(16);
  });

  it("counts PyTorch's parameters and places them in the tfjs model's variable order", () => {
    const layout = layoutNetwork(network, 128);
    expect(layout.parameterCount).toBe(torchFixtures.referenceModel.parameterCount);
    const model = createDenseAutoencoder(REFERENCE_SPEC, 0);
    const offsets = layout.layers.flatMap(({ offsets }) =>
      [offsets.weight, offsets.bias, offsets.gamma, offsets.beta].filter((offset) => offset >= 0),
    );
    let expected = 0;
    model.trainableVariables.forEach((variable, i) => {
      expect(offsets[i]).toBe(expected);
      expected += variable.size;
    });
    const running = model.namedState.filter(({ variable }) => !variable.trainable);
    expect(layout.runningCount).toBe(running.reduce((sum, { variable }) => sum + variable.size, 0));
    model.dispose();
  });

  it('gives every activation region its own floats', () => {
    const layout = layoutNetwork(network, 32);
    const regions = [
      [layout.inputOffset, 32 * 784],
      [layout.targetOffset, 32 * 784],
      ...layout.layers.flatMap(({ spec, offsets }) =>
        [offsets.preActivation, offsets.output, offsets.outputGradient].map((start) => [
          start,
          32 * spec.outputSize,
        ]),
      ),
    ].sort((a, b) => a[0] - b[0]);
    regions.forEach(([start, size], i) => {
      const next = regions[i + 1];
      if (next) expect(start + size).toBeLessThanOrEqual(next[0]);
      else expect(start + size).toBe(layout.activationCount);
    });
    // Each block reads the previous block's output.
    layout.layers
      .slice(1)
      .forEach(({ offsets }, i) => expect(offsets.input).toBe(layout.layers[i].offsets.output));
  });

  it('refuses a chain whose sizes do not meet', () => {
    expect(() =>
      layoutNetwork(
        {
          layers: [
            { inputSize: 4, outputSize: 3, batchNorm: false, activation: 'relu', dropoutRate: 0 },
            { inputSize: 2, outputSize: 4, batchNorm: false, activation: 'sigmoid', dropoutRate: 0 },
          ],
          batchNormMomentum: 0.1,
          batchNormEpsilon: 1e-5,
        },
        8,
      ),
    ).toThrow(/expects 2 inputs but gets 3/);
  });
});
