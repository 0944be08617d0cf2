import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectCloseToTorch, reportErrors, torchFixtures } from './__fixtures__/torchFixtures';
import { AdamW } from './adamw';

beforeAll(async () => {
  await tf.setBackend('cpu');
});
afterAll(reportErrors);

describe('AdamW', () => {
  it.each(torchFixtures.adamw)(
    'matches torch.optim.AdamW (lr $learningRate, wd $weightDecay)',
    async (fixture) => {
      const parameters = fixture.initialParams.map((p) => tf.variable(tf.tensor(p)));
      const optimizer = new AdamW(parameters, fixture);
      const changes = new Map(fixture.learningRateChanges.map(([step, lr]) => [step, lr]));
      for (const [step, gradients] of fixture.gradients.entries()) {
        const learningRate = changes.get(step);
        if (learningRate !== undefined) optimizer.setLearningRate(learningRate);
        tf.tidy(() => optimizer.applyGradients(gradients.map((g) => tf.tensor(g))));
        for (const [i, parameter] of parameters.entries()) {
          await expectCloseToTorch('adamw', parameter, fixture.paramsAfterStep[step][i]);
        }
      }
      expect(optimizer.stepCount).toBe(fixture.gradients.length);
      optimizer.dispose();
    },
  );

  it('reports and changes its learning rate', () => {
    const optimizer = new AdamW([tf.variable(tf.zeros([2]))], { learningRate: 1e-3, weightDecay: 0 });
    expect(optimizer.learningRate).toBe(1e-3);
    optimizer.setLearningRate(5e-4);
    expect(optimizer.learningRate).toBe(5e-4);
    optimizer.dispose();
  });

  it('keeps the tensor count flat across steps and frees its state on dispose', () => {
    const parameters = [tf.variable(tf.ones([3, 2])), tf.variable(tf.ones([2]))];
    const before = tf.memory().numTensors;
    const optimizer = new AdamW(parameters, { learningRate: 1e-2, weightDecay: 1e-2 });
    const afterCreate = tf.memory().numTensors;
    for (let step = 0; step < 3; step++) {
      tf.tidy(() => optimizer.applyGradients(parameters.map((p) => tf.onesLike(p))));
      expect(tf.memory().numTensors).toBe(afterCreate);
    }
    optimizer.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('rejects a gradient list of the wrong length', () => {
    const optimizer = new AdamW([tf.variable(tf.zeros([2]))], { learningRate: 1e-3, weightDecay: 0 });
    expect(() => optimizer.applyGradients([])).toThrow(/expected 1 gradients/);
    optimizer.dispose();
  });
});
