/** Which training images each step of an epoch sees: a seeded shuffle, cut into full batches. */
import { shuffleInPlace, type SeededRandom } from './random';

export function stepsPerEpoch(trainCount: number, batchSize: number): number {
  // The last partial batch is dropped (reshuffled next epoch) so every step has one fixed shape.
  return Math.max(1, Math.floor(trainCount / batchSize));
}

export function shuffledOrder(trainCount: number, random: SeededRandom): Int32Array {
  const order = new Int32Array(trainCount);
  for (let i = 0; i < trainCount; i++) order[i] = i;
  shuffleInPlace(order, random);
  return order;
}

/** Indices of batch `stepInEpoch`; wraps around when the subset is smaller than one batch. */
export function batchIndices(order: Int32Array, stepInEpoch: number, batchSize: number): Int32Array {
  const batch = new Int32Array(batchSize);
  for (let i = 0; i < batchSize; i++) batch[i] = order[(stepInEpoch * batchSize + i) % order.length];
  return batch;
}
