import * as tf from '@tensorflow/tfjs';

const cache = new Map<number, tf.Scalar>();

/**
 * A kept scalar tensor per value: every JS number handed to a tfjs op is uploaded as a new tensor,
 * which on WebGPU ends the compute pass, so constants in the per-step path are made once.
 */
export function constantScalar(value: number): tf.Scalar {
  const cached = cache.get(value);
  if (cached !== undefined && !cached.isDisposed) return cached;
  const created = tf.keep(tf.scalar(value));
  cache.set(value, created);
  return created;
}
