/** Turns the loaded dataset into the tensors a run trains and validates on. */
import * as tf from '@tensorflow/tfjs';
import { IMAGE_PIXELS } from '../../shared/dataset';
import type { ValidationSplit } from '../../shared/config';
import type { LoadedDataset } from '../data/loadDataset';

export interface RunSplits {
  /** The train images on the CPU (count×784 in [0, 1]): each training step uploads them its own way. */
  trainPixels: Float32Array;
  trainCount: number;
  validationImages: tf.Tensor2D;
  validationCount: number;
  /** The test split, always: the panels and metrics use it whatever validation is. */
  testImages: tf.Tensor2D;
  testLabels: Uint8Array;
  testCount: number;
}

/** The held-out slice is the last 10% of train, so the same seed always holds out the same images. */
export const HOLDOUT_FRACTION = 0.1;

export function createRunSplits(data: LoadedDataset, validation: ValidationSplit): RunSplits {
  const test = tf.tensor2d(data.test.images, [data.test.count, IMAGE_PIXELS]);
  if (validation === 'test') {
    return {
      trainPixels: data.train.images.subarray(0, data.train.count * IMAGE_PIXELS),
      trainCount: data.train.count,
      validationImages: test.clone(),
      validationCount: data.test.count,
      testImages: test,
      testLabels: data.test.labels,
      testCount: data.test.count,
    };
  }
  const holdoutCount = Math.max(1, Math.round(data.train.count * HOLDOUT_FRACTION));
  const trainCount = data.train.count - holdoutCount;
  const pixels = data.train.images;
  return {
    trainPixels: pixels.subarray(0, trainCount * IMAGE_PIXELS),
    trainCount,
    validationImages: tf.tensor2d(pixels.subarray(trainCount * IMAGE_PIXELS), [holdoutCount, IMAGE_PIXELS]),
    validationCount: holdoutCount,
    testImages: test,
    testLabels: data.test.labels,
    testCount: data.test.count,
  };
}

export function disposeRunSplits(splits: RunSplits): void {
  splits.validationImages.dispose();
  splits.testImages.dispose();
}
