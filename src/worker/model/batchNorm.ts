import * as tf from '@tensorflow/tfjs';
import { constantScalar } from '../training/constantScalar';
import { customGradArgs } from './customGradArgs';

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

  /**
   * Training mode with the backward pass written out, as torch computes it:
   * dx = γ/σ · (dy − mean(dy) − x̂·mean(dy·x̂)), dγ = Σ dy·x̂, dβ = Σ dy. Autodiff through the mean
   * and variance ops costs ~10 more kernels a layer (a Tile among them) and is less accurate.
   */
  const normalizeBatch = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const {
      tensors: [x, scale, shift],
      save,
    } = customGradArgs(args);
    const mean = tf.mean(x, 0);
    const centered = tf.sub(x, mean);
    const variance = tf.mean(tf.square(centered), 0);
    const inverseStd = tf.rsqrt(tf.add(variance, constantScalar(epsilon)));
    const normalized = tf.mul(centered, inverseStd);
    updateRunningStats(mean, variance, x.shape[0]);
    save([normalized, inverseStd, scale]);
    return {
      value: tf.add(tf.mul(normalized, scale), shift),
      gradFunc: (dy: tf.Tensor, [xHat, invStd, gammaSaved]: tf.Tensor[]) => {
        const dBeta = tf.sum(dy, 0);
        const dGamma = tf.sum(tf.mul(dy, xHat), 0);
        const count = constantScalar(dy.shape[0]);
        const centeredDy = tf.sub(tf.sub(dy, tf.div(dBeta, count)), tf.mul(xHat, tf.div(dGamma, count)));
        return [tf.mul(centeredDy, tf.mul(gammaSaved, invStd)), dGamma, dBeta];
      },
    };
  });

  return {
    gamma,
    beta,
    runningMean,
    runningVar,
    apply: (x, training) =>
      tf.tidy(() => {
        if (!training) return tf.batchNorm2d(x, runningMean, runningVar, beta, gamma, epsilon);
        return normalizeBatch(x, gamma, beta).as2D(x.shape[0], x.shape[1]);
      }),
  };
}
