/**
 * Image-quality metrics of reconstructions against clean targets.
 * Inputs are [N, 784] tensors of 28×28 images in [0, 1] (data range 1). Only plain ops
 * (conv2d, mean, log) so every backend — WebGPU, WebGL, WASM, CPU — runs them.
 */
import * as tf from '@tensorflow/tfjs';
import { IMAGE_PIXELS, IMAGE_SIDE } from '../../shared/dataset';
import type { ImageMetrics } from '../../shared/protocol';
import { NEVER_CANCELLED, type YieldPoint } from '../control/cancellation';

/** PSNR of a perfect reconstruction (MSE 0) is infinite; report this instead, as a finite number. */
export const PSNR_CAP_DB = 100;
/** The MSE at which 10·log10(1/mse) reaches the cap. */
const MSE_FLOOR = 10 ** (-PSNR_CAP_DB / 10);

// Wang et al. 2004 constants for data range 1.
const C1 = 0.01 ** 2;
const C2 = 0.03 ** 2;
const SSIM_SIGMA = 1.5;
/** 11 taps: scikit-image's truncate 3.5 × σ 1.5 rounds to radius 5. */
const SSIM_RADIUS = 5;

export function meanSquaredErrorPerImage(target: tf.Tensor2D, output: tf.Tensor2D): tf.Tensor1D {
  return tf.tidy(() => tf.mean(tf.squaredDifference(target, output), 1));
}

/** 10·log10(1/mse) per image, capped at PSNR_CAP_DB so identical images stay finite. */
export function psnrPerImage(target: tf.Tensor2D, output: tf.Tensor2D): tf.Tensor1D {
  return tf.tidy(() => {
    const mse = tf.maximum(meanSquaredErrorPerImage(target, output), MSE_FLOOR);
    return tf.mul(tf.log(mse), -10 / Math.LN10);
  });
}

function gaussianTaps(): number[] {
  const taps: number[] = [];
  for (let i = -SSIM_RADIUS; i <= SSIM_RADIUS; i++) {
    taps.push(Math.exp(-(i * i) / (2 * SSIM_SIGMA * SSIM_SIGMA)));
  }
  const total = taps.reduce((sum, tap) => sum + tap, 0);
  return taps.map((tap) => tap / total);
}

/** Separable Gaussian, 'valid' padding: [B, 28, 28, 1] → [B, 18, 18, 1]. */
function gaussianFilterValid(images: tf.Tensor4D): tf.Tensor4D {
  const taps = gaussianTaps();
  const size = taps.length;
  const vertical = tf.tensor4d(taps, [size, 1, 1, 1]);
  const horizontal = tf.tensor4d(taps, [1, size, 1, 1]);
  return tf.conv2d(tf.conv2d(images, vertical, 1, 'valid'), horizontal, 1, 'valid');
}

/**
 * Gaussian-window SSIM per image, equal to scikit-image's
 * `structural_similarity(a, b, gaussian_weights=True, sigma=1.5, use_sample_covariance=False,
 * data_range=1)`: skimage filters with reflect padding, then averages only the central 18×18
 * whose windows never reach the border — exactly the 'valid' convolution used here.
 */
export function ssimGaussianPerImage(target: tf.Tensor2D, output: tf.Tensor2D): tf.Tensor1D {
  return tf.tidy(() => {
    const count = target.shape[0];
    const a = tf.reshape<tf.Rank.R4>(target, [count, IMAGE_SIDE, IMAGE_SIDE, 1]);
    const b = tf.reshape<tf.Rank.R4>(output, [count, IMAGE_SIDE, IMAGE_SIDE, 1]);
    // One convolution over the five moment images instead of five separate ones.
    const moments = tf.concat4d(
      [a, b, tf.mul<tf.Tensor4D>(a, a), tf.mul<tf.Tensor4D>(b, b), tf.mul<tf.Tensor4D>(a, b)],
      0,
    );
    const [meanA, meanB, meanAA, meanBB, meanAB] = tf.split(gaussianFilterValid(moments), 5, 0);
    const varianceA = tf.sub(meanAA, tf.square(meanA));
    const varianceB = tf.sub(meanBB, tf.square(meanB));
    const covariance = tf.sub(meanAB, tf.mul(meanA, meanB));
    const ssimMap = tf.div(
      tf.mul(tf.add(tf.mul(tf.mul(meanA, meanB), 2), C1), tf.add(tf.mul(covariance, 2), C2)),
      tf.mul(
        tf.add(tf.add(tf.square(meanA), tf.square(meanB)), C1),
        tf.add(tf.add(varianceA, varianceB), C2),
      ),
    );
    return tf.mean(ssimMap, [1, 2, 3]);
  });
}

