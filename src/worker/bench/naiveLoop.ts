/**
 * The baseline: the reference model as a plain tf.layers model trained with tfjs's own Adam and
 * optimizer.minimize, noise from tf.randomNormal. Written the way a tfjs tutorial would, and kept
 * that way: it is what the other steps are measured against.
 */
import * as tf from '@tensorflow/tfjs';
import { REFERENCE_SPEC } from '../model/denseAutoencoder';
import type { BenchStep } from './benchSteps';

function referenceLayersModel(): tf.Sequential {
  const model = tf.sequential();
  const { encoderSizes, decoderSizes, encoderDropout } = REFERENCE_SPEC;
  const hidden = (units: number, dropout: number, inputShape?: number[]) => {
    model.add(tf.layers.dense({ units, inputShape }));
    model.add(tf.layers.batchNormalization({ momentum: 0.9, epsilon: 1e-5 }));
    model.add(tf.layers.activation({ activation: 'relu' }));
    if (dropout > 0) model.add(tf.layers.dropout({ rate: dropout }));
  };
  encoderSizes
    .slice(1, -1)
    .forEach((units, k) => hidden(units, encoderDropout[k] ?? 0, k === 0 ? [784] : undefined));
  model.add(tf.layers.dense({ units: encoderSizes[encoderSizes.length - 1] }));
  decoderSizes.slice(1, -1).forEach((units) => hidden(units, 0));
  model.add(tf.layers.dense({ units: decoderSizes[decoderSizes.length - 1], activation: 'sigmoid' }));
  return model;
}

export function createNaiveStep(trainImages: tf.Tensor2D, batchSize: number): BenchStep {
  const model = referenceLayersModel();
  const optimizer = tf.train.adam(1e-3);
  const count = trainImages.shape[0];
  let lastEncodeMs = 0;
  return {
    get lastEncodeMs() {
      return lastEncodeMs;
    },
    async step(index) {
      const startedMs = performance.now();
      const start = (index * batchSize) % Math.max(1, count - batchSize);
      const loss = optimizer.minimize(() => {
        const clean = trainImages.slice([start, 0], [batchSize, -1]);
        const noisy = tf.clipByValue(tf.add(clean, tf.randomNormal(clean.shape, 0, 0.25)), 0, 1);
        const output = model.apply(noisy, { training: true });
        if (!(output instanceof tf.Tensor)) throw new Error('the layers model returned no tensor');
        return tf.add(
          tf.mul(0.7, tf.losses.meanSquaredError(clean, output)),
          tf.mul(0.3, tf.losses.absoluteDifference(clean, output)),
        );
      }, true);
      lastEncodeMs = performance.now() - startedMs;
      await loss?.data();
      loss?.dispose();
    },
    async finish() {},
    dispose() {
      optimizer.dispose();
      model.dispose();
    },
  };
}
