import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { timeTrainingStep } from './timeTrainingStep';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const SMALL = { batchSize: 8, pixels: 16, hiddenUnits: 4 };

describe('timeTrainingStep', () => {
  it('times a finished step and leaves no tensors behind', async () => {
    const before = tf.memory().numTensors;
    const timing = await timeTrainingStep(500, SMALL);
    expect(timing.overBudget).toBe(false);
    expect(timing.msPerStep).toBeGreaterThan(0);
    expect(timing.msPerStep).toBeLessThan(500);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('still runs the warm-up when the budget is already spent', async () => {
    const timing = await timeTrainingStep(0, SMALL);
    expect(timing.msPerStep).toBeGreaterThan(0);
  });
});
