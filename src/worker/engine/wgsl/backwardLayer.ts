/**
 * Backward of one block in one dispatch, from the gradient arriving at its output to dZ (the
 * gradient at its pre-BatchNorm linear output), plus the small parameter gradients (bias, γ, β)
 * and their share of the squared global norm. The gradient arriving at the output is either
 * dL/dŷ of the loss (last block, which also sums the loss) or dZ_next · W_nextᵀ.
 */
import type { LayerOffsets } from '../networkLayout';
import { f32Literal, u32Literal } from './bindings';
import { blockDotWgsl } from './columnTile';
import { layerKernelOpeningWgsl, type LayerKernelContext } from './forwardLayer';

/** Weights of the loss terms; each is the mean over every pixel of the batch (PyTorch's reduction). */
export interface LossWeights {
  mseWeight: number;
  l1Weight: number;
  bceWeight: number;
}

export interface BackwardContext extends LayerKernelContext {
  /** The next block, whose dZ and weights give this block's output gradient; null for the last. */
  next: { outputSize: number; offsets: LayerOffsets } | null;
  lossWeights: LossWeights;
  targetOffset: number;
  /** Where this dispatch's workgroups write their partial sums in `scratch`. */
  normSlot: number;
  lossSlot: number;
}

function upstreamWgsl(context: BackwardContext): string {
  const { next, layer, batchSize } = context;
  if (next) {
    const dot = blockDotWgsl({
      rowsOffset: `${u32Literal(next.offsets.outputGradient)}`,
      rowStride: next.outputSize,
      length: next.outputSize,
      weightAt: `nextWeights[col * ${u32Literal(next.outputSize)} + k]`,
      init: '0.0',
    });
    return `${dot}
      for (var i = 0u; i < ROW_BLOCK; i++) { upstream[i] = acc[i]; }`;
  }
  const { mseWeight, l1Weight, bceWeight } = context.lossWeights;
  const count = batchSize * layer.outputSize;
  // torch's BCELoss clamps each log at −100 and divides its gradient by max(p(1 − p), 1e-12).
  return `
      for (var i = 0u; i < ROW_BLOCK; i++) {
        let r = min(r0 + i * LANES, BATCH - 1u);
        let p = act[OUT_OFF + r * OUT + col];
        let clean = act[${u32Literal(context.targetOffset)} + r * OUT + col];
        let e = p - clean;
        let bce = -(clean * max(log(p), -100.0) + (1.0 - clean) * max(log(1.0 - p), -100.0));
        if (r0 + i * LANES < BATCH) {
          lossSum += ${f32Literal(mseWeight)} * e * e + ${f32Literal(l1Weight)} * abs(e) + ${f32Literal(bceWeight)} * bce;
        }
        let slope = ${f32Literal(2 * mseWeight)} * e + ${f32Literal(l1Weight)} * sign(e)
          + ${f32Literal(bceWeight)} * e / max(p * (1.0 - p), 1e-12);
        upstream[i] = slope * ${f32Literal(1 / count)};
      }`;
}

export function backwardLayerWgsl(context: BackwardContext): string {
  const { layer, offsets, next } = context;
  const bn = layer.batchNorm;
  const gammaAt = () => 'gammas[min(col, OUT - 1u)]';
  const preActivation = bn
    ? 'gamma * act[PRE_OFF + r * OUT + col] + betas[col]'
    : 'act[PRE_OFF + r * OUT + col]';
  const batchNormBackward = bn
    ? /* wgsl */ `
  // dz = γ/σ · (g − mean(g) − x̂·mean(g·x̂)); Σg and Σg·x̂ are also dβ and dγ.
  partial[t] = gSum;
  workgroupBarrier();
  if (lane == 0u) { columnValue[tc] = sumLanes(tc); }
  workgroupBarrier();
  partial[t] = gxSum;
  workgroupBarrier();
  if (lane == 0u) { columnValue[COLUMNS + tc] = sumLanes(tc); }
  workgroupBarrier();
  let sumG = columnValue[tc];
  let sumGx = columnValue[COLUMNS + tc];
  let scale = gamma * select(0.0, scratch[${u32Literal(offsets.inverseStd)} + min(col, OUT - 1u)], inRange);
  if (inRange) {
    for (var r = lane; r < BATCH; r += LANES) {
      let xHat = act[PRE_OFF + r * OUT + col];
      let dz = scale * (act[DZ_OFF + r * OUT + col] - sumG / f32(BATCH) - xHat * sumGx / f32(BATCH));
      act[DZ_OFF + r * OUT + col] = dz;
      dzSum += dz;
    }
  }`
    : `if (inRange) {
    for (var r = lane; r < BATCH; r += LANES) { dzSum += act[DZ_OFF + r * OUT + col]; }
  }`;
  const smallGradients = bn
    ? `grads[B_OFF + col] = db;
      grads[${u32Literal(offsets.gamma)} + col] = sumGx;
      grads[${u32Literal(offsets.beta)} + col] = sumG;
      squares = db * db + sumGx * sumGx + sumG * sumG;`
    : `grads[B_OFF + col] = db;
      squares = db * db;`;
  return /* wgsl */ `${layerKernelOpeningWgsl(context)}
  let gamma = ${bn ? `select(0.0, ${gammaAt()}, inRange)` : '1.0'};
  var gSum = 0.0;
  var gxSum = 0.0;
  var lossSum = 0.0;
  if (inRange) {
    for (var r0 = lane; r0 < BATCH; r0 += LANES * ROW_BLOCK) {
      var upstream: array<f32, ROW_BLOCK>;
      ${upstreamWgsl(context)}
      for (var i = 0u; i < ROW_BLOCK; i++) {
        let r = r0 + i * LANES;
        if (r < BATCH) {
          let g = upstream[i] * dropoutScale(r, col) * activationSlope(${preActivation});
          act[DZ_OFF + r * OUT + col] = g;
          gSum += g;
          gxSum += g * act[PRE_OFF + r * OUT + col];
        }
      }
    }
  }
  var dzSum = 0.0;
  ${batchNormBackward}
  partial[t] = dzSum;
  workgroupBarrier();
  var squares = 0.0;
  if (lane == 0u && inRange) {
    let db = sumLanes(tc);
    ${smallGradients}
  }
  workgroupBarrier();
  partial[t] = squares;
  workgroupBarrier();
  if (t == 0u) { scratch[${u32Literal(context.normSlot)} + wg.x] = sumWorkgroup(); }
  ${next ? '' : lossPartialWgsl(context.lossSlot, context.batchSize * layer.outputSize)}
}
`;
}

function lossPartialWgsl(lossSlot: number, count: number): string {
  return `workgroupBarrier();
  partial[t] = lossSum * ${f32Literal(1 / count)};
  workgroupBarrier();
  if (t == 0u) { scratch[${u32Literal(lossSlot)} + wg.x] = sumWorkgroup(); }`;
}
