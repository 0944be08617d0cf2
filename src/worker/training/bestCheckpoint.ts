/**
 * The run's best weights so far (lowest validation loss) and the way back to them or, before
 * any epoch has finished, to the initial weights, which the seed rebuilds instead of keeping.
 */
import type * as tf from '@tensorflow/tfjs';
import type { TrainingConfig } from '../../shared/config';
import type { Autoencoder } from '../model/autoencoder';
import { readFlat } from '../model/flatState';
import { createPresetModel } from '../model/presets/createPresetModel';

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

  keep(epoch: number, validationLoss: number, model: Autoencoder): void {
    this.best?.state.forEach((tensor) => tensor.dispose());
    this.best = { epoch, validationLoss, state: model.saveState() };
  }

  /** A copy of the best weights, flat in state_dict order (e.g. to keep the run); null when there are none. */
  async readWeights(): Promise<(CheckpointInfo & { weights: Float32Array<ArrayBuffer> }) | null> {
    const best = this.best;
    return (
      best && { epoch: best.epoch, validationLoss: best.validationLoss, weights: await readFlat(best.state) }
    );
  }

  /** Puts the best weights into `model`; null when there are none yet. */
  restoreInto(model: Autoencoder): CheckpointInfo | null {
    if (!this.best) return null;
    model.restoreState(this.best.state);
    return this.info;
  }

  /** Puts the weights the run's preset and seed initialised into `model`. */
  static restoreInitial(
    model: Autoencoder,
    config: Pick<TrainingConfig, 'preset' | 'latentSize' | 'seed'>,
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
