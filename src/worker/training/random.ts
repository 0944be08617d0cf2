/** Seeded randomness: the same run seed gives the same shuffles, noise, dropout and initial weights. */
export interface SeededRandom {
  /** Uniform in [0, 1). */
  nextFloat(): number;
  nextUint32(): number;
  /** A fresh non-negative 31-bit seed for tfjs random ops. */
  nextSeed(): number;
  /** The generator's whole state: createRandom(state) continues the same sequence (saved runs). */
  readonly state: number;
}

/** mulberry32: tiny, fast, and good enough for shuffling and seeding. */
export function createRandom(seed: number): SeededRandom {
  let state = seed >>> 0;
  const nextUint32 = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  return {
    nextUint32,
    nextFloat: () => nextUint32() / 2 ** 32,
    nextSeed: () => nextUint32() >>> 1,
    get state() {
      return state;
    },
  };
}

/** Fisher-Yates shuffle. */
export function shuffleInPlace(array: Int32Array | number[], random: SeededRandom): void {
  for (let i = array.length - 1; i > 0; i--) {
    const j = Math.floor(random.nextFloat() * (i + 1));
    const swap = array[i];
    array[i] = array[j];
    array[j] = swap;
  }
}
