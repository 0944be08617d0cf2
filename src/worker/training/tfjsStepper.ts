/** The generic step: tfjs ops on any backend (forward, autodiff, clip, the AdamW written for tfjs). */
import * as tf from '@tensorflow/tfjs';
import type { TrainingConfig } from '../../shared/config';
import { IMAGE_PIXELS } from '../../shared/dataset';
import type { BatchLoss } from '../../shared/protocol';
import type { Autoencoder } from '../model/autoencoder';
import { AdamW } from './adamw';
import { addNoise } from './noise';
import { decoupledWeightDecay, penaltiesOf, trainingNoise } from './runSettings';
import { trainStep } from './trainStep';
import type { OptimizerState, StepBatch, TrainStepper } from './trainStepper';

export class TfjsStepper implements TrainStepper {
  readonly kind = 'tfjs';
  lastEncodeMs = 0;
  private readonly optimizer: AdamW;
  private readonly trainImages: tf.Tensor2D;

  constructor(
    private readonly model: Autoencoder,
    private readonly config: TrainingConfig,
    trainPixels: Float32Array,
  ) {
    this.trainImages = tf.tensor2d(trainPixels, [trainPixels.length / IMAGE_PIXELS, IMAGE_PIXELS]);
    this.optimizer = new AdamW(model.trainableVariables, {
      learningRate: config.learningRate,
      weightDecay: decoupledWeightDecay(config),
    });
  }

  startEpoch(): void {}

  async step(batch: StepBatch): Promise<BatchLoss[]> {
    const startedMs = performance.now();
    // One tf.tidy for the whole step: the batch, its noise, and trainStep's own tidy.
    const lossTensor = tf.tidy(() => {
      const clean = tf.gather(this.trainImages, tf.tensor1d(batch.indices, 'int32'));
      const noise = trainingNoise(this.config);
      const noisy = addNoise(clean, noise.type, noise.level, batch.noiseSeed);
      return trainStep(this.model, this.optimizer, noisy, clean, {
        lossWeights: this.config,
        gradientClipNorm: this.config.gradientClipNorm,
        dropoutSeed: batch.dropoutSeed,
        penalties: penaltiesOf(this.config) ?? undefined,
      }).loss;
    });
    this.lastEncodeMs = performance.now() - startedMs;
    const loss = (await lossTensor.data())[0];
    lossTensor.dispose();
    return [{ step: batch.stepIndex + 1, loss }];
  }

  drain(): Promise<BatchLoss[]> {
    return Promise.resolve([]);
  }

  setLearningRate(learningRate: number): void {
    this.optimizer.setLearningRate(learningRate);
  }

  syncModel(): void {}

  loadModel(): Promise<void> {
    return Promise.resolve();
  }

  saveOptimizer(): Promise<OptimizerState> {
    return this.optimizer.saveState();
  }

  loadOptimizer(state: OptimizerState): Promise<void> {
    this.optimizer.loadState(state);
    return Promise.resolve();
  }

  dispose(): void {
    this.optimizer.dispose();
    this.trainImages.dispose();
  }
}
