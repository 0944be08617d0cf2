/** What a saved run holds of its session, enough to continue it exactly: same steps, rate and best. */
import type { ShuffleState } from '../training/batchOrder';
import type { SavedBest } from '../training/bestCheckpoint';
import type { PlateauState } from '../training/reduceLrOnPlateau';
import type { OptimizerState } from '../training/trainStepper';

export interface SessionCounters {
  epoch: number;
  step: number;
  stepInEpoch: number;
  /** The unfinished epoch's loss sum and training time, so its record comes out as without a save. */
  epochLossSum: number;
  epochTrainMs: number;
}

/** `order` and `randomStates`: the current epoch's shuffled order and the generators' states after it. */
export interface SessionCheckpoint extends ShuffleState {
  counters: SessionCounters;
  learningRate: number;
  scheduler: PlateauState;
  /** Parameters and BatchNorm running statistics, flat in state_dict order. */
  weights: Float32Array<ArrayBuffer>;
  optimizer: OptimizerState;
  best: SavedBest | null;
}

/** Why a checkpoint cannot continue this session (other images, epoch length or model), or null. */
export function checkpointMismatch(
  checkpoint: SessionCheckpoint,
  session: { splits: { trainCount: number }; stepsPerEpoch: number; stateSize: number },
): string | null {
  const { trainCount } = session.splits;
  if (checkpoint.order.length !== trainCount) {
    return `the saved run trained on ${checkpoint.order.length} images, this one has ${trainCount}`;
  }
  if (checkpoint.counters.stepInEpoch >= session.stepsPerEpoch)
    return 'the saved epoch is longer than this one';
  const sizes = [checkpoint.weights.length, checkpoint.best?.weights.length ?? session.stateSize];
  if (sizes.some((size) => size !== session.stateSize)) {
    return `the saved model has ${checkpoint.weights.length} values, this one ${session.stateSize}`;
  }
  if (checkpoint.optimizer.firstMoments.length !== checkpoint.optimizer.secondMoments.length) {
    return 'the saved optimiser is incomplete';
  }
  return null;
}
