import * as tf from '@tensorflow/tfjs';
import { createRandom } from '../training/random';
import { stateKeeping, type Autoencoder, type ForwardOptions } from './autoencoder';
import { createDenseStack } from './denseStack';

export interface DenseAutoencoderSpec {
  /** Input first, latent last, e.g. [784, 512, …, 4, 2]. */
  encoderSizes: number[];
  /** Latent first, output last, e.g. [2, 4, …, 512, 784]. */
  decoderSizes: number[];
  /** Dropout rate after encoder hidden layer k; 0 = none. */
  encoderDropout: number[];
  /** BatchNorm1d in every hidden block of both sides; absent = true (the reference model). */
  batchNorm?: boolean;
  /** The latent layer's activation; absent = linear (the reference model), ReLU in the minimal one. */
  latentActivation?: 'linear' | 'relu';
  batchNormMomentum: number;
  batchNormEpsilon: number;
}

/** As scripts/bench/torch_ref.py builds it: no BatchNorm or ReLU on the latent, Sigmoid on the output. */
export const REFERENCE_SPEC: DenseAutoencoderSpec = {
  encoderSizes: [784, 512, 256, 128, 64, 32, 16, 8, 4, 2],
  decoderSizes: [2, 4, 8, 16, 32, 64, 128, 256, 512, 784],
  encoderDropout: [0.2, 0.2, 0.1, 0, 0, 0, 0, 0],
  batchNorm: true,
  latentActivation: 'linear',
  batchNormMomentum: 0.1,
  batchNormEpsilon: 1e-5,
};

export type { ForwardOptions };

export interface DenseAutoencoder extends Autoencoder {
  readonly spec: DenseAutoencoderSpec;
  readonly denseSpec: DenseAutoencoderSpec;
}

export function createDenseAutoencoder(spec: DenseAutoencoderSpec, seed: number): DenseAutoencoder {
  const latentSize = spec.encoderSizes[spec.encoderSizes.length - 1];
  if (spec.decoderSizes[0] !== latentSize) {
    throw new Error(`decoder starts at ${spec.decoderSizes[0]} but the latent has ${latentSize} dimensions`);
  }
  const random = createRandom(seed);
  const shared = {
    batchNorm: spec.batchNorm ?? true,
    batchNormMomentum: spec.batchNormMomentum,
    batchNormEpsilon: spec.batchNormEpsilon,
  };
  const encoder = createDenseStack(
    {
      ...shared,
      sizes: spec.encoderSizes,
      dropoutRates: spec.encoderDropout,
      outputActivation: spec.latentActivation ?? 'linear',
      torchPrefix: 'encoder',
    },
    random,
  );
  const decoder = createDenseStack(
    {
      ...shared,
      sizes: spec.decoderSizes,
      dropoutRates: [],
      outputActivation: 'sigmoid',
      torchPrefix: 'decoder',
    },
    random,
  );
  const namedState = [...encoder.namedState, ...decoder.namedState];
  const stateVariables = namedState.map(({ variable }) => variable);

  return {
    spec,
    denseSpec: spec,
    latentSize,
    latentMapShape: null,
    namedState,
    trainableVariables: stateVariables.filter((variable) => variable.trainable),
    forward: (x, { training, dropoutSeed }) =>
      tf.tidy(() => {
        const dropoutSeeds = dropoutSeed === undefined ? undefined : createRandom(dropoutSeed);
        const latent = encoder.apply(x, training, dropoutSeeds);
        return { latent, reconstruction: decoder.apply(latent, training) };
      }),
    encode: (x) => encoder.apply(x, false),
    decode: (latent) => decoder.apply(latent, false),
    ...stateKeeping(stateVariables),
  };
}
