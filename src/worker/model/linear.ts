import * as tf from '@tensorflow/tfjs';
import type { SeededRandom } from '../training/random';
import { customGradArgs } from './customGradArgs';

/** nn.Linear with the weight stored as [in, out] so the forward pass is x·W + b. */
export interface Linear {
  readonly weight: tf.Variable;
  readonly bias: tf.Variable;
  apply(x: tf.Tensor2D): tf.Tensor2D;
}

/** PyTorch's default init: W and b ~ U(−1/√fan_in, 1/√fan_in). */
export function createLinear(inFeatures: number, outFeatures: number, random: SeededRandom): Linear {
  const bound = 1 / Math.sqrt(inFeatures);
  const uniformVariable = (shape: number[]): tf.Variable =>
    tf.tidy(() => tf.variable(tf.randomUniform(shape, -bound, bound, 'float32', random.nextSeed())));
  const weight = uniformVariable([inFeatures, outFeatures]);
  const bias = uniformVariable([outFeatures]);
  return {
    weight,
    bias,
    apply: (x) => {
      const y = linearWithLeanGradient(x, weight, bias);
      if (!isMatrix(y)) throw new Error(`expected a matrix, got rank ${y.rank}`);
      return y;
    },
  };
}

/**
 * x·W + b in one fused kernel (one dispatch fewer per layer on a GPU), with its gradient written
 * out: tfjs's own gradient multiplies with transposed operands, which tfjs-wasm computes 9–20×
 * slower than a transpose followed by a plain product (measured at 128×784·784×512).
 */
const linearWithLeanGradient = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
  const {
    tensors: [x, weight, bias],
    save,
  } = customGradArgs(args);
  if (!isMatrix(x) || !isMatrix(weight) || !bias) throw new Error('linear expects x, W and b');
  save([x, weight]);
  return {
    value: tf.fused.matMul({ a: x, b: weight, bias }),
    gradFunc: (dy: tf.Tensor, [input, w]: tf.Tensor[]) => {
      if (!isMatrix(dy) || !isMatrix(input) || !isMatrix(w))
        throw new Error('linear gradient expects matrices');
      return [tf.matMul(dy, tf.transpose(w)), tf.matMul(tf.transpose(input), dy), tf.sum(dy, 0)];
    },
  };
});

function isMatrix(t: tf.Tensor | undefined): t is tf.Tensor2D {
  return t !== undefined && t.rank === 2;
}
