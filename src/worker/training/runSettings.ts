/** What a run's config means for its training step, read the same by the engine and the tfjs step. */
import type { NoiseType, TrainingConfig } from '../../shared/config';
import type { Penalties } from './penalties';

/** Adam is AdamW without decoupled decay. */
export function decoupledWeightDecay(config: Pick<TrainingConfig, 'optimizer' | 'weightDecay'>): number {
  return config.optimizer === 'adam' ? 0 : config.weightDecay;
}

/** The training inputs' corruption: none in basic mode (the evaluation stays noisy, to compare). */
export function trainingNoise(
  config: Pick<TrainingConfig, 'trainingMode' | 'noiseType' | 'trainNoiseLevel'>,
): { type: NoiseType; level: number } {
  return { type: config.noiseType, level: config.trainingMode === 'basic' ? 0 : config.trainNoiseLevel };
}

/** The penalties to add to the loss, or null when there are none. */
export function penaltiesOf(config: Pick<TrainingConfig, 'l2Penalty' | 'latentL1Penalty'>): Penalties | null {
  const { l2Penalty, latentL1Penalty } = config;
  return l2Penalty > 0 || latentL1Penalty > 0 ? { l2Penalty, latentL1Penalty } : null;
}
