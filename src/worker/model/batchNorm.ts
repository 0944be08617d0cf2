import * as tf from '@tensorflow/tfjs';
import { constantScalar } from '../training/constantScalar';

/** nn.BatchNorm1d: gamma/beta are trained, the running statistics are state but not parameters. */
export interface BatchNorm {
  readonly gamma: tf.Variable<tf.Rank.R1>;
  readonly beta: tf.Variable<tf.Rank.R1>;
  readonly runningMean: tf.Variable<tf.Rank.R1>;
  readonly runningVar: tf.Variable<tf.Rank.R1>;
  /** Training normalises with the batch statistics and updates the running ones; eval uses the running ones. */
  apply(x: tf.Tensor2D, training: boolean): tf.Tensor2D;
}

export function createBatchNorm(features: number, momentum: number, epsilon: number): BatchNorm {
  const filled = (value: number, trainable: boolean): tf.Variable<tf.Rank.R1> =>
    tf.tidy(() => tf.variable(tf.tensor1d(new Float32Array(features).fill(value)), trainable));
  const gamma = filled(1, true);
  const beta = filled(0, true);
  const runningMean = filled(0, false);
  const runningVar = filled(1, false);

  const updateRunningStats = (mean: tf.Tensor, biasedVariance: tf.Tensor, batchSize: number): void => {
    const keep = constantScalar(1 - momentum);
    const blend = constantScalar(momentum);
    // torch keeps the unbiased variance n/(n−1) in running_var but normalises with the biased one.
    const unbiased = tf.mul(biasedVariance, constantScalar(batchSize / Math.max(batchSize - 1, 1)));
    runningMean.assign(tf.add(tf.mul(runningMean, keep), tf.mul(mean, blend)));
    runningVar.assign(tf.add(tf.mul(runningVar, keep), tf.mul(unbiased, blend)));
  };

  return {
    gamma,
    beta,
    runningMean,
    runningVar,
    apply: (x, training) =>
      tf.tidy(() => {
        if (!training) return tf.batchNorm2d(x, runningMean, runningVar, beta, gamma, epsilon);
        const mean = tf.mean<tf.Tensor1D>(x, 0);
        const variance = tf.mean<tf.Tensor1D>(tf.square(tf.sub(x, mean)), 0);
        // The running averages do not reach the loss, so backprop prunes these ops from the tape.
        updateRunningStats(mean, variance, x.shape[0]);
        return tf.batchNorm2d(x, mean, variance, beta, gamma, epsilon);
      }),
  };
}
