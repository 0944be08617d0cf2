/** Small maths on flat 28×28 images (N×784 Float32Arrays in [0, 1]), shared by both threads. */
import { IMAGE_PIXELS } from './dataset';

function checkImageIndex(images: Float32Array, index: number): void {
  if (!Number.isInteger(index) || index < 0 || (index + 1) * IMAGE_PIXELS > images.length) {
    throw new RangeError(`No image ${index} in ${images.length / IMAGE_PIXELS} images`);
  }
}

/** A view of image `index` (no copy), so panels can draw one image of a batch cheaply. */
export function imageAt(images: Float32Array, index: number): Float32Array {
  checkImageIndex(images, index);
  return images.subarray(index * IMAGE_PIXELS, (index + 1) * IMAGE_PIXELS);
}

/** |original − reconstruction| for image `offset` of two same-layout batches: one 784-pixel map. */
export function absoluteErrorMap(
  original: Float32Array,
  reconstruction: Float32Array,
  offset = 0,
): Float32Array {
  const target = imageAt(original, offset);
  const output = imageAt(reconstruction, offset);
  const errors = new Float32Array(IMAGE_PIXELS);
  for (let i = 0; i < IMAGE_PIXELS; i++) errors[i] = Math.abs(target[i] - output[i]);
  return errors;
}

/** Largest finite value; 0 when there is none, so a colour scale dividing by it stays defined. */
export function maxValue(values: Float32Array): number {
  let max = -Infinity;
  for (const value of values) if (value > max && Number.isFinite(value)) max = value;
  return max === -Infinity ? 0 : max;
}

/** Image `index` of a byte image set (count×784, 0–255) as values in [0, 1], for drawing. */
export function byteImageAt(images: Uint8Array, index: number): Float32Array {
  const start = index * IMAGE_PIXELS;
  return Float32Array.from(images.subarray(start, start + IMAGE_PIXELS), (value) => value / 255);
}

/** The first index of each class 0..classCount−1 in `labels`, or −1 where a class is absent. */
export function firstIndexOfEachClass(labels: Uint8Array, classCount: number): number[] {
  const first = new Array<number>(classCount).fill(-1);
  labels.forEach((label, index) => {
    if (label < classCount && first[label] === -1) first[label] = index;
  });
  return first;
}
