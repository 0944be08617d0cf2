/**
 * One training run: owns the model, the step (fused engine or tfjs ops), scheduler, best checkpoint
 * and the epoch/step counters, and streams progress through `emit`. Async reads; fixed batch shapes.
 */
import * as tf from '@tensorflow/tfjs';
import type { TrainingConfig } from '../../shared/config';
import type { BatchLoss, EmitEvent } from '../../shared/protocol';
import type { Autoencoder } from '../model/autoencoder';
import { createPresetModel } from '../model/presets/createPresetModel';
import { batchIndices, shuffledOrder, stepsPerEpoch } from './batchOrder';
import { NEVER_CANCELLED, type YieldPoint } from '../control/cancellation';
import { BestCheckpoint, type CheckpointInfo } from './bestCheckpoint';
import { EvaluationSets } from './evaluationSets';
import { TrainingDiverged } from './trainingDiverged';
import { createRandom, type SeededRandom } from './random';
import { ReduceLrOnPlateau } from './reduceLrOnPlateau';
import type { RunSplits } from './splits';
import type { TrainStepper } from './trainStepper';

/** How often batch losses are sent to the page while training (they are also sent at epoch end). */
const LOSS_FLUSH_INTERVAL_MS = 200;

export interface EpochSummary {
  epoch: number;
  validationLoss: number;
  isBest: boolean;
}

/** Builds the step for a model (see chooseStepper). */
export type StepperFactory = (model: Autoencoder) => Promise<{ stepper: TrainStepper; reason: string }>;

export class TrainingSession {
  readonly stepsPerEpoch: number;
  epoch = 0;
  step = 0;
  stepInEpoch = 0;
  private learningRateValue: number;
  private readonly scheduler: ReduceLrOnPlateau;
  private readonly shuffleRandom: SeededRandom;
  private readonly stepRandom: SeededRandom;
  private readonly evaluation: EvaluationSets;
  private order: Int32Array;
  private running = false;
  private stopReason: Error | null = null;
  private pendingLosses: BatchLoss[] = [];
  private lastFlushMs = 0;
  private epochTrainMs = 0;
  private epochLossSum = 0;
  readonly best = new BestCheckpoint();
  /** Counts weight changes (steps, restores), so evaluations of unchanged weights are reused. */
  private weightsVersion = 0;
  /** The epoch of the checkpoint last restored, until the next step; 0 for the initial weights. */
  private restoredEpoch: number | null = null;
  private poisonNext = false;

  static async create(
    config: TrainingConfig,
    splits: RunSplits,
    emit: EmitEvent,
    onEpochEnded: (summary: EpochSummary, between: YieldPoint) => Promise<void>,
    createStepper: StepperFactory,
  ): Promise<TrainingSession> {
    const model = createPresetModel(config);
    try {
      const { stepper, reason } = await createStepper(model);
      return new TrainingSession(config, splits, emit, onEpochEnded, model, stepper, reason);
    } catch (error) {
      model.dispose();
      throw error;
    }
  }

  private constructor(
    readonly config: TrainingConfig,
    readonly splits: RunSplits,
    private readonly emit: EmitEvent,
    private readonly onEpochEnded: (summary: EpochSummary, between: YieldPoint) => Promise<void>,
    private readonly model: Autoencoder,
    readonly stepper: TrainStepper,
    /** Why this step trains the run, for the page. */
    readonly stepperReason: string,
  ) {
    this.learningRateValue = config.learningRate;
    this.scheduler = new ReduceLrOnPlateau({
      factor: config.plateauFactor,
      patience: config.plateauPatience,
    });
    this.shuffleRandom = createRandom(config.seed + 1);
    this.stepRandom = createRandom(config.seed + 2);
    this.stepsPerEpoch = stepsPerEpoch(splits.trainCount, config.batchSize);
    this.order = shuffledOrder(splits.trainCount, this.shuffleRandom);
    stepper.startEpoch(this.order, this.stepsPerEpoch);
    this.evaluation = new EvaluationSets(config, splits);
  }

  get isRunning(): boolean {
    return this.running;
  }

  get isFinished(): boolean {
    return this.epoch >= this.config.epochs;
  }

  get learningRate(): number {
    return this.learningRateValue;
  }

  /** The model with the latest weights, for evaluation only (the step owns training). */
  evaluationModel(): Autoencoder {
    this.stepper.syncModel();
    return this.model;
  }

  /** The epoch the model's weights belong to: a restored checkpoint's until training goes on. */
  get weightsEpoch(): number {
    return this.restoredEpoch ?? this.epoch;
  }

  /** Trains until paused, cancelled at a yield point (Cancelled), or all epochs are done. */
  async run(between: YieldPoint): Promise<void> {
    if (this.running || this.isFinished) return;
    this.running = true;
    try {
      while (this.running && !this.isFinished) {
        await this.trainOneStep(between);
        await between();
      }
    } finally {
      this.running = false;
      // Steps still on the GPU finish; their losses belong to this run.
      this.recordLosses(await this.stepper.drain());
      this.flushLosses();
    }
    this.throwIfStopped();
  }

