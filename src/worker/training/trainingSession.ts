/**
 * One training run: owns the model, the step (fused engine or tfjs ops), scheduler, best checkpoint
 * and the epoch/step counters, and streams progress through `emit`. Async reads; fixed batch shapes.
 */
import * as tf from '@tensorflow/tfjs';
import type { TrainingConfig } from '../../shared/config';
import type { BatchLoss, EmitEvent } from '../../shared/protocol';
import type { Autoencoder } from '../model/autoencoder';
import { assignFlat, readFlat } from '../model/flatState';
import type { SessionCheckpoint } from '../persistence/sessionCheckpoint';
import { batchIndices, RunShuffler, stepsPerEpoch } from './batchOrder';
import { NEVER_CANCELLED, type YieldPoint } from '../control/cancellation';
import { BestCheckpoint, type CheckpointInfo } from './bestCheckpoint';
import { EvaluationSets } from './evaluationSets';
import { LossStream } from './lossStream';
import { ReduceLrOnPlateau } from './reduceLrOnPlateau';
import type { RunSplits } from './splits';
import type { TrainStepper } from './trainStepper';
import type { OnEpochEnded } from './createTrainingSession';

export class TrainingSession {
  readonly stepsPerEpoch: number;
  epoch = 0;
  step = 0;
  stepInEpoch = 0;
  private learningRateValue: number;
  private readonly scheduler: ReduceLrOnPlateau;
  private readonly shuffler: RunShuffler;
  private readonly evaluation: EvaluationSets;
  private running = false;
  private readonly losses: LossStream;
  private epochTrainMs = 0;
  readonly best = new BestCheckpoint();
  /** Counts weight changes (steps, restores), so evaluations of unchanged weights are reused. */
  private weightsVersion = 0;
  /** The epoch of the checkpoint last restored, until the next step; 0 for the initial weights. */
  private restoredEpoch: number | null = null;

