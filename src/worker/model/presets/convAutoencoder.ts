/**
 * The convolutional denoising autoencoder, as in PyTorch:
 *   encoder Conv2d(1,16,3,p=1) ReLU MaxPool2d(2) Conv2d(16,8,3,p=1) ReLU MaxPool2d(2)  → 7×7×8
 *   decoder ConvTranspose2d(8,16,2,s=2) ReLU ConvTranspose2d(16,1,2,s=2) Sigmoid        → 28×28×1
 * Convolutions are written as patch matrices times a kernel (im2col): tfjs-wasm has no
 * Conv2DBackpropFilter kernel, and slices, pads and matMul differentiate on every backend.
 */
import * as tf from '@tensorflow/tfjs';
import { createRandom, type SeededRandom } from '../../training/random';
import { stateKeeping, type Autoencoder } from '../autoencoder';
import type { NamedState } from '../denseStack';

const SIDE = 28;
export const CONV_LATENT_SHAPE: [number, number, number] = [7, 7, 8];

interface Layer {
  kernel: tf.Variable;
  bias: tf.Variable;
}

/** PyTorch's default init: kernel and bias ~ U(−1/√fan_in, 1/√fan_in). */
function layer(rows: number, columns: number, biasSize: number, fanIn: number, random: SeededRandom): Layer {
  const bound = 1 / Math.sqrt(fanIn);
  const uniform = (shape: number[]) =>
    tf.tidy(() => tf.variable(tf.randomUniform(shape, -bound, bound, 'float32', random.nextSeed())));
  return { kernel: uniform([rows, columns]), bias: uniform([biasSize]) };
}

/** Conv2d(in, out, 3, padding=1): kernel [9·in, out], row (dy·3 + dx)·in + c. */
function conv3x3(x: tf.Tensor4D, { kernel, bias }: Layer): tf.Tensor4D {
  const [n, h, w, c] = x.shape;
  const padded = tf.pad(x, [
    [0, 0],
    [1, 1],
    [1, 1],
    [0, 0],
  ]);
  const patches: tf.Tensor4D[] = [];
  for (let dy = 0; dy < 3; dy++) {
    for (let dx = 0; dx < 3; dx++) patches.push(tf.slice(padded, [0, dy, dx, 0], [n, h, w, c]));
  }
  const columns = tf.reshape(tf.concat(patches, 3), [n * h * w, 9 * c]);
  return tf.reshape(tf.add(tf.matMul(columns, kernel), bias), [n, h, w, kernel.shape[1] ?? 0]);
}

/** ConvTranspose2d(in, out, 2, stride=2): the windows do not overlap, so it is one product. */
function upsample2x2(x: tf.Tensor4D, { kernel, bias }: Layer): tf.Tensor4D {
  const [n, h, w, c] = x.shape;
  const out = bias.shape[0] ?? 0;
  const blocks = tf.reshape(tf.matMul(tf.reshape(x, [n * h * w, c]), kernel), [n, h, w, 2, 2, out]);
  const image = tf.reshape(tf.transpose(blocks, [0, 1, 3, 2, 4, 5]), [n, 2 * h, 2 * w, out]);
  return tf.add(image, bias);
}

export function createConvAutoencoder(seed: number): Autoencoder {
  const random = createRandom(seed);
  const encoder1 = layer(9 * 1, 16, 16, 1 * 9, random);
  const encoder2 = layer(9 * 16, 8, 8, 16 * 9, random);
  // torch takes a transposed convolution's fan_in from weight.size(1) = its output channels.
  const decoder1 = layer(8, 4 * 16, 16, 16 * 4, random);
  const decoder2 = layer(16, 4 * 1, 1, 1 * 4, random);
  const named = (prefix: string, { kernel, bias }: Layer): NamedState[] => [
    { torchName: `${prefix}.weight`, variable: kernel },
    { torchName: `${prefix}.bias`, variable: bias },
  ];
  const namedState = [
    ...named('encoder.0', encoder1),
    ...named('encoder.3', encoder2),
    ...named('decoder.0', decoder1),
    ...named('decoder.2', decoder2),
  ];
  const variables = namedState.map(({ variable }) => variable);
  const latentSize = CONV_LATENT_SHAPE.reduce((a, b) => a * b, 1);

  const encode = (x: tf.Tensor2D): tf.Tensor2D =>
    tf.tidy(() => {
      const images = tf.reshape<tf.Rank.R4>(x, [x.shape[0], SIDE, SIDE, 1]);
      const first = tf.maxPool(tf.relu(conv3x3(images, encoder1)), 2, 2, 'valid');
      const second = tf.maxPool(tf.relu(conv3x3(first, encoder2)), 2, 2, 'valid');
      return tf.reshape(second, [x.shape[0], latentSize]);
    });
  const decode = (latent: tf.Tensor2D): tf.Tensor2D =>
    tf.tidy(() => {
      const maps = tf.reshape<tf.Rank.R4>(latent, [latent.shape[0], ...CONV_LATENT_SHAPE]);
      const image = tf.sigmoid(upsample2x2(tf.relu(upsample2x2(maps, decoder1)), decoder2));
      return tf.reshape(image, [latent.shape[0], SIDE * SIDE]);
    });

  return {
    latentSize,
    denseSpec: null,
    latentMapShape: CONV_LATENT_SHAPE,
    trainableVariables: variables,
    namedState,
    // No dropout or BatchNorm: training and evaluation compute the same thing.
    forward: (x) =>
      tf.tidy(() => {
        const latent = encode(x);
        return { latent, reconstruction: decode(latent) };
      }),
    encode,
    decode,
    ...stateKeeping(variables),
  };
}
