/**
 * The run's best weights so far (lowest validation loss) and the way back to them or, before
 * any epoch has finished, to the initial weights, which the seed rebuilds instead of keeping.
 */
import type * as tf from '@tensorflow/tfjs';
import { createDenseAutoencoder, REFERENCE_SPEC, type DenseAutoencoder } from '../model/denseAutoencoder';

export interface CheckpointInfo {
  epoch: number;
  validationLoss: number;
}

export class BestCheckpoint {
  private best: (CheckpointInfo & { state: tf.Tensor[] }) | null = null;

  get info(): CheckpointInfo | null {
    return this.best && { epoch: this.best.epoch, validationLoss: this.best.validationLoss };
  }

  isImprovedBy(validationLoss: number): boolean {
    return this.best === null || validationLoss < this.best.validationLoss;
  }

  keep(epoch: number, validationLoss: number, model: DenseAutoencoder): void {
    this.best?.state.forEach((tensor) => tensor.dispose());
    this.best = { epoch, validationLoss, state: model.saveState() };
  }

  /** Puts the best weights into `model`; null when there are none yet. */
  restoreInto(model: DenseAutoencoder): CheckpointInfo | null {
    if (!this.best) return null;
    model.restoreState(this.best.state);
    return this.info;
  }

  /** Puts the weights `seed` initialised into `model`. */
  static restoreInitial(model: DenseAutoencoder, seed: number): void {
    const initial = createDenseAutoencoder(REFERENCE_SPEC, seed);
    const state = initial.saveState();
    model.restoreState(state);
    state.forEach((tensor) => tensor.dispose());
    initial.dispose();
  }

  dispose(): void {
    this.best?.state.forEach((tensor) => tensor.dispose());
    this.best = null;
  }
}
