/**
 * A counter-based generator: every random number is a pure function of (seed, stream, counter),
 * so the GPU draws noise and dropout masks with no state, and a test can redraw the same numbers
 * on the CPU. The WGSL below and the TypeScript beside it are the same arithmetic.
 */

/** Streams keep the draws of one step apart: noise uses 0 and 1, dropout 16 + layer index. */
export const NOISE_STREAM = 0;
export const NOISE_SECOND_STREAM = 1;
export const DROPOUT_STREAM_BASE = 16;

/** lowbias32 (C. Wellons): a full-avalanche 32-bit integer hash. */
export function hash32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d) >>> 0;
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b) >>> 0;
  h ^= h >>> 16;
  return h >>> 0;
}

export function streamKey(seed: number, stream: number): number {
  return hash32((seed ^ hash32((Math.imul(stream, 0x9e3779b9) + 1) >>> 0)) >>> 0);
}

export function randomUint32(seed: number, stream: number, counter: number): number {
  return hash32((hash32(counter) ^ streamKey(seed, stream)) >>> 0);
}

/** Uniform in [0, 1) with 24 random bits: exactly representable in float32, on both sides. */
export function randomUniform(seed: number, stream: number, counter: number): number {
  return (randomUint32(seed, stream, counter) >>> 8) / 16777216;
}

export const COUNTER_RANDOM_WGSL = /* wgsl */ `
fn hash32(value: u32) -> u32 {
  var h = value;
  h ^= h >> 16u;
  h *= 0x7feb352du;
  h ^= h >> 15u;
  h *= 0x846ca68bu;
  h ^= h >> 16u;
  return h;
}
fn streamKey(seed: u32, stream: u32) -> u32 {
  return hash32(seed ^ hash32(stream * 0x9e3779b9u + 1u));
}
fn randomUniform(key: u32, counter: u32) -> f32 {
  return f32(hash32(hash32(counter) ^ key) >> 8u) * (1.0 / 16777216.0);
}
`;
