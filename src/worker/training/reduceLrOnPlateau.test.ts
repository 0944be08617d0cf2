import { describe, expect, it } from 'vitest';
import { torchFixtures } from './__fixtures__/torchFixtures';
import { ReduceLrOnPlateau } from './reduceLrOnPlateau';

describe('ReduceLrOnPlateau', () => {
  it.each(torchFixtures.plateau)('follows torch for $options', (fixture) => {
    const scheduler = new ReduceLrOnPlateau(fixture.options);
    let learningRate = fixture.initialLr;
    const learningRates = fixture.metrics.map((metric) => {
      const previous = learningRate;
      const result = scheduler.step(metric ?? NaN, learningRate);
      expect(result.reduced).toBe(result.learningRate !== previous);
      learningRate = result.learningRate;
      return learningRate;
    });
    // Both sides compute lr·factor in float64, so the sequences agree exactly.
    expect(learningRates).toEqual(fixture.learningRates);
  });

  it('tracks the best metric and the bad epochs', () => {
    const scheduler = new ReduceLrOnPlateau({ factor: 0.5, patience: 3 });
    expect(scheduler.bestMetric).toBe(Infinity);
    scheduler.step(1, 0.1);
    scheduler.step(2, 0.1);
    scheduler.step(0.99995, 0.1);
    expect(scheduler.bestMetric).toBe(1);
    expect(scheduler.badEpochs).toBe(2);
  });

  it('rejects a factor of 1 or more, as torch does', () => {
    expect(() => new ReduceLrOnPlateau({ factor: 1, patience: 1 })).toThrow();
  });
});
