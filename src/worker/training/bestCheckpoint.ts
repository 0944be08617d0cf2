/**
 * The run's best weights so far (lowest validation loss) and the way back to them or, before
 * any epoch has finished, to the initial weights, which the seed rebuilds instead of keeping.
 */
import type * as tf from '@tensorflow/tfjs';
import type { TrainingConfig } from '../../shared/config';
import type { Autoencoder } from '../model/autoencoder';
import { readFlat, tensorsFromFlat } from '../model/flatState';
import { createPresetModel } from '../model/presets/createPresetModel';

export interface CheckpointInfo {
  epoch: number;
  validationLoss: number;
}

/** The best checkpoint as a saved run keeps it: weights flat in state_dict order. */
export interface SavedBest extends CheckpointInfo {
  weights: Float32Array<ArrayBuffer>;
}

export class BestCheckpoint {
  private best: (CheckpointInfo & { state: tf.Tensor[] }) | null = null;

  get info(): CheckpointInfo | null {
    return this.best && { epoch: this.best.epoch, validationLoss: this.best.validationLoss };
  }

  isImprovedBy(validationLoss: number): boolean {
    return this.best === null || validationLoss < this.best.validationLoss;
  }

  keep(epoch: number, validationLoss: number, model: Autoencoder): void {
    this.best?.state.forEach((tensor) => tensor.dispose());
    this.best = { epoch, validationLoss, state: model.saveState() };
  }

  /** Puts the best weights into `model`; null when there are none yet. */
  restoreInto(model: Autoencoder): CheckpointInfo | null {
    if (!this.best) return null;
    model.restoreState(this.best.state);
    return this.info;
  }

  async saved(): Promise<SavedBest | null> {
    if (!this.best) return null;
    const { epoch, validationLoss, state } = this.best;
    return { epoch, validationLoss, weights: await readFlat(state) };
  }

  /** Takes a saved run's best checkpoint (`variables` give the tensors' shapes). */
  restoreSaved(saved: SavedBest | null, variables: readonly tf.Variable[]): void {
    this.dispose();
    if (saved) this.best = { ...saved, state: tensorsFromFlat(saved.weights, variables) };
  }

  /** Puts the weights the run's preset and seed initialised into `model`. */
  static restoreInitial(
    model: Autoencoder,
    config: Pick<TrainingConfig, 'preset' | 'latentSize' | 'seed' | 'dropout'>,
  ): void {
    const initial = createPresetModel(config);
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
