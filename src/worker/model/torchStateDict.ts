import * as tf from '@tensorflow/tfjs';
import type { DenseAutoencoder } from './denseAutoencoder';

/** A PyTorch state_dict as JSON: Linear weights are [out, in]. */
export type TorchStateDict = Record<string, number[] | number[][]>;

/** Copies PyTorch weights into the model (Linear weights transposed to [in, out]). */
export function loadTorchStateDict(model: DenseAutoencoder, dict: TorchStateDict): void {
  tf.tidy(() => {
    for (const { torchName, variable } of model.namedState) {
      const value = dict[torchName];
      if (value === undefined) throw new Error(`state dict lacks ${torchName}`);
      const tensor = isMatrix(value) ? tf.transpose(tf.tensor2d(value)) : tf.tensor1d(value);
      if (!tensor.shape.every((size, i) => size === variable.shape[i]) || tensor.rank !== variable.rank) {
        throw new Error(`${torchName}: shape [${tensor.shape}] does not fit [${variable.shape}]`);
      }
      variable.assign(tensor);
    }
  });
}

function isMatrix(value: number[] | number[][]): value is number[][] {
  return Array.isArray(value[0]);
}
