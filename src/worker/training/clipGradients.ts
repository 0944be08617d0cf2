import * as tf from '@tensorflow/tfjs';
import { constantScalar } from './constantScalar';

/** √(Σ g²) over every element of every gradient. */
export function globalGradientNorm(gradients: tf.Tensor[]): tf.Scalar {
  if (gradients.length === 0) throw new Error('the global norm needs at least one gradient');
  return tf.tidy(() => tf.sqrt(tf.addN(gradients.map((g) => tf.sum<tf.Scalar>(tf.square(g))))));
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
