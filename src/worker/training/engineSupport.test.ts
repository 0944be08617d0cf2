import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../shared/config';
import { withPreset } from '../../shared/presetRecipes';
import { denseSpecFor } from '../model/presets/denseSpecs';
import { engineUnsupported } from './engineSupport';
import { decoupledWeightDecay, penaltiesOf, trainingNoise } from './runSettings';

const modelOf = (config: typeof DEFAULT_CONFIG) => ({
  denseSpec: denseSpecFor(config.preset, config.latentSize),
});

describe('which runs the fused engine trains', () => {
  it.each(['reference', 'dense-3', 'dense-5', 'minimal'] as const)(
    '%s with its recipe: the engine',
    (preset) => {
      const config = withPreset(DEFAULT_CONFIG, preset);
      expect(engineUnsupported(modelOf(config), config)).toBeNull();
    },
  );

  it('conv and the penalties fall back to tfjs ops, each with its reason', () => {
    const conv = withPreset(DEFAULT_CONFIG, 'conv');
    expect(engineUnsupported(modelOf(conv), conv)).toBe("the conv preset's convolutions");
    const dense = withPreset(DEFAULT_CONFIG, 'dense-3');
    expect(engineUnsupported(modelOf(dense), { ...dense, l2Penalty: 1e-4 })).toBe('an L2 weight penalty');
    expect(engineUnsupported(modelOf(dense), { ...dense, latentL1Penalty: 1e-3 })).toBe(
      'an L1 penalty on the latent code',
    );
  });
});

describe('run settings', () => {
  it('Adam has no decoupled decay; AdamW keeps it', () => {
    expect(decoupledWeightDecay({ optimizer: 'adam', weightDecay: 0.1 })).toBe(0);
    expect(decoupledWeightDecay({ optimizer: 'adamw', weightDecay: 0.1 })).toBe(0.1);
  });

  it('basic mode trains on clean inputs; denoising on the configured noise', () => {
    expect(trainingNoise({ ...DEFAULT_CONFIG, trainingMode: 'basic' })).toEqual({
      type: 'gaussian',
      level: 0,
    });
    expect(trainingNoise(DEFAULT_CONFIG)).toEqual({ type: 'gaussian', level: 0.25 });
  });

  it('penalties only when one is set', () => {
    expect(penaltiesOf(DEFAULT_CONFIG)).toBeNull();
    expect(penaltiesOf({ l2Penalty: 0, latentL1Penalty: 0.1 })).toEqual({
      l2Penalty: 0,
      latentL1Penalty: 0.1,
    });
  });
});
