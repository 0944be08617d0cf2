/** The lab's regularisers, added to the reconstruction loss (they are part of what is minimised). */
import * as tf from '@tensorflow/tfjs';
import { penalizedWeights, type Autoencoder } from '../model/autoencoder';
import { constantScalar } from './constantScalar';

export interface Penalties {
  /** λ·Σw² over weight matrices and kernels: coupled to the gradient, unlike AdamW's decay. */
  l2Penalty: number;
  /** λ·(1/N)·Σ|z| over a batch of N latent codes: Keras's activity_regularizer=l1(λ). */
  latentL1Penalty: number;
}

export function withPenalties(
  loss: tf.Scalar,
  model: Autoencoder,
  latent: tf.Tensor2D,
  { l2Penalty, latentL1Penalty }: Penalties,
): tf.Scalar {
  return tf.tidy(() => {
    let total = loss;
    if (l2Penalty > 0) {
      const squares = penalizedWeights(model).map((weight) => tf.sum(tf.square(weight)));
      total = tf.add(total, tf.mul(tf.addN(squares), constantScalar(l2Penalty)));
    }
    if (latentL1Penalty > 0) {
      const perCode = tf.mean(tf.sum(tf.abs(latent), 1));
      total = tf.add(total, tf.mul(perCode, constantScalar(latentL1Penalty)));
    }
    return total;
  });
}
