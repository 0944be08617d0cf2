/**
 * One training run of the reference model: owns the model, optimiser, scheduler, best
 * checkpoint and the epoch/step counters, and streams progress through `emit`.
 * Only asynchronous tensor reads; one tf.tidy per step; fixed batch shapes.
 */
import * as tf from '@tensorflow/tfjs';
import type { TrainingConfig } from '../../shared/config';
import type { BatchLoss, EmitEvent } from '../../shared/protocol';
import { createDenseAutoencoder, REFERENCE_SPEC, type DenseAutoencoder } from '../model/denseAutoencoder';
import { AdamW } from './adamw';
import { batchIndices, shuffledOrder, stepsPerEpoch } from './batchOrder';
import { mapInChunks } from './chunkedEval';
import { perSampleReconstructionLoss } from './losses';
import { addNoise } from './noise';
import { createRandom, type SeededRandom } from './random';
import { ReduceLrOnPlateau } from './reduceLrOnPlateau';
import type { RunSplits } from './splits';
import { trainStep } from './trainStep';

/** How often batch losses are sent to the page while training (they are also sent at epoch end). */
const LOSS_FLUSH_INTERVAL_MS = 200;

export interface EpochSummary {
  epoch: number;
  validationLoss: number;
  isBest: boolean;
}

export class TrainingSession {
  readonly model: DenseAutoencoder;
  readonly stepsPerEpoch: number;
  epoch = 0;
  step = 0;
  stepInEpoch = 0;
  private readonly optimizer: AdamW;
  private readonly scheduler: ReduceLrOnPlateau;
  private readonly shuffleRandom: SeededRandom;
  private readonly stepRandom: SeededRandom;
  /** [count, 2·784]: fixed noisy validation inputs beside their clean targets, made once. */
  private readonly validationPairs: tf.Tensor2D;
  /** The test split with fixed noise at the training level, made once (as PyTorch's seeded val noise). */
  readonly noisyTestImages: tf.Tensor2D;
  private order: Int32Array;
  private running = false;
  private pendingLosses: BatchLoss[] = [];
  private lastFlushMs = 0;
  private epochTrainMs = 0;
  private epochLossSum = 0;
  private best: { epoch: number; validationLoss: number; state: tf.Tensor[] } | null = null;

  constructor(
    readonly config: TrainingConfig,
    readonly splits: RunSplits,
    private readonly emit: EmitEvent,
    private readonly onEpochEnded: (summary: EpochSummary) => Promise<void>,
  ) {
    this.model = createDenseAutoencoder(REFERENCE_SPEC, config.seed);
    this.optimizer = new AdamW(this.model.trainableVariables, {
      learningRate: config.learningRate,
      weightDecay: config.weightDecay,
    });
    this.scheduler = new ReduceLrOnPlateau({
      factor: config.plateauFactor,
      patience: config.plateauPatience,
    });
    this.shuffleRandom = createRandom(config.seed + 1);
    this.stepRandom = createRandom(config.seed + 2);
    this.stepsPerEpoch = stepsPerEpoch(splits.trainCount, config.batchSize);
    this.order = shuffledOrder(splits.trainCount, this.shuffleRandom);
    this.noisyTestImages = addNoise(
      splits.testImages,
      config.noiseType,
      config.trainNoiseLevel,
      config.seed + 3,
    );
    this.validationPairs = tf.tidy(() => {
      const clean = splits.validationImages;
      const noisy =
        config.validation === 'test'
          ? this.noisyTestImages
          : addNoise(clean, config.noiseType, config.trainNoiseLevel, config.seed + 4);
      return tf.concat([noisy, clean], 1);
    });
  }

  get isRunning(): boolean {
    return this.running;
  }

  get isFinished(): boolean {
    return this.epoch >= this.config.epochs;
  }

  get learningRate(): number {
    return this.optimizer.learningRate;
  }

  /** Trains until paused or all epochs are done. */
  async run(yieldToEvents: () => Promise<void>): Promise<void> {
    if (this.running || this.isFinished) return;
    this.running = true;
    try {
      while (this.running && !this.isFinished) {
        await this.trainOneStep();
        await yieldToEvents();
      }
    } finally {
      this.running = false;
      this.flushLosses();
    }
  }

  pause(): void {
    this.running = false;
  }