/** The lab's simplified SSIM: means, population variances and covariance over all 784 pixels. */
export function ssimGlobalPerImage(target: tf.Tensor2D, output: tf.Tensor2D): tf.Tensor1D {
  return tf.tidy(() => {
    const meanA = tf.mean(target, 1, true);
    const meanB = tf.mean(output, 1, true);
    const centredA = tf.sub(target, meanA);
    const centredB = tf.sub(output, meanB);
    const varianceA = tf.mean(tf.square(centredA), 1);
    const varianceB = tf.mean(tf.square(centredB), 1);
    const covariance = tf.mean(tf.mul(centredA, centredB), 1);
    const muA = tf.squeeze(meanA, [1]);
    const muB = tf.squeeze(meanB, [1]);
    return tf.div(
      tf.mul(tf.add(tf.mul(tf.mul(muA, muB), 2), C1), tf.add(tf.mul(covariance, 2), C2)),
      tf.mul(tf.add(tf.add(tf.square(muA), tf.square(muB)), C1), tf.add(tf.add(varianceA, varianceB), C2)),
    );
  });
}

/** Rows [start, start + rows) padded with zero images to `size` rows. */
function paddedChunk(images: tf.Tensor2D, start: number, rows: number, size: number): tf.Tensor2D {
  const chunk = tf.slice(images, [start, 0], [rows, IMAGE_PIXELS]);
  return rows === size
    ? chunk
    : tf.pad(chunk, [
        [0, size - rows],
        [0, 0],
      ]);
}

/**
 * Means over all images of MSE, PSNR, SSIM and global SSIM. Works in chunks of one fixed shape
 * (the last one zero-padded, the padding left out of the sums) so memory stays bounded and GPU
 * backends compile each kernel once; reads each chunk's four sums back with `await data()`
 * (dataSync kills WebGPU under SwiftShader) and awaits `between` before the next chunk.
 */
export async function computeImageMetrics(
  target: tf.Tensor2D,
  output: tf.Tensor2D,
  chunkSize = 1000,
  between: YieldPoint = NEVER_CANCELLED,
): Promise<ImageMetrics> {
  const count = target.shape[0];
  if (!tf.util.arraysEqual(target.shape, output.shape) || target.shape[1] !== IMAGE_PIXELS) {
    throw new RangeError(
      `Expected two [N, ${IMAGE_PIXELS}] tensors, got ${target.shape} and ${output.shape}`,
    );
  }
  if (count === 0) throw new RangeError('No images to score');
  if (!Number.isInteger(chunkSize) || chunkSize < 1) throw new RangeError(`Bad chunk size ${chunkSize}`);

  const size = Math.min(chunkSize, count);
  // Adding the chunk sums in float64 keeps the means exact to float32 precision.
  const totals = [0, 0, 0, 0];
  for (let start = 0; start < count; start += size) {
    if (start > 0) await between();
    const rows = Math.min(size, count - start);
    const chunkSums = tf.tidy(() => {
      const a = paddedChunk(target, start, rows, size);
      const b = paddedChunk(output, start, rows, size);
      const perImage = tf.stack([
        meanSquaredErrorPerImage(a, b),
        psnrPerImage(a, b),
        ssimGaussianPerImage(a, b),
        ssimGlobalPerImage(a, b),
      ]);
      return tf.sum(tf.slice(perImage, [0, 0], [4, rows]), 1);
    });
    const sums = await chunkSums.data().finally(() => chunkSums.dispose());
    sums.forEach((value, i) => (totals[i] += value));
  }
  const [mse, psnr, ssim, ssimGlobal] = totals.map((total) => total / count);
  return { mse, psnr, ssim, ssimGlobal };
}
