/**
 * The three kernels around the layers: gather + corrupt the batch, reduce the step's partial sums
 * (loss, gradient norm) and advance Adam's bias corrections, then AdamW, one dispatch per block.
 */
import type { NoiseType } from '../../../shared/config';
import { NOISE_SECOND_STREAM, NOISE_STREAM } from '../counterRandom';
import { f32Literal, u32Literal } from './bindings';

export const PREPARE_WORKGROUP = 256;
export const ADAMW_WORKGROUP = 256;
/** Floats of `scratch` holding the step's scalars (see SCALAR). */
export const SCALAR_COUNT = 8;
export const SCALAR = {
  clipCoefficient: 0,
  biasCorrection1: 1,
  biasCorrection2: 2,
  gradientNorm: 3,
} as const;

/** Offsets (in floats) inside the `scratch` buffer, after the per-layer inverse std. */
export interface ScratchLayout {
  lossSlot: number;
  lossCount: number;
  normSlot: number;
  normCount: number;
  scalarSlot: number;
  ringSlot: number;
  ringSize: number;
  total: number;
}

export interface NoiseSettings {
  type: NoiseType;
  level: number;
}

/** WGSL `corrupt(x, counter)`: the same noise definitions as the tfjs path's addNoise. */
function corruptWgsl({ type, level }: NoiseSettings): string {
  const lvl = f32Literal(level);
  if (level === 0) return 'fn corrupt(x: f32, counter: u32) -> f32 { return x; }';
  const first = `let u = randomUniform(streamKey(step.noiseSeed, ${u32Literal(NOISE_STREAM)}), counter);`;
  switch (type) {
    case 'gaussian':
      // Box–Muller from two independent streams; 1 − u keeps the logarithm finite.
      return `fn corrupt(x: f32, counter: u32) -> f32 {
  ${first}
  let v = randomUniform(streamKey(step.noiseSeed, ${u32Literal(NOISE_SECOND_STREAM)}), counter);
  let normal = sqrt(-2.0 * log(1.0 - u)) * cos(6.283185307179586 * v);
  return clamp(x + ${lvl} * normal, 0.0, 1.0);
}`;
    case 'uniform':
      return `fn corrupt(x: f32, counter: u32) -> f32 {
  ${first}
  return clamp(x + ${lvl} * (2.0 * u - 1.0), 0.0, 1.0);
}`;
    case 'uniform-positive':
      return `fn corrupt(x: f32, counter: u32) -> f32 {
  ${first}
  return clamp(x + ${lvl} * u, 0.0, 1.0);
}`;
    case 'salt-and-pepper':
      // u < level/2 is pepper (0), level/2 ≤ u < level is salt (1).
      return `fn corrupt(x: f32, counter: u32) -> f32 {
  ${first}
  return select(x, select(0.0, 1.0, u >= ${f32Literal(level / 2)}), u < ${lvl});
}`;
    case 'masking':
      return `fn corrupt(x: f32, counter: u32) -> f32 {
  ${first}
  return select(0.0, x, u >= ${lvl});
}`;
  }
}

/** Gathers the batch's images (bytes packed four to a u32) into clean targets and noisy inputs. */
export function prepareBatchWgsl(opts: {
  batchSize: number;
  pixels: number;
  inputOffset: number;
  targetOffset: number;
  noise: NoiseSettings;
}): string {
  const { batchSize, pixels } = opts;
  return /* wgsl */ `
${corruptWgsl(opts.noise)}
@compute @workgroup_size(${PREPARE_WORKGROUP})
fn main(@builtin(global_invocation_id) id: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let index = id.y * groups.x * ${PREPARE_WORKGROUP}u + id.x;
  if (index >= ${u32Literal(batchSize * pixels)}) { return; }
  let r = index / ${u32Literal(pixels)};
  let k = index % ${u32Literal(pixels)};
  let byteIndex = order[step.batchOffset + r] * ${u32Literal(pixels)} + k;
  let byte = (images[byteIndex / 4u] >> (8u * (byteIndex % 4u))) & 255u;
  let clean = f32(byte) / 255.0;
  act[${u32Literal(opts.targetOffset)} + index] = clean;
  act[${u32Literal(opts.inputOffset)} + index] = corrupt(clean, index);
}
`;
}

/**
 * One workgroup: the loss and the squared gradient norm from the partial sums, the clip
 * coefficient of torch's clip_grad_norm_, Adam's bias corrections c ← β·c + (1 − β), and the
 * loss into its ring slot for the page.
 */
