/**
 * One bind group serves every kernel of a step, so a step binds once and then only switches
 * pipelines. All storage is declared read_write: a read-only and a writable binding of the same
 * buffer in one dispatch would be a usage conflict, and one binding per buffer avoids it.
 * Eight storage buffers: WebGPU's default per-stage limit, which tfjs does not raise.
 */
export const BINDING = {
  step: 0,
  activations: 1,
  params: 2,
  grads: 3,
  moments: 4,
  running: 5,
  scratch: 6,
  images: 7,
  order: 8,
} as const;

export const STEP_UNIFORM_BYTES = 32;

/** The per-step uniform, written once a step with one queue.writeBuffer. */
export interface StepUniforms {
  /** Position of the batch's first image in the epoch's shuffled order. */
  batchOffset: number;
  noiseSeed: number;
  dropoutSeed: number;
  /** Global step index: picks the loss ring slot. */
  stepIndex: number;
  learningRate: number;
  /** 1 − lr·wd, AdamW's decoupled decay, rounded to float32 by the caller. */
  decayFactor: number;
}

export function packStepUniforms(values: StepUniforms, into: ArrayBuffer): void {
  const u32 = new Uint32Array(into);
  const f32 = new Float32Array(into);
  u32[0] = values.batchOffset;
  u32[1] = values.noiseSeed;
  u32[2] = values.dropoutSeed;
  u32[3] = values.stepIndex;
  f32[4] = values.learningRate;
  f32[5] = values.decayFactor;
}

export const BINDINGS_WGSL = /* wgsl */ `
struct StepUniforms {
  batchOffset: u32,
  noiseSeed: u32,
  dropoutSeed: u32,
  stepIndex: u32,
  learningRate: f32,
  decayFactor: f32,
  unused0: u32,
  unused1: u32,
}
@group(0) @binding(${BINDING.step}) var<uniform> step: StepUniforms;
@group(0) @binding(${BINDING.activations}) var<storage, read_write> act: array<f32>;
@group(0) @binding(${BINDING.params}) var<storage, read_write> params: array<f32>;
@group(0) @binding(${BINDING.grads}) var<storage, read_write> grads: array<f32>;
@group(0) @binding(${BINDING.moments}) var<storage, read_write> moments: array<f32>;
@group(0) @binding(${BINDING.running}) var<storage, read_write> running: array<f32>;
@group(0) @binding(${BINDING.scratch}) var<storage, read_write> scratch: array<f32>;
@group(0) @binding(${BINDING.images}) var<storage, read_write> images: array<u32>;
@group(0) @binding(${BINDING.order}) var<storage, read_write> order: array<u32>;
`;

/** WGSL needs float literals to carry a decimal point or exponent. */
export function f32Literal(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`cannot bake ${value} into WGSL`);
  const text = String(Math.fround(value));
  return /[.eE]/.test(text) ? text : `${text}.0`;
}

export function u32Literal(value: number): string {
  if (!Number.isInteger(value) || value < 0) throw new Error(`not an unsigned integer: ${value}`);
  return `${value}u`;
}
