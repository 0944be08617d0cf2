import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, validateConfig, type TrainingConfig } from './config';
import { presetRecipe, withPreset } from './presetRecipes';
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
      preset: 'dense-5',
      latentSize: 50,
      trainingMode: 'basic',
      optimizer: 'adamw',
      dropout: 'on',
      seed: 7,
      learningRate: 0.002,
      weightDecay: 0.0001,
      batchSize: 64,
      epochs: 3,
      noiseType: 'masking',
      trainNoiseLevel: 0.4,
      mseWeight: 1,
      l1Weight: 0,
      bceWeight: 0.5,
      l2Penalty: 1e-4,
      latentL1Penalty: 1e-3,
      gradientClipNorm: 2,
      plateauPatience: 2,
      plateauFactor: 0.25,
      validation: 'holdout',
      trainSubset: 1000,
      testSubset: 100,
      backend: 'cpu',
      trainStep: 'tfjs',
    };
    expect(configFromSearch(searchFromConfig(config))).toEqual({ config, problems: [] });
    expect(searchFromConfig(DEFAULT_CONFIG)).toBe('');
  });

  it('reads the training noise as trainNoiseLevel, and as noiseLevel from older links', () => {
    expect(searchFromConfig({ ...DEFAULT_CONFIG, trainNoiseLevel: 0.4 })).toBe('?trainNoiseLevel=0.4');
    expect(configFromSearch('?noiseLevel=0.3')).toEqual({
      config: { ...DEFAULT_CONFIG, trainNoiseLevel: 0.3 },
      problems: [],
    });
    expect(configFromSearch('?trainNoiseLevel=0.4&noiseLevel=0.3').config.trainNoiseLevel).toBe(0.4);
    expect(configFromSearch('?noiseLevel=2').problems).toEqual([
      'URL parameter noiseLevel=2 ignored: trainNoiseLevel is out of range (allowed 0 to 1)',
    ]);
  });

  it('ignores only an out-of-range field, keeps every other one and names the allowed range', () => {
    const { config, problems } = configFromSearch('?lr=0&trainSubset=512&seed=3&backend=wasm');
    expect(config).toEqual({
      ...DEFAULT_CONFIG,
      trainSubset: 512,
      seed: 3,
      backend: 'wasm',
    });
    expect(problems).toEqual([
      'URL parameter lr=0 ignored: learningRate is out of range (allowed 0.000001 to 1)',
    ]);
  });

  it('names each of several bad fields, each with its own reason', () => {
    const { config, problems } = configFromSearch('?lr=10&clip=0&epochs=2');
    expect(config).toEqual({ ...DEFAULT_CONFIG, gradientClipNorm: 0, epochs: 2 });
    expect(problems).toEqual([
      'URL parameter lr=10 ignored: learningRate is out of range (allowed 0.000001 to 1)',
    ]);
    const several = configFromSearch('?lr=10&clip=-1&wd=abc&noise=pink&seed=3');
    expect(several.config).toEqual({ ...DEFAULT_CONFIG, seed: 3 });
    expect(several.problems).toEqual([
      'URL parameter lr=10 ignored: learningRate is out of range (allowed 0.000001 to 1)',
      'URL parameter wd=abc ignored: weightDecay is not a number',
      'URL parameter clip=-1 ignored: gradientClipNorm is out of range (allowed 0 to 1000000)',
      'URL parameter noise=pink ignored: unknown value (allowed gaussian, uniform, uniform-positive, salt-and-pepper, masking)',
    ]);
  });

  it('ignores what is not a number, empty values included', () => {
    const { config, problems } = configFromSearch('?lr=abc&seed=&epochs=Infinity&trainSubset=512');
    expect(config).toEqual({ ...DEFAULT_CONFIG, trainSubset: 512 });
    expect(problems).toEqual([
      'URL parameter seed= ignored: seed is not a number',
      'URL parameter lr=abc ignored: learningRate is not a number',
      'URL parameter epochs=Infinity ignored: epochs is not a number',
    ]);
  });

  it('wants whole numbers for seed, batch size, epochs, patience and subsets', () => {
    const search = '?seed=1.5&batchSize=64.5&epochs=2.5&patience=0.5&trainSubset=100.5&testSubset=10.5';
    const { config, problems } = configFromSearch(search);
    expect(config).toEqual(DEFAULT_CONFIG);
    expect(problems).toEqual(
      ['seed', 'batchSize', 'epochs', 'plateauPatience', 'trainSubset', 'testSubset'].map((field) =>
        expect.stringContaining(`${field} is not a whole number`),
      ),
    );
    expect(problems[0]).toBe('URL parameter seed=1.5 ignored: seed is not a whole number');
    expect(configFromSearch('?lr=0.5&factor=0.25&noiseLevel=0.5').problems).toEqual([]);
  });

  it('ignores unknown values of every choice and keeps the rest', () => {
    const { config, problems } = configFromSearch(
      '?backend=tpu&noise=pink&dataset=cifar&validation=train&trainStep=fast&seed=2',
    );
    expect(config).toEqual({ ...DEFAULT_CONFIG, seed: 2 });
    expect(problems).toEqual([
      'URL parameter backend=tpu ignored: unknown value (allowed webgpu, webgl, wasm, cpu)',
      'URL parameter noise=pink ignored: unknown value (allowed gaussian, uniform, uniform-positive, salt-and-pepper, masking)',
      'URL parameter dataset=cifar ignored: unknown value (allowed fashion-mnist, mnist)',
      'URL parameter validation=train ignored: unknown value (allowed test, holdout)',
      'URL parameter trainStep=fast ignored: unknown value (allowed engine, tfjs)',
    ]);
  });

  it('names unknown parameters once each and still reads the known ones', () => {
    const { config, problems } = configFromSearch('?foo=1&seed=4&foo=2&learningRate=0.1&trainStep=tfjs');
    expect(config).toEqual({ ...DEFAULT_CONFIG, seed: 4, trainStep: 'tfjs' });
    expect(problems).toEqual([
      'Unknown URL parameter foo, ignored',
      'Unknown URL parameter learningRate, ignored',
    ]);
  });

  it('drops only the loss weights when both are zero', () => {
    const { config, problems } = configFromSearch('?mseWeight=0&l1Weight=0&seed=5&trainSubset=512');
    expect(config).toEqual({ ...DEFAULT_CONFIG, seed: 5, trainSubset: 512 });
    expect(problems).toEqual([
      'URL parameter mseWeight=0 ignored: at least one loss weight must be positive',
      'URL parameter l1Weight=0 ignored: at least one loss weight must be positive',
    ]);
    expect(configFromSearch('?mseWeight=0').config.mseWeight).toBe(0);
    expect(configFromSearch('?mseWeight=0&l1Weight=1').problems).toEqual([]);
  });

  it('always yields a usable config, and cuts long values in its messages', () => {
    const searches = ['?lr=0&mseWeight=0&l1Weight=0', '?batchSize=1&epochs=0&factor=1', '?testSubset=0'];
    for (const search of searches) expect(validateConfig(configFromSearch(search).config)).toEqual([]);
    const [longProblem] = configFromSearch(`?seed=${'9'.repeat(200)}`).problems;
    expect(longProblem.length).toBeLessThan(150);
  });

  it('applies the preset recipe first; other parameters override it; links name only the changes', () => {
    const minimal = withPreset(DEFAULT_CONFIG, 'minimal');
    expect(minimal).toMatchObject({
      preset: 'minimal',
      optimizer: 'adam',
      learningRate: 1e-3,
      batchSize: 32,
      noiseType: 'uniform-positive',
      trainNoiseLevel: 0.25,
      mseWeight: 1,
      l1Weight: 0,
    });
    expect(configFromSearch('?preset=minimal')).toEqual({ config: minimal, problems: [] });
    expect(searchFromConfig(minimal)).toBe('?preset=minimal');
    const changed = { ...minimal, batchSize: 64, latentSize: 100 as const, trainingMode: 'basic' as const };
    expect(searchFromConfig(changed)).toBe('?preset=minimal&batchSize=64&mode=basic&latent=100');
    expect(configFromSearch(searchFromConfig(changed)).config).toEqual(changed);
    // Back to reference: nothing of minimal's recipe is left behind.
    expect(withPreset(minimal, 'reference')).toEqual(DEFAULT_CONFIG);
    expect(presetRecipe('conv')).toMatchObject({ bceWeight: 1, mseWeight: 0, optimizer: 'adam' });
    // conv trains on MNIST unless told otherwise; leaving it keeps the data set the user has.
    const conv = withPreset(DEFAULT_CONFIG, 'conv');
    expect(conv.dataset).toBe('mnist');
    expect(configFromSearch('?preset=conv').config).toEqual(conv);
    expect(configFromSearch('?preset=conv&dataset=fashion-mnist').config.dataset).toBe('fashion-mnist');
    expect(withPreset(conv, 'dense-3').dataset).toBe('mnist');
  });

  it('reports an unknown preset or latent size and keeps the defaults', () => {
    const { config, problems } = configFromSearch('?preset=huge&latent=7');
    expect(config).toEqual(DEFAULT_CONFIG);
    expect(problems).toEqual([
      'URL parameter preset=huge ignored: unknown value (allowed reference, dense-3, dense-5, minimal, conv)',
      'URL parameter latent=7 ignored: unknown value (allowed 15, 30, 50, 100)',
    ]);
  });
});
