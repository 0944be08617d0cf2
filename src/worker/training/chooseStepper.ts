/**
 * Which step trains a run: the fused engine on WebGPU (unless `?trainStep=tfjs`), else tfjs ops.
 * If the engine cannot start, the run still trains, on tfjs ops, and says why.
 */
import type { TrainingConfig, TrainStepKind } from '../../shared/config';
import { activeWebGpuBackend, EngineStepper, engineOptionsFor } from '../engine/engineStepper';
import type { DenseAutoencoder } from '../model/denseAutoencoder';
import type { RunSplits } from './splits';
import { TfjsStepper } from './tfjsStepper';
import type { TrainStepper } from './trainStepper';

export interface ChosenStepper {
  stepper: TrainStepper;
  reason: string;
}

export async function chooseStepper(
  model: DenseAutoencoder,
  config: TrainingConfig,
  splits: RunSplits,
): Promise<ChosenStepper> {
  const tfjs = (reason: string) => ({ stepper: new TfjsStepper(model, config, splits.trainPixels), reason });
  const wanted: TrainStepKind = config.trainStep ?? 'engine';
  if (wanted === 'tfjs') return tfjs('forced by ?trainStep=tfjs');
  if (!activeWebGpuBackend()) {
    if (config.trainStep === 'engine') throw new Error('?trainStep=engine needs the WebGPU backend');
    return tfjs('the fused engine needs WebGPU; this backend trains with tfjs ops');
  }
  try {
    const images = { pixels: splits.trainPixels, count: splits.trainCount };
    const stepper = await EngineStepper.create(model, engineOptionsFor(model, config), config, images);
    return { stepper, reason: 'fused WebGPU kernels' };
  } catch (error) {
    if (config.trainStep === 'engine') throw error;
    const message = error instanceof Error ? error.message : String(error);
    return tfjs(`the fused engine failed to start (${message}); training with tfjs ops`);
  }
}
