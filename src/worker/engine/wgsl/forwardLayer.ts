/**
 * Training forward of one block in one dispatch: z = xW + b, BatchNorm over the batch (also
 * updating the running statistics as nn.BatchNorm1d does), activation, inverted dropout.
 * Stores x̂ (or z without BatchNorm) and the output for the backward pass; the dropout mask is
 * not stored, the backward kernel redraws it from the same counter.
 */
import type { LayerOffsets, DenseLayerSpec } from '../networkLayout';
import { DROPOUT_STREAM_BASE } from '../counterRandom';
import { f32Literal, u32Literal } from './bindings';
import { blockDotWgsl } from './columnTile';

export interface LayerKernelContext {
  layer: DenseLayerSpec;
  offsets: LayerOffsets;
  layerIndex: number;
  batchSize: number;
  batchNormMomentum: number;
  batchNormEpsilon: number;
}

/** WGSL `activate(y)` and `activationSlope(y)` (the derivative, from the pre-activation). */
export function activationWgsl(activation: DenseLayerSpec['activation']): string {
  switch (activation) {
    case 'relu':
      return `fn activate(y: f32) -> f32 { return max(y, 0.0); }
fn activationSlope(y: f32) -> f32 { return select(0.0, 1.0, y > 0.0); }`;
    case 'sigmoid':
      return `fn activate(y: f32) -> f32 { return 1.0 / (1.0 + exp(-y)); }
fn activationSlope(y: f32) -> f32 { let s = activate(y); return s * (1.0 - s); }`;
    case 'linear':
      return `fn activate(y: f32) -> f32 { return y; }
fn activationSlope(y: f32) -> f32 { return 1.0; }`;
  }
}

/** WGSL `dropoutScale(r, col)`: 0 for a dropped unit, 1/(1 − p) for a kept one (1 without dropout). */
export function dropoutWgsl({ layer, layerIndex }: LayerKernelContext): string {
  if (layer.dropoutRate <= 0) return 'fn dropoutScale(r: u32, col: u32) -> f32 { return 1.0; }';
  return `fn dropoutScale(r: u32, col: u32) -> f32 {
  let key = streamKey(step.dropoutSeed, ${u32Literal(DROPOUT_STREAM_BASE + layerIndex)});
  let keep = randomUniform(key, r * OUT + col) >= ${f32Literal(layer.dropoutRate)};
  return select(0.0, ${f32Literal(1 / (1 - layer.dropoutRate))}, keep);
}`;
}

export function layerConstantsWgsl({ layer, offsets, batchSize }: LayerKernelContext): string {
  return `const BATCH: u32 = ${u32Literal(batchSize)};
const IN: u32 = ${u32Literal(layer.inputSize)};
const OUT: u32 = ${u32Literal(layer.outputSize)};
const W_OFF: u32 = ${u32Literal(offsets.weight)};
const B_OFF: u32 = ${u32Literal(offsets.bias)};
const IN_OFF: u32 = ${u32Literal(offsets.input)};
const PRE_OFF: u32 = ${u32Literal(offsets.preActivation)};
const OUT_OFF: u32 = ${u32Literal(offsets.output)};
const DZ_OFF: u32 = ${u32Literal(offsets.outputGradient)};`;
}

/** Constants, activation, dropout and the shared opening of a column-tile layer kernel's main(). */
export function layerKernelOpeningWgsl(context: LayerKernelContext): string {
  return /* wgsl */ `
${layerConstantsWgsl(context)}
${activationWgsl(context.layer.activation)}
${dropoutWgsl(context)}

@compute @workgroup_size(COLUMNS * LANES)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(local_invocation_index) t: u32) {
  let tc = t % COLUMNS;
  let lane = t / COLUMNS;
  let col = wg.x * COLUMNS + tc;
  let inRange = col < OUT;`;
}

export function forwardLayerWgsl(context: LayerKernelContext): string {
  const { layer, offsets, batchSize, batchNormMomentum, batchNormEpsilon } = context;
  const dot = blockDotWgsl({
    rowsOffset: 'IN_OFF',
    rowStride: layer.inputSize,
    length: layer.inputSize,
    weightAt: 'weights[k * OUT + col]',
    init: 'biases[col]',
  });
  const normalise = layer.batchNorm
    ? /* wgsl */ `
  // Mean, then the biased variance from a second pass (as torch and the tfjs path compute it).
  partial[t] = zSum;
  workgroupBarrier();
  if (lane == 0u) { columnValue[tc] = sumLanes(tc) / f32(BATCH); }
  workgroupBarrier();
  let mean = columnValue[tc];
  var squares = 0.0;
  if (inRange) {
    for (var r = lane; r < BATCH; r += LANES) {
      let d = act[PRE_OFF + r * OUT + col] - mean;
      squares += d * d;
    }
  }
  partial[t] = squares;
  workgroupBarrier();
  if (lane == 0u) {
    let variance = sumLanes(tc) / f32(BATCH);
    let inverseStd = 1.0 / sqrt(variance + ${f32Literal(batchNormEpsilon)});
    columnValue[${'COLUMNS'} + tc] = inverseStd;
    if (inRange) {
      scratch[${u32Literal(offsets.inverseStd)} + col] = inverseStd;
      // running_var keeps the unbiased variance; the batch is normalised with the biased one.
      let unbiased = variance * ${f32Literal(batchSize / Math.max(batchSize - 1, 1))};
      runningMeans[col] = runningMeans[col] * ${f32Literal(1 - batchNormMomentum)} + mean * ${f32Literal(batchNormMomentum)};
      runningVars[col] = runningVars[col] * ${f32Literal(1 - batchNormMomentum)} + unbiased * ${f32Literal(batchNormMomentum)};
    }
  }
  workgroupBarrier();
  let inverseStd = columnValue[COLUMNS + tc];
  let gamma = select(0.0, gammas[min(col, OUT - 1u)], inRange);
  let beta = select(0.0, betas[min(col, OUT - 1u)], inRange);`
    : '';
  const finish = layer.batchNorm
    ? `let xHat = (act[PRE_OFF + r * OUT + col] - mean) * inverseStd;
      act[PRE_OFF + r * OUT + col] = xHat;
      let y = gamma * xHat + beta;`
    : 'let y = act[PRE_OFF + r * OUT + col];';
  return /* wgsl */ `${layerKernelOpeningWgsl(context)}
  var zSum = 0.0;
  if (inRange) {
    for (var r0 = lane; r0 < BATCH; r0 += LANES * ROW_BLOCK) {
      ${dot}
      for (var i = 0u; i < ROW_BLOCK; i++) {
        let r = r0 + i * LANES;
        if (r < BATCH) {
          act[PRE_OFF + r * OUT + col] = acc[i];
          zSum += acc[i];
        }
      }
    }
  }
  ${normalise}
  if (inRange) {
    for (var r = lane; r < BATCH; r += LANES) {
      ${finish}
      act[OUT_OFF + r * OUT + col] = activate(y) * dropoutScale(r, col);
    }
  }
}
`;
}