export function finishStepWgsl(
  opts: ScratchLayout & { gradientClipNorm: number; beta1: number; beta2: number },
): string {
  const s = (name: keyof typeof SCALAR) => `${u32Literal(opts.scalarSlot + SCALAR[name])}`;
  const clip =
    opts.gradientClipNorm > 0 ? `min(${f32Literal(opts.gradientClipNorm)} / (norm + 1e-6), 1.0)` : '1.0';
  return /* wgsl */ `
var<workgroup> lossPart: array<f32, 256>;
var<workgroup> normPart: array<f32, 256>;
@compute @workgroup_size(256)
fn main(@builtin(local_invocation_index) t: u32) {
  var loss = 0.0;
  for (var i = t; i < ${u32Literal(opts.lossCount)}; i += 256u) { loss += scratch[${u32Literal(opts.lossSlot)} + i]; }
  var squares = 0.0;
  for (var i = t; i < ${u32Literal(opts.normCount)}; i += 256u) { squares += scratch[${u32Literal(opts.normSlot)} + i]; }
  lossPart[t] = loss;
  normPart[t] = squares;
  workgroupBarrier();
  for (var stride = 128u; stride > 0u; stride /= 2u) {
    if (t < stride) {
      lossPart[t] += lossPart[t + stride];
      normPart[t] += normPart[t + stride];
    }
    workgroupBarrier();
  }
  if (t == 0u) {
    let norm = sqrt(normPart[0]);
    scratch[${s('gradientNorm')}] = norm;
    scratch[${s('clipCoefficient')}] = ${clip};
    scratch[${s('biasCorrection1')}] = scratch[${s('biasCorrection1')}] * ${f32Literal(opts.beta1)} + ${f32Literal(1 - opts.beta1)};
    scratch[${s('biasCorrection2')}] = scratch[${s('biasCorrection2')}] * ${f32Literal(opts.beta2)} + ${f32Literal(1 - opts.beta2)};
    scratch[${u32Literal(opts.ringSlot)} + step.stepIndex % ${u32Literal(opts.ringSize)}] = lossPart[0];
  }
}
`;
}

/** A block's trainable variables as ranges of the flat gradient layout, in order (see networkLayout). */
export interface ParameterRange {
  /** The WGSL array holding the variable (its own buffer). */
  array: string;
  /** First index in `grads` and `moments`. */
  offset: number;
  size: number;
}

/**
 * torch.optim.AdamW over one block's variables, gradients scaled by the clip coefficient first.
 * The moments and gradients are flat; each weight is read from and written to its variable's buffer.
 */
export function adamwWgsl(opts: {
  ranges: readonly ParameterRange[];
  parameterCount: number;
  scalarSlot: number;
  beta1: number;
  beta2: number;
  epsilon: number;
}): string {
  const s = (name: keyof typeof SCALAR) => `${u32Literal(opts.scalarSlot + SCALAR[name])}`;
  const count = u32Literal(opts.parameterCount);
  const first = opts.ranges[0].offset;
  const blockSize = opts.ranges.reduce((sum, range) => sum + range.size, 0);
  // Ranges are contiguous: the first whose end lies past i holds parameter i.
  const update = opts.ranges
    .map(({ array, offset, size }, k) => {
      const local = `i - ${u32Literal(offset)}`;
      const body = `${array}[${local}] = ${array}[${local}] * step.decayFactor - change;`;
      return k === opts.ranges.length - 1
        ? `{ ${body} }`
        : `if (i < ${u32Literal(offset + size)}) { ${body} }`;
    })
    .join(' else ');
  return /* wgsl */ `
@compute @workgroup_size(${ADAMW_WORKGROUP})
fn main(@builtin(global_invocation_id) id: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let j = id.y * groups.x * ${ADAMW_WORKGROUP}u + id.x;
  if (j >= ${u32Literal(blockSize)}) { return; }
  let i = ${u32Literal(first)} + j;
  let g = grads[i] * scratch[${s('clipCoefficient')}];
  let m = moments[i] * ${f32Literal(opts.beta1)} + g * ${f32Literal(1 - opts.beta1)};
  let v = moments[${count} + i] * ${f32Literal(opts.beta2)} + g * g * ${f32Literal(1 - opts.beta2)};
  moments[i] = m;
  moments[${count} + i] = v;
  let denominator = sqrt(v) / sqrt(scratch[${s('biasCorrection2')}]) + ${f32Literal(opts.epsilon)};
  let change = step.learningRate / scratch[${s('biasCorrection1')}] * (m / denominator);
  ${update}
}
`;
}
