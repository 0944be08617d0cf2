/**
 * Which step trains a run: the fused engine on WebGPU (unless `?trainStep=tfjs`), else tfjs ops.
 * If the engine cannot start, the run still trains, on tfjs ops, and says why.
 */
import type { TrainingConfig, TrainStepKind } from '../../shared/config';
import { activeWebGpuBackend, EngineStepper, engineOptionsFor } from '../engine/engineStepper';
import type { Autoencoder } from '../model/autoencoder';
import type { RunSplits } from './splits';
import { decoupledWeightDecay } from './runSettings';
import { engineUnsupported } from './engineSupport';
import { TfjsStepper } from './tfjsStepper';
import type { TrainStepper } from './trainStepper';
import { messageOf } from '../../shared/errorMessage';

export interface ChosenStepper {
  stepper: TrainStepper;
  reason: string;
}

export async function chooseStepper(
  model: Autoencoder,
  config: TrainingConfig,
  splits: RunSplits,
): Promise<ChosenStepper> {
  const tfjs = (reason: string) => ({ stepper: new TfjsStepper(model, config, splits.trainPixels), reason });
  const wanted: TrainStepKind = config.trainStep ?? 'engine';
  if (wanted === 'tfjs') return tfjs('forced by ?trainStep=tfjs');
  const unsupported = engineUnsupported(model, config);
  if (unsupported) {
    if (config.trainStep === 'engine') throw new Error(`?trainStep=engine cannot train ${unsupported}`);
    return tfjs(`the fused engine does not train ${unsupported}; training with tfjs ops`);
  }
  if (!activeWebGpuBackend()) {
    if (config.trainStep === 'engine') throw new Error('?trainStep=engine needs the WebGPU backend');
    return tfjs('the fused engine needs WebGPU; this backend trains with tfjs ops');
  }
  try {
    const images = { pixels: splits.trainPixels, count: splits.trainCount };
    const optimizer = { learningRate: config.learningRate, weightDecay: decoupledWeightDecay(config) };
    const stepper = await EngineStepper.create(model, engineOptionsFor(model, config), optimizer, images);
    return { stepper, reason: 'fused WebGPU kernels' };
  } catch (error) {
    if (config.trainStep === 'engine') throw error;
    const message = messageOf(error);
    return tfjs(`the fused engine failed to start (${message}); training with tfjs ops`);
  }
}
