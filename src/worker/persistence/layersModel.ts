/**
 * The autoencoder as a tf.Sequential of Dense / BatchNormalization / Activation layers, which
 * tf.loadLayersModel reads. Dropout is left out: it does nothing at inference. Each layer's
 * weights (Dense kernel [in, out] and bias; BatchNorm gamma, beta, moving mean and variance)
 * come in the model's state_dict order, so the mapping is a walk over both lists.
 */
import * as tf from '@tensorflow/tfjs';
import type { DenseAutoencoderSpec } from '../model/denseAutoencoder';

/** One layer as the file must have it. */
export type LayerPlan =
  | { kind: 'Dense'; units: number; activation: 'linear' | 'relu' | 'sigmoid'; name: string }
  | { kind: 'BatchNormalization'; epsilon: number; name: string }
  | { kind: 'Activation'; activation: 'relu'; name: string };

/** A layer in the words of a mismatch message, from its class name and config (planned or loaded). */
export function describeLayer(
  kind: string,
  config: { units?: unknown; activation?: unknown; epsilon?: unknown },
): string {
  if (kind === 'Dense')
    return `Dense with ${String(config.units)} units and ${String(config.activation)} activation`;
  if (kind === 'BatchNormalization') return `BatchNormalization with epsilon ${String(config.epsilon)}`;
  if (kind === 'Activation') return `Activation ${String(config.activation)}`;
  return kind;
}

/**
 * The layers of both stacks in order: hidden blocks are Dense (+ BatchNorm where the preset has
 * it) + ReLU; the encoder's output has the latent's activation, the decoder's a sigmoid.
 */
export function layerPlan(spec: DenseAutoencoderSpec): LayerPlan[] {
  const plan: LayerPlan[] = [];
  const batchNorm = spec.batchNorm !== false;
  const stack = (prefix: string, sizes: number[], outputActivation: 'linear' | 'relu' | 'sigmoid') => {
    for (let k = 1; k < sizes.length - 1; k++) {
      plan.push({ kind: 'Dense', units: sizes[k], activation: 'linear', name: `${prefix}_${k}_dense` });
      if (batchNorm) {
        const name = `${prefix}_${k}_batchnorm`;
        plan.push({ kind: 'BatchNormalization', epsilon: spec.batchNormEpsilon, name });
      }
      plan.push({ kind: 'Activation', activation: 'relu', name: `${prefix}_${k}_relu` });
    }
    const units = sizes[sizes.length - 1];
    plan.push({ kind: 'Dense', units, activation: outputActivation, name: `${prefix}_output` });
  };
  stack('encoder', spec.encoderSizes, spec.latentActivation ?? 'linear');
  stack('decoder', spec.decoderSizes, 'sigmoid');
  return plan;
}

/** A Sequential shaped like `spec`; its weights are the layers' fresh ones until set. */
export function buildSequential(spec: DenseAutoencoderSpec): tf.Sequential {
  const model = tf.sequential({ name: 'denoising_autoencoder' });
  const inputShape = [spec.encoderSizes[0]];
  for (const [index, layer] of layerPlan(spec).entries()) {
    const first = index === 0 ? { inputShape } : {};
    if (layer.kind === 'Dense') {
      model.add(
        tf.layers.dense({ ...first, units: layer.units, activation: layer.activation, name: layer.name }),
      );
    } else if (layer.kind === 'BatchNormalization') {
      // Keras keeps the old statistics' share: 1 − PyTorch's momentum.
      const momentum = 1 - spec.batchNormMomentum;
      model.add(
        tf.layers.batchNormalization({ ...first, momentum, epsilon: layer.epsilon, name: layer.name }),
      );
    } else {
      model.add(tf.layers.activation({ ...first, activation: layer.activation, name: layer.name }));
    }
  }
  return model;
}

/** Sets each layer's weights from the state tensors in state_dict order. */
export function setLayerWeights(model: tf.LayersModel, state: readonly tf.Tensor[]): void {
  let next = 0;
  for (const layer of model.layers) {
    const count = layer.weights.length;
    layer.setWeights(state.slice(next, next + count));
    next += count;
  }
  if (next !== state.length)
    throw new Error(`the layers take ${next} weights, the model has ${state.length}`);
}

/** Every layer's weights in order, i.e. state_dict order: the layers' own tensors, gone with the model. */
export function layerWeights(model: tf.LayersModel): tf.Tensor[] {
  return model.layers.flatMap((layer) => layer.getWeights());
}
