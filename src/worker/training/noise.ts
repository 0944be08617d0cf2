import * as tf from '@tensorflow/tfjs';
import type { NoiseType } from '../../shared/config';

/** Corrupts a batch of images in [0, 1]; the same seed gives the same noise. */
export function addNoise(x: tf.Tensor2D, type: NoiseType, level: number, seed: number): tf.Tensor2D {
  if (level === 0) return tf.clone(x);
  return tf.tidy(() => {
    switch (type) {
      case 'gaussian':
        return tf.clipByValue(
          tf.add<tf.Tensor2D>(x, tf.randomNormal(x.shape, 0, level, 'float32', seed)),
          0,
          1,
        );
      case 'uniform':
        return tf.clipByValue(
          tf.add<tf.Tensor2D>(x, tf.randomUniform(x.shape, -level, level, 'float32', seed)),
          0,
          1,
        );
      case 'uniform-positive':
        return tf.clipByValue(
          tf.add<tf.Tensor2D>(x, tf.randomUniform(x.shape, 0, level, 'float32', seed)),
          0,
          1,
        );
      case 'salt-and-pepper': {
        // One draw decides both: u < level/2 is pepper (0), level/2 ≤ u < level is salt (1).
        const draw = tf.randomUniform(x.shape, 0, 1, 'float32', seed);
        const saltOrPepper = tf.cast(tf.greaterEqual<tf.Tensor2D>(draw, level / 2), 'float32');
        return tf.where<tf.Tensor2D>(tf.less(draw, level), saltOrPepper, x);
      }
      case 'masking': {
        const draw = tf.randomUniform(x.shape, 0, 1, 'float32', seed);
        return tf.mul<tf.Tensor2D>(x, tf.cast(tf.greaterEqual(draw, level), 'float32'));
      }
      default: {
        const unknown: never = type;
        throw new Error(`unknown noise type ${String(unknown)}`);
      }
    }
  });
}
