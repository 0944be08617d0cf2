import * as tf from '@tensorflow/tfjs';
import { customGradArgs } from '../model/customGradArgs';
import { constantScalar } from './constantScalar';

export interface LossWeights {
  mseWeight: number;
  l1Weight: number;
  /** Binary cross-entropy; absent = 0. */
  bceWeight?: number;
}

/** mseWeight·MSE + l1Weight·L1 + bceWeight·BCE over every pixel (PyTorch's losses, mean reduction). */
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
  const bceWeight = weights.bceWeight ?? 0;
  // A zero-weight term is skipped rather than computed and multiplied by 0.
  const terms: R[] = [];
  if (weights.mseWeight !== 0)
    terms.push(tf.mul(reduce(tf.square(error)), constantScalar(weights.mseWeight)));
  if (weights.l1Weight !== 0) terms.push(tf.mul(reduce(tf.abs(error)), constantScalar(weights.l1Weight)));
  if (bceWeight !== 0)
    terms.push(tf.mul(reduce(binaryCrossEntropy(output, target)), constantScalar(bceWeight)));
  if (terms.length === 0) return tf.mul(reduce(error), constantScalar(0));
  return terms.reduce((sum, term) => tf.add(sum, term));
}

/**
 * torch's binary_cross_entropy per element: −(t·max(log p, −100) + (1 − t)·max(log(1 − p), −100)),
 * with torch's gradient (p − t) / max(p(1 − p), 1e-12) written out: tfjs-webgpu differentiates the
 * max of a clamped log to 0, which would stop learning exactly where the output saturates.
 */
export const binaryCrossEntropy = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
  const {
    tensors: [output, target],
    save,
  } = customGradArgs(args);
  if (!output || !target) throw new Error('binaryCrossEntropy expects an output and a target');
  save([output, target]);
  const one = constantScalar(1);
  const floor = constantScalar(-100);
  const logOf = (t: tf.Tensor) => tf.maximum(tf.log(t), floor);
  const value = tf.neg(
    tf.add(tf.mul(target, logOf(output)), tf.mul(tf.sub(one, target), logOf(tf.sub(one, output)))),
  );
  return {
    value,
    gradFunc: (dy: tf.Tensor, [p, t]: tf.Tensor[]) => {
      const slope = tf.maximum(tf.mul(p, tf.sub(one, p)), constantScalar(1e-12));
      return [tf.mul(dy, tf.div(tf.sub(p, t), slope)), tf.zerosLike(t)];
    },
  };
});
