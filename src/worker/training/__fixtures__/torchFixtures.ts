import * as tf from '@tensorflow/tfjs';
import { expect } from 'vitest';
import json from './torch.json';
import type { ReduceLrOnPlateauOptions } from '../reduceLrOnPlateau';

/** Shapes of torch.json, written by scripts/fixtures/make_torch_fixtures.py. */
type Values = number[] | number[][];
type StateDict = Record<string, Values>;

export interface TorchFixtures {
  adamw: {
    learningRate: number;
    weightDecay: number;
    beta1: number;
    beta2: number;
    epsilon: number;
    /** [step index, new learning rate] applied before that step. */
    learningRateChanges: number[][];
    initialParams: Values[];
    gradients: Values[][];
    paramsAfterStep: Values[][];
  }[];
  clip: { maxNorm: number; gradients: Values[]; clipped: Values[]; globalNorm: number }[];
  plateau: {
    options: ReduceLrOnPlateauOptions;
    initialLr: number;
    /** null stands for NaN. */
    metrics: (number | null)[];
    learningRates: number[];
  }[];
  batchNorm: {
    momentum: number;
    epsilon: number;
    initial: StateDict;
    trainInputs: number[][][];
    trainOutputs: number[][][];
    statsAfterBatch: { runningMean: number[]; runningVar: number[] }[];
    evalInput: number[][];
    evalOutput: number[][];
  };
  loss: {
    target: number[][];
    output: number[][];
    mseWeight: number;
    l1Weight: number;
    value: number;
    perSample: number[];
  };
  training: {
    spec: { encoderSizes: number[]; decoderSizes: number[]; encoderDropout: number[] };
    target: number[][];
    noisyInput: number[][];
    /** Biases whose gradient is exactly zero in exact arithmetic (they feed a BatchNorm). */
    zeroGradientBiases: string[];
    runs: {
      epsilon: number;
      learningRate: number;
      weightDecay: number;
      clipNorm: number;
      initialState: StateDict;
      losses: number[];
      gradientNorms: number[];
      finalState: StateDict;
      evalReconstruction: number[][];
      evalLatent: number[][];
    }[];
  };
  referenceModel: { parameterCount: number; stateShapes: Record<string, number[]> };
}

export const torchFixtures: TorchFixtures = json;

/** Relative tolerance of every parity check; below ABSOLUTE_FLOOR an absolute one takes over. */
export const RELATIVE_TOLERANCE = 1e-5;
export const ABSOLUTE_FLOOR = 1e-6;

export function flatten(values: number | number[] | number[][]): number[] {
  return [values].flat(2);
}

/** max |a − e| / max(|e|, floor / tolerance): ≤ RELATIVE_TOLERANCE ⇔ within 1e-5 relative or 1e-6 absolute. */
export function maxRelativeError(actual: ArrayLike<number>, expected: number[]): number {
  expect(actual.length).toBe(expected.length);
  let worst = 0;
  for (let i = 0; i < expected.length; i++) {
    const scale = Math.max(Math.abs(expected[i]), ABSOLUTE_FLOOR / RELATIVE_TOLERANCE);
    worst = Math.max(worst, Math.abs(actual[i] - expected[i]) / scale);
  }
  return worst;
}

/** Worst error seen per fixture in this test file, printed by reportErrors. */
const worstErrors = new Map<string, number>();

export async function expectCloseToTorch(
  fixture: string,
  actual: tf.Tensor | number | number[],
  expected: number | number[] | number[][],
): Promise<void> {
  const values = actual instanceof tf.Tensor ? await actual.data() : flatten(actual);
  const error = maxRelativeError(values, flatten(expected));
  worstErrors.set(fixture, Math.max(worstErrors.get(fixture) ?? 0, error));
  expect(error, fixture).toBeLessThanOrEqual(RELATIVE_TOLERANCE);
}

export function reportErrors(): void {
  for (const [fixture, error] of worstErrors)
    console.info(`max relative error ${fixture}: ${error.toExponential(2)}`);
}
