/** The dense presets' architectures, as specs for the dense builder and the fused engine. */
import type { DropoutSetting, ModelPreset } from '../../../shared/modelOptions';
import { REFERENCE_SPEC, type DenseAutoencoderSpec } from '../denseAutoencoder';

const PLAIN: Omit<DenseAutoencoderSpec, 'encoderSizes' | 'decoderSizes'> = {
  encoderDropout: [],
  batchNorm: false,
  batchNormMomentum: REFERENCE_SPEC.batchNormMomentum,
  batchNormEpsilon: REFERENCE_SPEC.batchNormEpsilon,
};

/** Hidden widths of the encoder, input side first; the decoder mirrors them. */
const HIDDEN_WIDTHS = { 'dense-3': [256, 128], 'dense-5': [512, 256, 128, 64] } as const;

function mirrored(
  hidden: readonly number[],
  latentSize: number,
): Pick<DenseAutoencoderSpec, 'encoderSizes' | 'decoderSizes'> {
  const encoderSizes = [784, ...hidden, latentSize];
  return { encoderSizes, decoderSizes: [...encoderSizes].reverse() };
}

/** The lab's dropout for the presets that have none of their own: 0.2 after each encoder hidden layer. */
const LAB_DROPOUT_RATE = 0.2;

/**
 * The spec of a dense preset, or null for `conv`. `latentSize` only matters to dense-3 and dense-5;
 * `dropout` off removes every dropout layer, on keeps the reference's own or adds the lab's.
 */
export function denseSpecFor(
  preset: ModelPreset,
  latentSize: number,
  dropout: DropoutSetting = 'on',
): DenseAutoencoderSpec | null {
  const spec = baseSpecFor(preset, latentSize);
  if (!spec) return null;
  const hiddenLayers = spec.encoderSizes.length - 2;
  const rates =
    dropout === 'off'
      ? Array.from({ length: hiddenLayers }, () => 0)
      : preset === 'reference'
        ? spec.encoderDropout
        : Array.from({ length: hiddenLayers }, () => LAB_DROPOUT_RATE);
  return { ...spec, encoderDropout: rates };
}

function baseSpecFor(preset: ModelPreset, latentSize: number): DenseAutoencoderSpec | null {
  switch (preset) {
    case 'reference':
      return REFERENCE_SPEC;
    case 'dense-3':
    case 'dense-5':
      // Three (five) Linear layers each side, ReLU between them, a linear latent.
      return { ...PLAIN, ...mirrored(HIDDEN_WIDTHS[preset], latentSize), latentActivation: 'linear' };
    case 'minimal':
      // 784-250-50-250-784 with ReLU on every hidden layer, the latent included.
      return { ...PLAIN, ...mirrored([250], 50), latentActivation: 'relu' };
    case 'conv':
      return null;
  }
}
