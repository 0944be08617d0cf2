import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type TrainingConfig } from './config';
import { configFromSearch, searchFromConfig } from './urlConfig';

describe('URL configuration', () => {
  it('reads the contract parameters', () => {
    const { config, problems } = configFromSearch('?backend=wasm&seed=1&trainSubset=512&testSubset=256');
    expect(problems).toEqual([]);
    expect(config).toMatchObject({ backend: 'wasm', seed: 1, trainSubset: 512, testSubset: 256 });
  });

  it('round-trips every field', () => {
    const config: TrainingConfig = {
      dataset: 'fashion-mnist',
      seed: 7,
      learningRate: 0.002,
      weightDecay: 0.0001,
      batchSize: 64,
      epochs: 3,
      noiseType: 'masking',
      trainNoiseLevel: 0.4,
      mseWeight: 1,
      l1Weight: 0,
      gradientClipNorm: 2,
      plateauPatience: 2,
      plateauFactor: 0.25,
      validation: 'holdout',
      trainSubset: 1000,
      testSubset: 100,
      backend: 'cpu',
      trainStep: 'tfjs',
    };
    expect(configFromSearch(searchFromConfig(config)).config).toEqual(config);
    expect(searchFromConfig(DEFAULT_CONFIG)).toBe('');
  });

  it('reports values that do not parse and keeps defaults for absurd ones', () => {
    expect(configFromSearch('?seed=abc').problems[0]).toContain('seed');
    expect(configFromSearch('?backend=tpu').problems[0]).toContain('backend');
    const absurd = configFromSearch('?lr=50&seed=3');
    expect(absurd.problems.join()).toContain('learningRate');
    expect(absurd.config.learningRate).toBe(DEFAULT_CONFIG.learningRate);
  });
});
