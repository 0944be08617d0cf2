import * as tf from '@tensorflow/tfjs';
import { constantScalar } from '../training/constantScalar';

/** Inverted dropout as nn.Dropout: zero with probability `rate`, scale survivors by 1/(1 − rate). */
export function dropout(x: tf.Tensor2D, rate: number, seed: number | undefined): tf.Tensor2D {
  return tf.tidy(() => {
    const draw = tf.randomUniform(x.shape, 0, 1, 'float32', seed);
    const keepMask = tf.cast(tf.greaterEqual(draw, constantScalar(rate)), 'float32');
    return tf.mul(x, tf.mul(keepMask, constantScalar(1 / (1 - rate))));
  });
}
