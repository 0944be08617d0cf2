/**
 * The conv preset as a tf.Sequential that tf.loadLayersModel reads: Reshape → Conv2D(16, 3×3,
 * same, ReLU) → MaxPooling2D → Conv2D(8) → MaxPooling2D → Conv2DTranspose(16, 2×2, stride 2,
 * ReLU) → Conv2DTranspose(1, sigmoid) → Flatten. The model keeps its kernels as im2col matrices;
 * these functions reshape them to the layers' kernels and back.
 */
import * as tf from '@tensorflow/tfjs';
import type { LayerPlan } from './layersModel';

const CONV_PLAN: LayerPlan[] = [
  { kind: 'Reshape', name: 'encoder_images' },
  { kind: 'Conv2D', filters: 16, activation: 'relu', name: 'encoder_conv_1' },
  { kind: 'MaxPooling2D', name: 'encoder_pool_1' },
  { kind: 'Conv2D', filters: 8, activation: 'relu', name: 'encoder_conv_2' },
  { kind: 'MaxPooling2D', name: 'encoder_pool_2' },
  { kind: 'Conv2DTranspose', filters: 16, activation: 'relu', name: 'decoder_upsample_1' },
  { kind: 'Conv2DTranspose', filters: 1, activation: 'sigmoid', name: 'decoder_upsample_2' },
  { kind: 'Flatten', name: 'decoder_pixels' },
];

export function convLayerPlan(): LayerPlan[] {
  return CONV_PLAN;
}

export function buildConvSequential(): tf.Sequential {
  const model = tf.sequential({ name: 'conv_denoising_autoencoder' });
  for (const layer of CONV_PLAN) {
    const { name } = layer;
    if (layer.kind === 'Reshape')
      model.add(tf.layers.reshape({ inputShape: [784], targetShape: [28, 28, 1], name }));
    else if (layer.kind === 'Conv2D') {
      const { filters, activation } = layer;
      model.add(tf.layers.conv2d({ filters, kernelSize: 3, padding: 'same', activation, name }));
    } else if (layer.kind === 'MaxPooling2D') model.add(tf.layers.maxPooling2d({ poolSize: 2, name }));
    else if (layer.kind === 'Conv2DTranspose') {
      const { filters, activation } = layer;
      model.add(tf.layers.conv2dTranspose({ filters, kernelSize: 2, strides: 2, activation, name }));
    } else model.add(tf.layers.flatten({ name }));
  }
  return model;
}

/**
 * The model's state (kernel, bias per layer, state_dict order) as the layers' weights: a 3×3
 * kernel [9·in, out] (rows dy, dx, channel) is [3, 3, in, out]; a 2×2 stride-2 transposed kernel
 * [in, 4·out] (columns ky, kx, out) is tfjs's [2, 2, out, in].
 */
export function convStateToLayers(state: readonly tf.Tensor[]): tf.Tensor[] {
  return tf.tidy(() =>
    state.map((tensor, index) => {
      const isKernel = index % 2 === 0;
      if (!isKernel) return tf.keep(tensor.clone());
      const [rows, columns] = tensor.shape;
      if (index < 4) return tf.keep(tf.reshape(tensor, [3, 3, rows / 9, columns]));
      const blocks = tf.reshape(tensor, [rows, 2, 2, columns / 4]);
      return tf.keep(tf.transpose(blocks, [1, 2, 3, 0]));
    }),
  );
}

/** The inverse of convStateToLayers: the layers' weights in the model's shapes. */
export function convLayersToState(weights: readonly tf.Tensor[]): tf.Tensor[] {
  return tf.tidy(() =>
    weights.map((tensor, index) => {
      const isKernel = index % 2 === 0;
      if (!isKernel) return tf.keep(tensor.clone());
      const [height, width, first, second] = tensor.shape;
      if (index < 4) return tf.keep(tf.reshape(tensor, [height * width * first, second]));
      // [2, 2, out, in] → [in, 2, 2, out] → [in, 4·out]
      return tf.keep(tf.reshape(tf.transpose(tensor, [3, 0, 1, 2]), [second, 4 * first]));
    }),
  );
}
