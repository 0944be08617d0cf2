/**
 * What each kernel binds. The model's weights live in one GPU buffer per tfjs variable (tfjs
 * wraps the same buffers, so there is one copy of them); everything else is a flat buffer of
 * the engine's. Each kernel declares only the buffers it touches: WebGPU allows eight storage
 * buffers per shader stage by default, which tfjs does not raise, and a forward block alone
 * needs eight. All storage is read_write: a read-only and a writable binding of the same buffer
 * in one dispatch would be a usage conflict, and one binding per buffer avoids it.
 */
import type { ParameterRole } from '../networkLayout';

export type FlatBufferName = 'activations' | 'grads' | 'moments' | 'scratch' | 'images' | 'order';

export type BufferRef =
  | { flat: FlatBufferName }
  /** Block `layer`'s variable; `as` renames it in WGSL (the next block's weight is `nextWeights`). */
  | { layer: number; role: ParameterRole; as?: string };

/** Binding 0 is the step's uniform; a kernel's buffers follow in the order given. */
export const STEP_BINDING = 0;

const FLAT_WGSL: Record<FlatBufferName, { name: string; element: 'f32' | 'u32' }> = {
  activations: { name: 'act', element: 'f32' },
  grads: { name: 'grads', element: 'f32' },
  moments: { name: 'moments', element: 'f32' },
  scratch: { name: 'scratch', element: 'f32' },
  images: { name: 'images', element: 'u32' },
  order: { name: 'order', element: 'u32' },
};

/** In WGSL a block's variables are plural arrays (`weights`, `gammas`), leaving `gamma` for a value. */
const VARIABLE_WGSL: Record<ParameterRole, string> = {
  weight: 'weights',
  bias: 'biases',
  gamma: 'gammas',
  beta: 'betas',
  runningMean: 'runningMeans',
  runningVar: 'runningVars',
};

export function wgslNameOf(ref: BufferRef): string {
  return 'flat' in ref ? FLAT_WGSL[ref.flat].name : (ref.as ?? VARIABLE_WGSL[ref.role]);
}

/** A stable key for a kernel's binding list: kernels with equal keys share one bind group. */
export function bindingsKey(refs: readonly BufferRef[]): string {
  return refs.map((ref) => ('flat' in ref ? ref.flat : `${ref.layer}.${ref.role}`)).join(',');
}

/** The WGSL declarations of a kernel's bindings: the step uniform, then `refs` from binding 1. */
export function bindingsWgsl(refs: readonly BufferRef[]): string {
  const buffers = refs.map((ref, index) => {
    const element = 'flat' in ref ? FLAT_WGSL[ref.flat].element : 'f32';
    return `@group(0) @binding(${index + 1}) var<storage, read_write> ${wgslNameOf(ref)}: array<${element}>;`;
  });
  return [STEP_UNIFORMS_WGSL, ...buffers].join('\n');
}

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

const STEP_UNIFORMS_WGSL = /* wgsl */ `struct StepUniforms {
  batchOffset: u32,
  noiseSeed: u32,
  dropoutSeed: u32,
  stepIndex: u32,
  learningRate: f32,
  decayFactor: f32,
  unused0: u32,
  unused1: u32,
}
@group(0) @binding(${STEP_BINDING}) var<uniform> step: StepUniforms;`;

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
