import * as tf from '@tensorflow/tfjs';
import type { Autoencoder } from '../model/autoencoder';
import type { AdamW } from './adamw';
import { clipByGlobalNorm, globalGradientNorm } from './clipGradients';
import { reconstructionLoss, type LossWeights } from './losses';
import { withPenalties, type Penalties } from './penalties';

export interface TrainStepOptions {
  lossWeights: LossWeights;
  /** Global-norm clip; 0 turns clipping off. */
  gradientClipNorm: number;
  dropoutSeed?: number;
  /** L2 weight and latent L1 penalties added to the loss; absent = none. */
  penalties?: Penalties;
}

/**
 * One optimisation step as in bench/torch_ref.py: forward → loss → backward → clip → AdamW.
 * Returns device scalars; nothing is read back here.
 */
export function trainStep(
  model: Autoencoder,
  optimizer: AdamW,
  input: tf.Tensor2D,
  target: tf.Tensor2D,
  options: TrainStepOptions,
): { loss: tf.Scalar; gradientNorm: tf.Scalar } {
  return tf.tidy(() => {
    const { value, grads } = tf.variableGrads(() => {
      const { reconstruction, latent } = model.forward(input, {
        training: true,
        dropoutSeed: options.dropoutSeed,
      });
      const loss = reconstructionLoss(target, reconstruction, options.lossWeights);
      return options.penalties ? withPenalties(loss, model, latent, options.penalties) : loss;
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
