import * as tf from '@tensorflow/tfjs';
import { constantScalar } from './constantScalar';

/**
 * Inputs per addN: WebGPU allows 8 storage buffers per kernel (inputs + output) and tfjs does not
 * split a longer addN, whose pipeline then fails and leaves the norm unwritten.
 */
export const MAX_ADDN_INPUTS = 7;

/** Σ of the tensors, in addN calls of at most MAX_ADDN_INPUTS inputs. */
export function sumInGroups(terms: tf.Tensor[]): tf.Tensor {
  let remaining = terms;
  while (remaining.length > 1) {
    const next: tf.Tensor[] = [];
    for (let i = 0; i < remaining.length; i += MAX_ADDN_INPUTS) {
      const group = remaining.slice(i, i + MAX_ADDN_INPUTS);
      next.push(group.length === 1 ? group[0] : tf.addN(group));
    }
    remaining = next;
  }
  return remaining[0];
}

/** √(Σ g²) over every element of every gradient. */
export function globalGradientNorm(gradients: tf.Tensor[]): tf.Scalar {
  if (gradients.length === 0) throw new Error('the global norm needs at least one gradient');
  return tf.tidy(() => tf.sqrt(sumInGroups(gradients.map((g) => tf.sum(tf.square(g))))).reshape([]));
}

/**
 * torch.nn.utils.clip_grad_norm_ (L2): every gradient times min(maxNorm / (‖g‖ + 1e-6), 1).
 * Always multiplied, never branched on, so nothing is read back from the device.
 */
export function clipByGlobalNorm(
  gradients: tf.Tensor[],
  maxNorm: number,
): { clipped: tf.Tensor[]; globalNorm: tf.Scalar } {
  return tf.tidy(() => {
    const globalNorm = globalGradientNorm(gradients);
    const coefficient = tf.minimum(
      tf.div(constantScalar(maxNorm), tf.add(globalNorm, constantScalar(1e-6))),
      constantScalar(1),
    );
    return { clipped: gradients.map((g) => tf.mul(g, coefficient)), globalNorm };
  });
}
