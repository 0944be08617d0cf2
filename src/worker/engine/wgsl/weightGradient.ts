/**
 * dW = Xᵀ · dZ for one block: a 16×16 tile of the [in, out] gradient per workgroup, reduced over
 * the batch, written in place, with the tile's squared sum kept for the global-norm clip.
 */
import type { DenseLayerSpec, LayerOffsets } from '../networkLayout';
import { u32Literal } from './bindings';

export const WEIGHT_TILE = 16;

export function weightGradientWorkgroups(layer: DenseLayerSpec): [number, number] {
  return [Math.ceil(layer.outputSize / WEIGHT_TILE), Math.ceil(layer.inputSize / WEIGHT_TILE)];
}

export function weightGradientWgsl(opts: {
  layer: DenseLayerSpec;
  offsets: LayerOffsets;
  batchSize: number;
  normSlot: number;
}): string {
  const { layer, offsets, batchSize, normSlot } = opts;
  const [tilesX] = weightGradientWorkgroups(layer);
  return /* wgsl */ `
const BATCH: u32 = ${u32Literal(batchSize)};
const IN: u32 = ${u32Literal(layer.inputSize)};
const OUT: u32 = ${u32Literal(layer.outputSize)};
const TILE: u32 = ${u32Literal(WEIGHT_TILE)};
var<workgroup> partial: array<f32, ${WEIGHT_TILE * WEIGHT_TILE}>;

@compute @workgroup_size(${WEIGHT_TILE * WEIGHT_TILE})
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(local_invocation_index) t: u32) {
  let col = wg.x * TILE + t % TILE;
  let k = wg.y * TILE + t / TILE;
  var gradient = 0.0;
  if (col < OUT && k < IN) {
    for (var r = 0u; r < BATCH; r++) {
      gradient = fma(act[${u32Literal(offsets.input)} + r * IN + k], act[${u32Literal(offsets.outputGradient)} + r * OUT + col], gradient);
    }
    grads[${u32Literal(offsets.weight)} + k * OUT + col] = gradient;
  }
  partial[t] = gradient * gradient;
  workgroupBarrier();
  for (var stride = ${(WEIGHT_TILE * WEIGHT_TILE) / 2}u; stride > 0u; stride /= 2u) {
    if (t < stride) { partial[t] += partial[t + stride]; }
    workgroupBarrier();
  }
  if (t == 0u) { scratch[${u32Literal(normSlot)} + wg.y * ${u32Literal(tilesX)} + wg.x] = partial[0]; }
}
`;
}