  /** Built by createTrainingSession, which makes the model and its step. */
  constructor(
    readonly config: TrainingConfig,
    readonly splits: RunSplits,
    private readonly emit: EmitEvent,
    private readonly onEpochEnded: OnEpochEnded,
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
    this.shuffler = new RunShuffler(config.seed, splits.trainCount);
    this.stepsPerEpoch = stepsPerEpoch(splits.trainCount, config.batchSize);
    stepper.startEpoch(this.shuffler.order, this.stepsPerEpoch);
    this.evaluation = new EvaluationSets(config, splits);
    this.losses = new LossStream((losses) => this.sendLosses(losses));
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
  async run(between: YieldPoint, betweenSteps: () => Promise<void> = async () => undefined): Promise<void> {
    if (this.running || this.isFinished) return;
    this.running = true;
    try {
      while (this.running && !this.isFinished) {
        await this.trainOneStep(between);
        await between().then(betweenSteps);
      }
    } finally {
      this.running = false;
      // Steps still on the GPU finish; their losses belong to this run.
      this.losses.record(await this.stepper.drain());
      this.losses.flush();
    }
    this.throwIfStopped();
  }

  pause(): void {
    this.running = false;
  }

  // One optimiser step; ends the epoch (validation, scheduler, checkpoint, views) when it was the last.
  // An epoch end cancelled before its validation finished is done first.
  async trainOneStep(between: YieldPoint = NEVER_CANCELLED): Promise<void> {
    this.throwIfStopped();
    if (this.epochEndPending) await this.finishEpoch(between);
    if (this.isFinished) return;
    this.restoredEpoch = null;
    const startedMs = performance.now();
    const losses = await this.stepper.step({
      stepIndex: this.step,
      stepInEpoch: this.stepInEpoch,
      indices: batchIndices(this.shuffler.order, this.stepInEpoch, this.config.batchSize),
      ...this.shuffler.nextSeeds(),
    });
    this.step += 1;
    this.stepInEpoch += 1;
    this.weightsVersion += 1;
    this.losses.record(losses);
    if (this.epochEndPending) this.losses.record(await this.stepper.drain());
    this.epochTrainMs += performance.now() - startedMs;
    this.losses.flushIfDue();
    this.throwIfStopped();
    if (!this.epochEndPending) return;
    // A pause or reset that came during the step stops here, not after a validation pass (seconds
    // on a slow GPU): the next step does the epoch end first.
    await between();
    await this.finishEpoch(between);
  }

  /** The epoch's last step is done but its end (validation onwards) is not. */
  private get epochEndPending(): boolean {
    return this.stepInEpoch === this.stepsPerEpoch;
  }

  /** Makes the next recorded training loss NaN, as a divergence would (a test hook). */
  poisonNextLoss(): void {
    this.losses.poisonNextLoss();
  }

  /** Waits for steps still running on the device (their losses are recorded). */
  async settle(): Promise<void> {
    this.losses.record(await this.stepper.drain());
    this.losses.flush();
    this.throwIfStopped();
  }

  /** A non-finite loss stopped the run: it ends with TrainingDiverged. */
  private throwIfStopped(): void {
    if (!this.losses.divergence) return;
    this.running = false;
    throw this.losses.divergence;
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
    this.losses.flush();
    const trainLoss = this.losses.epochLossSum / this.stepInEpoch;
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
    this.losses.epochLossSum = 0;
    this.epochTrainMs = 0;
    this.stepper.startEpoch(this.shuffler.reshuffle(), this.stepsPerEpoch);
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
    await this.weightsReplaced();
    this.restoredEpoch = restored?.epoch ?? 0;
    return restored;
  }

  /** The model takes these weights (flat in state_dict order: a saved run, a model file) and trains on. */
  async loadWeights(flat: Float32Array): Promise<void> {
    await this.settle();
    assignFlat(flat, this.stateVariables());
    await this.weightsReplaced();
  }

  private async weightsReplaced(): Promise<void> {
    this.weightsVersion += 1;
    await this.stepper.loadModel();
  }

  /** Parameters and BatchNorm statistics, current (the engine's weights copied in). */
  private stateVariables(): tf.Variable[] {
    return this.evaluationModel().namedState.map(({ variable }) => variable);
  }

  /** An imported run's place and rate (its weights come from a model file, its scheduler starts afresh). */
  continueAt(epoch: number, step: number, learningRate: number): void {
    [this.epoch, this.step, this.learningRateValue] = [epoch, step, learningRate];
    this.stepper.setLearningRate(learningRate);
  }

  /** Everything a saved run needs to continue this one; call between steps. */
  async checkpoint(): Promise<SessionCheckpoint> {
    await this.settle();
    const { epoch, step, stepInEpoch, epochTrainMs } = this;
    return {
      counters: { epoch, step, stepInEpoch, epochLossSum: this.losses.epochLossSum, epochTrainMs },
      learningRate: this.learningRateValue,
      ...this.shuffler.state,
      scheduler: this.scheduler.state,
      weights: await readFlat(this.stateVariables()),
      optimizer: await this.stepper.saveOptimizer(),
      best: await this.best.saved(),
    };
  }

  /** Continues a saved run of this configuration (checkpointMismatch says whether it fits). */
  async resumeFrom(saved: SessionCheckpoint): Promise<void> {
    await this.loadWeights(saved.weights);
    this.best.restoreSaved(saved.best, this.stateVariables());
    await this.stepper.loadOptimizer(saved.optimizer);
    this.learningRateValue = saved.learningRate;
    this.stepper.setLearningRate(saved.learningRate);
    this.scheduler.restore(saved.scheduler);
    this.shuffler.restore(saved);
    ({ epoch: this.epoch, step: this.step, stepInEpoch: this.stepInEpoch } = saved.counters);
    ({ epochLossSum: this.losses.epochLossSum, epochTrainMs: this.epochTrainMs } = saved.counters);
    this.stepper.startEpoch(this.shuffler.order, this.stepsPerEpoch);
  }

  private sendLosses(losses: BatchLoss[]): void {
    this.emit({
      type: 'batchesTrained',
      epoch: this.epoch,
      stepInEpoch: this.stepInEpoch,
      stepsPerEpoch: this.stepsPerEpoch,
      losses,
      learningRate: this.learningRateValue,
      numTensors: tf.memory().numTensors,
      epochElapsedMs: this.epochTrainMs,
    });
  }

  dispose(): void {
    this.running = false;
    this.best.dispose();
    this.evaluation.dispose();
    this.stepper.dispose();
    this.model.dispose();
  }
}
