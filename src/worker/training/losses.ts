import * as tf from '@tensorflow/tfjs';
import { constantScalar } from './constantScalar';

export interface LossWeights {
  mseWeight: number;
  l1Weight: number;
}

/** mseWeight·MSE + l1Weight·L1 over every pixel of the batch (PyTorch's mse_loss/l1_loss, mean reduction). */
export function reconstructionLoss(target: tf.Tensor, output: tf.Tensor, weights: LossWeights): tf.Scalar {
  return tf.tidy(() => weightedErrors(target, output, weights, (t) => tf.mean(t)));
}

/** The same loss per sample ([N]): exact means over padded chunks need per-row values. */
export function perSampleReconstructionLoss(
  target: tf.Tensor2D,
  output: tf.Tensor2D,
  weights: LossWeights,
): tf.Tensor1D {
  return tf.tidy(() => weightedErrors(target, output, weights, (t) => tf.mean(t, 1)));
}

function weightedErrors<R extends tf.Tensor>(
  target: tf.Tensor,
  output: tf.Tensor,
  weights: LossWeights,
  reduce: (t: tf.Tensor) => R,
): R {
  const error = tf.sub(output, target);
  // A zero-weight term is skipped rather than computed and multiplied by 0.
  const terms: R[] = [];
  if (weights.mseWeight !== 0)
    terms.push(tf.mul(reduce(tf.square(error)), constantScalar(weights.mseWeight)));
  if (weights.l1Weight !== 0) terms.push(tf.mul(reduce(tf.abs(error)), constantScalar(weights.l1Weight)));
  if (terms.length === 0) return tf.mul(reduce(error), constantScalar(0));
  return terms.length === 1 ? terms[0] : tf.add(terms[0], terms[1]);
}
