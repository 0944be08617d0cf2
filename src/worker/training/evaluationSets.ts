/**
 * The run's fixed evaluation inputs (noise drawn once, as PyTorch's seeded validation noise) and
 * the passes over them: the validation loss and the test split's reconstruction, which is kept on
 * the device until the weights change, so the validation loss (on the test split) and the test
 * metrics share one forward pass.
 */
import * as tf from '@tensorflow/tfjs';
import type { TrainingConfig } from '../../shared/config';
import type { YieldPoint } from '../control/cancellation';
import type { Autoencoder } from '../model/autoencoder';
import { forwardInChunks, mapInChunks } from './chunkedEval';
import { perSampleReconstructionLoss } from './losses';
import { addNoise } from './noise';
import type { RunSplits } from './splits';

export class EvaluationSets {
  /** The test split with fixed noise at the training level. */
  private readonly noisyTestImages: tf.Tensor2D;
  /** [count, 2·784]: held-out noisy inputs beside their clean targets (validation on a holdout only). */
  private readonly holdoutPairs: tf.Tensor2D | null;
  private cachedTestReconstruction: { weightsVersion: number; output: Promise<tf.Tensor2D> } | null = null;

  constructor(
    private readonly config: TrainingConfig,
    private readonly splits: RunSplits,
  ) {
    const { noiseType, trainNoiseLevel, seed } = config;
    this.noisyTestImages = addNoise(splits.testImages, noiseType, trainNoiseLevel, seed + 3);
    this.holdoutPairs =
      config.validation === 'test'
        ? null
        : tf.tidy(() => {
            const clean = splits.validationImages;
            return tf.concat([addNoise(clean, noiseType, trainNoiseLevel, seed + 4), clean], 1);
          });
  }

  /**
   * The model's output for the noisy test images; `weightsVersion` says when to recompute. One
   * computation at a time is shared by every caller asking for the same weights.
   */
  testReconstruction(model: Autoencoder, weightsVersion: number, between: YieldPoint): Promise<tf.Tensor2D> {
    const cached = this.cachedTestReconstruction;
    if (cached?.weightsVersion === weightsVersion) return cached.output;
    void cached?.output.then(
      (output) => output.dispose(),
      () => undefined,
    );
    const output = forwardInChunks(
      this.noisyTestImages,
      (noisy) => model.forward(noisy, { training: false }).reconstruction,
      between,
    );
    const entry = { weightsVersion, output };
    this.cachedTestReconstruction = entry;
    // A cancelled computation is not kept: the next caller starts again.
    output.catch(() => {
      if (this.cachedTestReconstruction === entry) this.cachedTestReconstruction = null;
    });
    return output;
  }

  async validationLoss(model: Autoencoder, weightsVersion: number, between: YieldPoint): Promise<number> {
    if (!this.holdoutPairs) {
      const reconstruction = await this.testReconstruction(model, weightsVersion, between);
      const mean = tf.tidy(() =>
        tf.mean(perSampleReconstructionLoss(this.splits.testImages, reconstruction, this.config)),
      );
      const [loss] = await mean.data();
      mean.dispose();
      return loss;
    }
    const perSample = await mapInChunks(
      this.holdoutPairs,
      (pairs) => {
        const [noisy, clean] = tf.split(pairs, 2, 1) as [tf.Tensor2D, tf.Tensor2D];
        return perSampleReconstructionLoss(
          clean,
          model.forward(noisy, { training: false }).reconstruction,
          this.config,
        );
      },
      between,
    );
    let sum = 0;
    for (const value of perSample) sum += value;
    return sum / perSample.length;
  }

  dispose(): void {
    this.noisyTestImages.dispose();
    this.holdoutPairs?.dispose();
    void this.cachedTestReconstruction?.output.then(
      (output) => output.dispose(),
      () => undefined,
    );
    this.cachedTestReconstruction = null;
  }
}
