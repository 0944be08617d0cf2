import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { syntheticSplit } from '../training/syntheticImages';
import { EvaluationInputs } from './evaluationInputs';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const split = syntheticSplit(12);
const choice = { dataset: 'mnist', testSubset: 12 } as const;

async function noisyOf(inputs: EvaluationInputs, type: 'gaussian' | 'masking', level: number) {
  return (await inputs.pairFor(choice, { type, level })).noisy.data();
}

describe('the kept runs’ evaluation inputs', () => {
  it('gives every run the same noisy images for one noise, other images for another, and frees them', async () => {
    const tensorsBefore = tf.memory().numTensors;
    const first = new EvaluationInputs(async () => split);
    const second = new EvaluationInputs(async () => split);
    const gaussian = await noisyOf(first, 'gaussian', 0.3);
    expect(await noisyOf(second, 'gaussian', 0.3)).toEqual(gaussian);
    const masked = await noisyOf(first, 'masking', 0.3);
    expect(masked).not.toEqual(gaussian);
    const clean = await (await first.pairFor(choice, { type: 'masking', level: 0 })).clean.data();
    expect(clean).toEqual(split.images);
    first.dispose();
    second.dispose();
    expect(tf.memory().numTensors).toBe(tensorsBefore);
  });
});
