/**
 * One training run: owns the model, the step (fused engine or tfjs ops), scheduler, best
 * checkpoint and the epoch/step counters, and streams progress through `emit`.
 * Only asynchronous tensor reads; fixed batch shapes.
 */
import * as tf from '@tensorflow/tfjs';
import type { TrainingConfig } from '../../shared/config';
import type { BatchLoss, EmitEvent } from '../../shared/protocol';
import { createDenseAutoencoder, REFERENCE_SPEC, type DenseAutoencoder } from '../model/denseAutoencoder';
import { readFlat, tensorsFromFlat } from '../model/flatState';
import { restoredBest, savedBest, type SessionCheckpoint } from '../persistence/sessionCheckpoint';
import { batchIndices, shuffledOrder, stepsPerEpoch } from './batchOrder';
import { EvaluationSets } from './evaluationSets';
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
export type StepperFactory = (model: DenseAutoencoder) => Promise<{ stepper: TrainStepper; reason: string }>;

export class TrainingSession {
  readonly stepsPerEpoch: number;
  epoch = 0;
  step = 0;
  stepInEpoch = 0;
  private learningRateValue: number;
  private readonly scheduler: ReduceLrOnPlateau;
  private shuffleRandom: SeededRandom;
  private stepRandom: SeededRandom;
  private readonly evaluation: EvaluationSets;
  private order: Int32Array;
  private running = false;
  private stopReason: Error | null = null;
  private pendingLosses: BatchLoss[] = [];
  private lastFlushMs = 0;
  private epochTrainMs = 0;
  private epochLossSum = 0;
  private best: { epoch: number; validationLoss: number; state: tf.Tensor[] } | null = null;
  /** Counts weight changes (steps, restores), so evaluations of unchanged weights are reused. */
  private weightsVersion = 0;

  static async create(
    config: TrainingConfig,
    splits: RunSplits,
    emit: EmitEvent,
    onEpochEnded: (summary: EpochSummary) => Promise<void>,
    createStepper: StepperFactory,
  ): Promise<TrainingSession> {
    const model = createDenseAutoencoder(REFERENCE_SPEC, config.seed);
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
    private readonly onEpochEnded: (summary: EpochSummary) => Promise<void>,
    private readonly model: DenseAutoencoder,
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
  evaluationModel(): DenseAutoencoder {
    this.stepper.syncModel();
    return this.model;
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
      // Steps still on the GPU finish; their losses belong to this run.
      this.recordLosses(await this.stepper.drain());
      this.flushLosses();
    }
    this.throwIfStopped();
  }

  pause(): void {
    this.running = false;
  }

  /** One optimiser step; ends the epoch (validation, scheduler, checkpoint) when it was the last. */
  async trainOneStep(): Promise<void> {
    this.throwIfStopped();
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
    if (this.stepInEpoch === this.stepsPerEpoch) this.recordLosses(await this.stepper.drain());
    this.epochTrainMs += performance.now() - startedMs;
    if (performance.now() - this.lastFlushMs > LOSS_FLUSH_INTERVAL_MS) this.flushLosses();
    this.throwIfStopped();
    if (this.stepInEpoch === this.stepsPerEpoch) await this.finishEpoch();
  }

  /** Waits for steps still running on the device (their losses are recorded). */
  async settle(): Promise<void> {
    this.recordLosses(await this.stepper.drain());
    this.flushLosses();
    this.throwIfStopped();
  }

  private recordLosses(losses: BatchLoss[]): void {
    for (const record of losses) {
      if (!Number.isFinite(record.loss)) {
        this.running = false;
        this.stopReason ??= new Error(
          `The training loss became ${record.loss} at step ${record.step}; lower the learning rate and reset.`,
        );
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
  testReconstruction(): tf.Tensor2D {
    return this.evaluation.testReconstruction(this.evaluationModel(), this.weightsVersion);
  }

  validationLoss(): Promise<number> {
    return this.evaluation.validationLoss(this.evaluationModel(), this.weightsVersion);
  }

  private async finishEpoch(): Promise<void> {
    this.flushLosses();
    const trainLoss = this.epochLossSum / this.stepInEpoch;
    const validationLoss = await this.validationLoss();
    const { learningRate, reduced } = this.scheduler.step(validationLoss, this.learningRateValue);
    if (reduced) {
      this.learningRateValue = learningRate;
      this.stepper.setLearningRate(learningRate);
    }
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
    this.stepper.startEpoch(this.order, this.stepsPerEpoch);
    await this.onEpochEnded({ epoch: this.epoch, validationLoss, isBest });
  }

  private keepBest(validationLoss: number): void {
    this.best?.state.forEach((tensor) => tensor.dispose());
    this.best = { epoch: this.epoch, validationLoss, state: this.evaluationModel().saveState() };
  }

  /** Puts the best checkpoint's weights back into the model; null when there is none yet. */
  async restoreBest(): Promise<{ epoch: number; validationLoss: number } | null> {
    if (!this.best) return null;
    await this.loadWeights(this.best.state);
    return { epoch: this.best.epoch, validationLoss: this.best.validationLoss };
  }

  /** The model takes these weights (state_dict order: a checkpoint, a file) and trains on from them. */
  async loadWeights(state: tf.Tensor[]): Promise<void> {
    await this.settle();
    this.model.restoreState(state);
    this.weightsVersion += 1;
    await this.stepper.loadModel();
  }

  /** Everything a saved run needs to continue this one; call between steps. */
  async checkpoint(): Promise<SessionCheckpoint> {
    await this.settle();
    const { epoch, step, stepInEpoch, epochLossSum, epochTrainMs } = this;
    return {
      counters: { epoch, step, stepInEpoch, epochLossSum, epochTrainMs },
      learningRate: this.learningRateValue,
      order: this.order.slice(),
      randomStates: { shuffle: this.shuffleRandom.state, step: this.stepRandom.state },
      scheduler: this.scheduler.state,
      weights: await readFlat(this.evaluationModel().namedState.map(({ variable }) => variable)),
      optimizer: await this.stepper.saveOptimizer(),
      best: await savedBest(this.best),
    };
  }

  /** Continues a saved run of this configuration (checkpointMismatch says whether it fits). */
  async resumeFrom(saved: SessionCheckpoint): Promise<void> {
    const variables = this.model.namedState.map(({ variable }) => variable);
    const weights = tensorsFromFlat(saved.weights, variables);
    await this.loadWeights(weights).finally(() => weights.forEach((tensor) => tensor.dispose()));
    this.best?.state.forEach((tensor) => tensor.dispose());
    this.best = restoredBest(saved.best, variables);
    await this.stepper.loadOptimizer(saved.optimizer);
    this.learningRateValue = saved.learningRate;
    this.stepper.setLearningRate(saved.learningRate);
    this.scheduler.restore(saved.scheduler);
    this.shuffleRandom = createRandom(saved.randomStates.shuffle);
    this.stepRandom = createRandom(saved.randomStates.step);
    ({ epoch: this.epoch, step: this.step, stepInEpoch: this.stepInEpoch } = saved.counters);
    ({ epochLossSum: this.epochLossSum, epochTrainMs: this.epochTrainMs } = saved.counters);
    this.order = saved.order.slice();
    this.stepper.startEpoch(this.order, this.stepsPerEpoch);
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
    this.best?.state.forEach((tensor) => tensor.dispose());
    this.best = null;
    this.evaluation.dispose();
    this.stepper.dispose();
    this.model.dispose();
  }
}