  pause(): void {
    this.running = false;
  }

  /**
   * One optimiser step; ends the epoch (validation, scheduler, checkpoint, views) when it was the
   * last. An epoch end cancelled before its validation finished is done first.
   */
  async trainOneStep(between: YieldPoint = NEVER_CANCELLED): Promise<void> {
    this.throwIfStopped();
    if (this.epochEndPending) await this.finishEpoch(between);
    if (this.isFinished) return;
    this.restoredEpoch = null;
    const startedMs = performance.now();
    const losses = await this.stepper.step({
      stepIndex: this.step,
      stepInEpoch: this.stepInEpoch,
      indices: batchIndices(this.order, this.stepInEpoch, this.config.batchSize),
      noiseSeed: this.stepRandom.nextSeed(),
      dropoutSeed: this.stepRandom.nextSeed(),
    });
    this.step += 1;
    this.stepInEpoch += 1;
    this.weightsVersion += 1;
    this.recordLosses(losses);
    if (this.epochEndPending) this.recordLosses(await this.stepper.drain());
    this.epochTrainMs += performance.now() - startedMs;
    if (performance.now() - this.lastFlushMs > LOSS_FLUSH_INTERVAL_MS) this.flushLosses();
    this.throwIfStopped();
    if (this.epochEndPending) await this.finishEpoch(between);
  }

  /** The epoch's last step is done but its end (validation onwards) is not. */
  private get epochEndPending(): boolean {
    return this.stepInEpoch === this.stepsPerEpoch;
  }

  /** Makes the next recorded training loss NaN, as a divergence would (a test hook). */
  poisonNextLoss(): void {
    this.poisonNext = true;
  }

  /** Waits for steps still running on the device (their losses are recorded). */
  async settle(): Promise<void> {
    this.recordLosses(await this.stepper.drain());
    this.flushLosses();
    this.throwIfStopped();
  }

  private recordLosses(losses: BatchLoss[]): void {
    if (this.poisonNext && losses.length > 0) {
      this.poisonNext = false;
      losses = [{ ...losses[0], loss: NaN }, ...losses.slice(1)];
    }
    for (const record of losses) {
      if (!Number.isFinite(record.loss)) {
        // Never charted: the run stops and the handler restores a checkpoint.
        this.running = false;
        this.stopReason ??= new TrainingDiverged(record.step, record.loss);
        continue;
      }
      this.epochLossSum += record.loss;
      this.pendingLosses.push(record);
    }
  }

  private throwIfStopped(): void {
    if (this.stopReason) throw this.stopReason;
  }

  /** The noisy test images' reconstruction, on the device (shared by validation and metrics). */
  testReconstruction(between: YieldPoint = NEVER_CANCELLED): Promise<tf.Tensor2D> {
    return this.evaluation.testReconstruction(this.evaluationModel(), this.weightsVersion, between);
  }

  validationLoss(between: YieldPoint = NEVER_CANCELLED): Promise<number> {
    return this.evaluation.validationLoss(this.evaluationModel(), this.weightsVersion, between);
  }

  /** Nothing changes before the validation loss is known, so a cancelled end can simply run again. */
  private async finishEpoch(between: YieldPoint): Promise<void> {
    this.flushLosses();
    const trainLoss = this.epochLossSum / this.stepInEpoch;
    const validationLoss = await this.validationLoss(between);
    const { learningRate, reduced } = this.scheduler.step(validationLoss, this.learningRateValue);
    if (reduced) {
      this.learningRateValue = learningRate;
      this.stepper.setLearningRate(learningRate);
    }
    const isBest = this.best.isImprovedBy(validationLoss);
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
    this.stepper.startEpoch(this.order, this.stepsPerEpoch);
    await this.onEpochEnded({ epoch: this.epoch, validationLoss, isBest }, between);
  }

  private keepBest(validationLoss: number): void {
    this.best.keep(this.epoch, validationLoss, this.evaluationModel());
  }

  /** Puts the best checkpoint's weights back into the model; null when there is none yet. */
  async restoreBest(): Promise<CheckpointInfo | null> {
    if (!this.best.info) return null;
    await this.settle();
    return this.restore();
  }

  /**
   * After a divergence: the best checkpoint's weights, or the initial ones (rebuilt from the
   * seed) when no epoch has finished. No settling: the stopped run's losses are already known.
   */
  restoreAfterDivergence(): Promise<CheckpointInfo | null> {
    return this.restore();
  }

  private async restore(): Promise<CheckpointInfo | null> {
    const restored = this.best.restoreInto(this.model);
    if (!restored) BestCheckpoint.restoreInitial(this.model, this.config);
    this.weightsVersion += 1;
    await this.stepper.loadModel();
    this.restoredEpoch = restored?.epoch ?? 0;
    return restored;
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
      learningRate: this.learningRateValue,
      numTensors: tf.memory().numTensors,
      epochElapsedMs: this.epochTrainMs,
    });
    this.pendingLosses = [];
  }

  dispose(): void {
    this.running = false;
    this.best.dispose();
    this.evaluation.dispose();
    this.stepper.dispose();
    this.model.dispose();
  }
}
