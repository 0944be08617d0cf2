import * as tf from '@tensorflow/tfjs';
import type { SeededRandom } from '../training/random';

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
      // The fused kernel adds the bias in the matmul pass: one dispatch fewer per layer on the GPU.
      const y = tf.fused.matMul({ a: x, b: weight, bias });
      if (!isMatrix(y)) throw new Error(`expected a matrix, got rank ${y.rank}`);
      return y;
    },
  };
}

function isMatrix(t: tf.Tensor): t is tf.Tensor2D {
  return t.rank === 2;
}
