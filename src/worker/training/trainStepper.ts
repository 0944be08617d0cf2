/**
 * The training step behind a run: the fused WebGPU engine or the generic tfjs-ops step. Both
 * train the same tfjs model; the session only sees this interface.
 */
import type { TrainStepKind } from '../../shared/config';
import type { BatchLoss } from '../../shared/protocol';

export interface StepBatch {
  /** 0-based global step index. */
  stepIndex: number;
  stepInEpoch: number;
  /** Training-set indices of the batch's images. */
  indices: Int32Array;
  noiseSeed: number;
  dropoutSeed: number;
}

/** AdamW's state, flat in the order of the model's trainable variables (the engine's own layout). */
export interface OptimizerState {
  /** Steps taken: the bias corrections follow from it. */
  stepCount: number;
  firstMoments: Float32Array<ArrayBuffer>;
  secondMoments: Float32Array<ArrayBuffer>;
}

export interface TrainStepper {
  readonly kind: TrainStepKind;
  /** The worker's own time to issue the last step, without waiting for the device. */
  readonly lastEncodeMs: number;
  /** Called with the epoch's shuffled order before its first step. */
  startEpoch(order: Int32Array, stepsPerEpoch: number): void;
  /** Issues one step; resolves with the losses that became known (possibly of earlier steps). */
  step(batch: StepBatch): Promise<BatchLoss[]>;
  /** Waits for every issued step; resolves with the losses not yet returned. */
  drain(): Promise<BatchLoss[]>;
  setLearningRate(learningRate: number): void;
  /** Makes the tfjs model hold the latest weights; call before evaluating it. */
  syncModel(): void;
  /** The tfjs model's weights were replaced (a restored checkpoint): train from them. */
  loadModel(): Promise<void>;
  /** Reads the optimiser's moments and step count (a saved run); call between steps. */
  saveOptimizer(): Promise<OptimizerState>;
  loadOptimizer(state: OptimizerState): Promise<void>;
  dispose(): void;
}