  /** One optimiser step; ends the epoch (validation, scheduler, checkpoint) when it was the last. */
  async trainOneStep(): Promise<void> {
    const startedMs = performance.now();
    const indices = batchIndices(this.order, this.stepInEpoch, this.config.batchSize);
    const noiseSeed = this.stepRandom.nextSeed();
    const dropoutSeed = this.stepRandom.nextSeed();
    // One tf.tidy for the whole step: the batch, its noise, and trainStep's own tidy.
    const lossTensor = tf.tidy(() => {
      const clean = tf.gather(this.splits.trainImages, tf.tensor1d(indices, 'int32'));
      const noisy = addNoise(clean, this.config.noiseType, this.config.trainNoiseLevel, noiseSeed);
      return trainStep(this.model, this.optimizer, noisy, clean, {
        lossWeights: this.config,
        gradientClipNorm: this.config.gradientClipNorm,
        dropoutSeed,
      }).loss;
    });
    const loss = (await lossTensor.data())[0];
    lossTensor.dispose();
    this.step += 1;
    this.stepInEpoch += 1;
    this.epochTrainMs += performance.now() - startedMs;
    this.epochLossSum += loss;
    this.pendingLosses.push({ step: this.step, loss });
    if (performance.now() - this.lastFlushMs > LOSS_FLUSH_INTERVAL_MS) this.flushLosses();
    if (!Number.isFinite(loss)) {
      this.running = false;
      throw new Error(
        `The training loss became ${loss} at step ${this.step}; lower the learning rate and reset.`,
      );
    }
    if (this.stepInEpoch === this.stepsPerEpoch) await this.finishEpoch();
  }

  async validationLoss(): Promise<number> {
    const perSample = await mapInChunks(this.validationPairs, (pairs) => {
      const [noisy, clean] = tf.split(pairs, 2, 1) as [tf.Tensor2D, tf.Tensor2D];
      const reconstruction = this.model.forward(noisy, { training: false }).reconstruction;
      return perSampleReconstructionLoss(clean, reconstruction, this.config);
    });
    let sum = 0;
    for (const value of perSample) sum += value;
    return sum / perSample.length;
  }

  private async finishEpoch(): Promise<void> {
    this.flushLosses();
    const trainLoss = this.epochLossSum / this.stepInEpoch;
    const validationLoss = await this.validationLoss();
    const previousLr = this.optimizer.learningRate;
    const { learningRate, reduced } = this.scheduler.step(validationLoss, previousLr);
    if (reduced) this.optimizer.setLearningRate(learningRate);
    const isBest = this.best === null || validationLoss < this.best.validationLoss;
    this.epoch += 1;
    if (isBest) this.keepBest(validationLoss);
    this.emit({
      type: 'epochEnded',
      epoch: this.epoch,
      step: this.step,
      trainLoss,
      validationLoss,
      learningRate,
      learningRateDropped: reduced,
      isBest,
      epochElapsedMs: this.epochTrainMs,
      numTensors: tf.memory().numTensors,
    });
    this.stepInEpoch = 0;
    this.epochLossSum = 0;
    this.epochTrainMs = 0;
    this.order = shuffledOrder(this.splits.trainCount, this.shuffleRandom);
    await this.onEpochEnded({ epoch: this.epoch, validationLoss, isBest });
  }

  private keepBest(validationLoss: number): void {
    this.best?.state.forEach((tensor) => tensor.dispose());
    this.best = { epoch: this.epoch, validationLoss, state: this.model.saveState() };
  }

  /** Puts the best checkpoint's weights back into the model; null when there is none yet. */
  restoreBest(): { epoch: number; validationLoss: number } | null {
    if (!this.best) return null;
    this.model.restoreState(this.best.state);
    return { epoch: this.best.epoch, validationLoss: this.best.validationLoss };
  }

  private flushLosses(): void {
    this.lastFlushMs = performance.now();
    if (this.pendingLosses.length === 0) return;
    this.emit({
      type: 'batchesTrained',
      epoch: this.epoch,
      stepInEpoch: this.stepInEpoch,
      stepsPerEpoch: this.stepsPerEpoch,
      losses: this.pendingLosses,
      learningRate: this.optimizer.learningRate,
      numTensors: tf.memory().numTensors,
      epochElapsedMs: this.epochTrainMs,
    });
    this.pendingLosses = [];
  }

  dispose(): void {
    this.running = false;
    this.best?.state.forEach((tensor) => tensor.dispose());
    this.best = null;
    this.validationPairs.dispose();
    this.noisyTestImages.dispose();
    this.optimizer.dispose();
    this.model.dispose();
  }
}
