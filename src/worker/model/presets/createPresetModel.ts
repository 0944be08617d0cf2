/** Builds the model a run's preset names. */
import type { TrainingConfig } from '../../../shared/config';
import type { Autoencoder } from '../autoencoder';
import { createDenseAutoencoder } from '../denseAutoencoder';
import { createConvAutoencoder } from './convAutoencoder';
import { denseSpecFor } from './denseSpecs';

export function createPresetModel(
  config: Pick<TrainingConfig, 'preset' | 'latentSize' | 'seed' | 'dropout'>,
): Autoencoder {
  const spec = denseSpecFor(config.preset, config.latentSize, config.dropout);
  return spec ? createDenseAutoencoder(spec, config.seed) : createConvAutoencoder(config.seed);
}
