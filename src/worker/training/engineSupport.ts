/** What the fused engine cannot train; such a run falls back to tfjs ops and says why. */
import type { TrainingConfig } from '../../shared/config';
import type { Autoencoder } from '../model/autoencoder';

/** Names what the engine lacks for this run, or null when it can train it. */
export function engineUnsupported(
  model: Pick<Autoencoder, 'denseSpec'>,
  config: Pick<TrainingConfig, 'preset' | 'l2Penalty' | 'latentL1Penalty'>,
): string | null {
  // The engine's kernels are dense layers only.
  if (!model.denseSpec) return `the ${config.preset} preset's convolutions`;
  // Its loss kernel sees the output layer only: no term on the weights or on the latent code.
  if (config.l2Penalty > 0) return 'an L2 weight penalty';
  if (config.latentL1Penalty > 0) return 'an L1 penalty on the latent code';
  return null;
}
