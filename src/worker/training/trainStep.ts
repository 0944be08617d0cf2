import * as tf from '@tensorflow/tfjs';
import type { DenseAutoencoder } from '../model/denseAutoencoder';
import type { AdamW } from './adamw';
import { clipByGlobalNorm, globalGradientNorm } from './clipGradients';
import { reconstructionLoss, type LossWeights } from './losses';

export interface TrainStepOptions {
  lossWeights: LossWeights;
  /** Global-norm clip; 0 turns clipping off. */
  gradientClipNorm: number;
  dropoutSeed?: number;
}

/**
 * One optimisation step as in bench/torch_ref.py: forward → loss → backward → clip → AdamW.
 * Returns device scalars; nothing is read back here.
 */
export function trainStep(
  model: DenseAutoencoder,
  optimizer: AdamW,
  input: tf.Tensor2D,
  target: tf.Tensor2D,
  options: TrainStepOptions,
): { loss: tf.Scalar; gradientNorm: tf.Scalar } {
  return tf.tidy(() => {
    const { value, grads } = tf.variableGrads(() => {
      const { reconstruction } = model.forward(input, { training: true, dropoutSeed: options.dropoutSeed });
      return reconstructionLoss(target, reconstruction, options.lossWeights);
    }, model.trainableVariables);
    const gradients = model.trainableVariables.map((variable) => grads[variable.name]);
    const { clipped, globalNorm } =
      options.gradientClipNorm > 0
        ? clipByGlobalNorm(gradients, options.gradientClipNorm)
        : { clipped: gradients, globalNorm: globalGradientNorm(gradients) };
    optimizer.applyGradients(clipped);
    return { loss: value, gradientNorm: globalNorm };
  });
}
