/** Which training images each step of an epoch sees: a seeded shuffle, cut into full batches. */
import { createRandom, shuffleInPlace, type SeededRandom } from './random';

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

/** What continues a run's shuffles and seeds exactly: the epoch's order and both generators. */
export interface ShuffleState {
  order: Int32Array<ArrayBuffer>;
  randomStates: { shuffle: number; step: number };
}

/** The run's epoch orders and per-step seeds, from two generators the run's seed starts. */
export class RunShuffler {
  private shuffleRandom: SeededRandom;
  private stepRandom: SeededRandom;
  /** The current epoch's order of training images. */
  order: Int32Array;

  constructor(
    seed: number,
    private readonly trainCount: number,
  ) {
    this.shuffleRandom = createRandom(seed + 1);
    this.stepRandom = createRandom(seed + 2);
    this.order = shuffledOrder(trainCount, this.shuffleRandom);
  }

  /** Draws the next epoch's order. */
  reshuffle(): Int32Array {
    this.order = shuffledOrder(this.trainCount, this.shuffleRandom);
    return this.order;
  }

  /** The next step's noise and dropout seeds. */
  nextSeeds(): { noiseSeed: number; dropoutSeed: number } {
    return { noiseSeed: this.stepRandom.nextSeed(), dropoutSeed: this.stepRandom.nextSeed() };
  }

  get state(): ShuffleState {
    const randomStates = { shuffle: this.shuffleRandom.state, step: this.stepRandom.state };
    return { order: this.order.slice(), randomStates };
  }

  restore({ order, randomStates }: ShuffleState): void {
    this.shuffleRandom = createRandom(randomStates.shuffle);
    this.stepRandom = createRandom(randomStates.step);
    this.order = order.slice();
  }
}
