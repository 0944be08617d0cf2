/** What training, evaluation and the views need of any model: the dense presets and the conv one. */
import * as tf from '@tensorflow/tfjs';
import type { DenseAutoencoderSpec } from './denseAutoencoder';
import type { NamedState } from './denseStack';
import { snapshotOf } from './flatState';

export interface ForwardOptions {
  training: boolean;
  /** Seeds the dropout masks; each dropout layer derives its own seed from it. */
  dropoutSeed?: number;
}

/** Every model takes and returns flat [N, 784] images and has a flat [N, latentSize] code. */
export interface Autoencoder {
  readonly latentSize: number;
  /** The fused engine's description of a dense chain; null when the model is not one (conv). */
  readonly denseSpec: DenseAutoencoderSpec | null;
  /** The latent's [height, width, channels] when it is a stack of feature maps; null for a vector. */
  readonly latentMapShape: [number, number, number] | null;
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

/** Weight matrices and kernels, which the L2 penalty covers; biases and BatchNorm are 1-D and exempt. */
export function penalizedWeights(model: Autoencoder): tf.Variable[] {
  return model.trainableVariables.filter((variable) => variable.rank >= 2);
}

/** Checkpoint save/restore and disposal over a model's state variables (every model does the same). */
export function stateKeeping(
  stateVariables: readonly tf.Variable[],
): Pick<Autoencoder, 'saveState' | 'restoreState' | 'dispose'> {
  return {
    saveState: () => stateVariables.map(snapshotOf),
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
