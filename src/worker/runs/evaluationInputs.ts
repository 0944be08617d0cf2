/**
 * The clean and noisy test images kept runs are scored on. The noise is seeded by nothing but the
 * table's evaluation noise, so every run of a dataset reconstructs exactly the same noisy images.
 */
import * as tf from '@tensorflow/tfjs';
import { IMAGE_PIXELS } from '../../shared/dataset';
import type { DatasetName } from '../../shared/config';
import type { EvaluationNoise } from '../../shared/runs';
import type { SplitData } from '../data/loadDataset';
import { addNoise } from '../training/noise';

/** Seeds the table's noise: any fixed number would do, one for all runs is what matters. */
export const RUNS_NOISE_SEED = 7_919;

export interface ImagePair {
  clean: tf.Tensor2D;
  noisy: tf.Tensor2D;
}

export type TestSplitSource = (dataset: DatasetName, testSubset: number | null) => Promise<SplitData>;

/** Keeps the pair of the last (test split, noise) asked for on the device until another is asked for. */
export class EvaluationInputs {
  private cached: { key: string; pair: ImagePair } | null = null;

  constructor(private readonly testSplit: TestSplitSource) {}

  async pairFor(
    choice: { dataset: DatasetName; testSubset: number | null },
    noise: EvaluationNoise,
  ): Promise<ImagePair> {
    const key = `${choice.dataset}|${choice.testSubset}|${noise.type}|${noise.level}`;
    if (this.cached?.key === key) return this.cached.pair;
    const split = await this.testSplit(choice.dataset, choice.testSubset);
    this.dispose();
    const clean = tf.tensor2d(split.images.subarray(0, split.count * IMAGE_PIXELS), [
      split.count,
      IMAGE_PIXELS,
    ]);
    const pair = { clean, noisy: addNoise(clean, noise.type, noise.level, RUNS_NOISE_SEED) };
    this.cached = { key, pair };
    return pair;
  }

  dispose(): void {
    this.cached?.pair.clean.dispose();
    this.cached?.pair.noisy.dispose();
    this.cached = null;
  }
}
