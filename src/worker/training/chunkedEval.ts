/**
 * Runs an eval-mode function over a big image tensor in fixed-size chunks. The last chunk is
 * padded to the same shape (eval-mode BatchNorm has no batch dependence), so each backend
 * compiles its kernels once; the padding rows are cut off before results are read. Each chunk
 * is finished on the device before the next starts, with a yield point between, so a pause or
 * reset waits for one chunk at most.
 */
import * as tf from '@tensorflow/tfjs';
import { NEVER_CANCELLED, type YieldPoint } from '../control/cancellation';

/** About one training step of work on a slow device; divides 10,000 (the full test set) evenly. */
export const EVAL_CHUNK_SIZE = 500;

function paddedChunk(images: tf.Tensor2D, start: number, chunkSize: number): tf.Tensor2D {
  const rows = Math.min(chunkSize, images.shape[0] - start);
  const chunk = images.slice([start, 0], [rows, -1]);
  return rows === chunkSize
    ? chunk
    : chunk.pad([
        [0, chunkSize - rows],
        [0, 0],
      ]);
}

/** Applies `perChunk` (rows in → rows × k out) over all rows and returns the [count, k] result, flat. */
export async function mapInChunks(
  images: tf.Tensor2D,
  perChunk: (chunk: tf.Tensor2D) => tf.Tensor,
  between: YieldPoint = NEVER_CANCELLED,
  chunkSize = EVAL_CHUNK_SIZE,
): Promise<Float32Array> {
  const count = images.shape[0];
  const size = Math.min(chunkSize, Math.max(1, count));
  let result: Float32Array | null = null;
  for (let start = 0; start < count; start += size) {
    if (start > 0) await between();
    const rows = Math.min(size, count - start);
    const output = tf.tidy(() => {
      const out = perChunk(paddedChunk(images, start, size));
      return out.reshape([size, -1]).slice([0, 0], [rows, -1]);
    });
    const values = (await output.data()) as Float32Array;
    const width = output.shape[1] ?? 1;
    output.dispose();
    result ??= new Float32Array(count * width);
    result.set(values, start * width);
  }
  return result ?? new Float32Array(0);
}

/** Resolves once the device has computed `tensor` (one value read back; a no-op on CPU backends). */
async function finished(tensor: tf.Tensor2D): Promise<void> {
  const probe = tensor.slice([0, 0], [1, 1]);
  await probe.data().finally(() => probe.dispose());
}

/** Like mapInChunks, but the [count, k] result stays on the device (the caller disposes it). */
export async function forwardInChunks(
  images: tf.Tensor2D,
  perChunk: (chunk: tf.Tensor2D) => tf.Tensor2D,
  between: YieldPoint = NEVER_CANCELLED,
  chunkSize = EVAL_CHUNK_SIZE,
): Promise<tf.Tensor2D> {
  const count = images.shape[0];
  const size = Math.min(chunkSize, Math.max(1, count));
  const parts: tf.Tensor2D[] = [];
  let result: tf.Tensor2D | null = null;
  try {
    for (let start = 0; start < count; start += size) {
      if (start > 0) await between();
      const rows = Math.min(size, count - start);
      const part = tf.tidy(() => perChunk(paddedChunk(images, start, size)).slice([0, 0], [rows, -1]));
      parts.push(part);
      await finished(part);
    }
    result = parts.length === 1 ? parts[0] : tf.concat(parts);
    return result;
  } finally {
    // Cancelled or failed: every part goes; finished: all but the one returned.
    parts.filter((part) => part !== result).forEach((part) => part.dispose());
  }
}
