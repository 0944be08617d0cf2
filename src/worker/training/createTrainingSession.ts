/** A new run: its preset's model (seeded), the step that trains it, and the session around both. */
import type { TrainingConfig } from '../../shared/config';
import type { EmitEvent } from '../../shared/protocol';
import type { YieldPoint } from '../control/cancellation';
import type { Autoencoder } from '../model/autoencoder';
import { createPresetModel } from '../model/presets/createPresetModel';
import type { RunSplits } from './splits';
import type { TrainStepper } from './trainStepper';
import { TrainingSession } from './trainingSession';

export interface EpochSummary {
  epoch: number;
  validationLoss: number;
  isBest: boolean;
}

/** Runs after each epoch's record is sent (the views' refresh); `between` yields and cancels. */
export type OnEpochEnded = (summary: EpochSummary, between: YieldPoint) => Promise<void>;

/** Builds the step for a model (see chooseStepper). */
export type StepperFactory = (model: Autoencoder) => Promise<{ stepper: TrainStepper; reason: string }>;

export async function createTrainingSession(
  config: TrainingConfig,
  splits: RunSplits,
  emit: EmitEvent,
  onEpochEnded: OnEpochEnded,
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
