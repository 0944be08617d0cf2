import * as tf from '@tensorflow/tfjs';
import { createRandom } from '../training/random';
import { createDenseStack, type NamedState } from './denseStack';

export interface DenseAutoencoderSpec {
  /** Input first, latent last, e.g. [784, 512, …, 4, 2]. */
  encoderSizes: number[];
  /** Latent first, output last, e.g. [2, 4, …, 512, 784]. */
  decoderSizes: number[];
  /** Dropout rate after encoder hidden layer k; 0 = none. */
  encoderDropout: number[];
  batchNormMomentum: number;
  batchNormEpsilon: number;
}

/** SPEC §2 and bench/torch_ref.py: no BatchNorm or ReLU on the latent, Sigmoid on the output. */
export const REFERENCE_SPEC: DenseAutoencoderSpec = {
  encoderSizes: [784, 512, 256, 128, 64, 32, 16, 8, 4, 2],
  decoderSizes: [2, 4, 8, 16, 32, 64, 128, 256, 512, 784],
  encoderDropout: [0.2, 0.2, 0.1, 0, 0, 0, 0, 0],
  batchNormMomentum: 0.1,
  batchNormEpsilon: 1e-5,
};

export interface ForwardOptions {
  training: boolean;
  /** Seeds the dropout masks; each dropout layer derives its own seed from it. */
  dropoutSeed?: number;
}

export interface DenseAutoencoder {
  readonly spec: DenseAutoencoderSpec;
  /** Parameters in PyTorch's `parameters()` order. */
  readonly trainableVariables: tf.Variable[];
  /** Parameters and BatchNorm running statistics in PyTorch's `state_dict()` order. */
  readonly namedState: readonly NamedState[];
  /** In training mode this also updates the BatchNorm running statistics. */
  forward(x: tf.Tensor2D, options: ForwardOptions): { reconstruction: tf.Tensor2D; latent: tf.Tensor2D };
  encode(x: tf.Tensor2D): tf.Tensor2D;
  decode(latent: tf.Tensor2D): tf.Tensor2D;
  /** Kept copies of every state variable, e.g. for the best checkpoint; the caller disposes them. */
  saveState(): tf.Tensor[];
  restoreState(state: tf.Tensor[]): void;
  dispose(): void;
}

export function createDenseAutoencoder(spec: DenseAutoencoderSpec, seed: number): DenseAutoencoder {
  const latentSize = spec.encoderSizes[spec.encoderSizes.length - 1];
  if (spec.decoderSizes[0] !== latentSize) {
    throw new Error(`decoder starts at ${spec.decoderSizes[0]} but the latent has ${latentSize} dimensions`);
  }
  const random = createRandom(seed);
  const shared = { batchNormMomentum: spec.batchNormMomentum, batchNormEpsilon: spec.batchNormEpsilon };
  const encoder = createDenseStack(
    {
      ...shared,
      sizes: spec.encoderSizes,
      dropoutRates: spec.encoderDropout,
      outputActivation: 'linear',
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
    saveState: () => stateVariables.map((variable) => tf.keep(tf.clone(variable))),
    restoreState: (state) => {
      if (state.length !== stateVariables.length) {
        throw new Error(`expected ${stateVariables.length} state tensors, got ${state.length}`);
      }
      // assign checks each shape; the variables share the saved data, which is never written in place.
      stateVariables.forEach((variable, i) => variable.assign(state[i]));
    },
    dispose: () => stateVariables.forEach((variable) => variable.dispose()),
  };
}
