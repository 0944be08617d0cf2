import * as tf from '@tensorflow/tfjs';
import { expect } from 'vitest';
import { torchFixtureData, type TorchFixtures } from './torchFixtureData';

export const torchFixtures: TorchFixtures = torchFixtureData;
export type { TorchFixtures };

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
