/**
 * The shape shared by the forward and backward layer kernels: a workgroup owns COLUMNS output
 * features for every row of the batch, so BatchNorm's statistics over the batch (and their
 * gradients) are reduced inside the workgroup, with no extra dispatch. Each thread walks rows
 * lane, lane + LANES, … in blocks of ROW_BLOCK, reusing every weight it loads ROW_BLOCK times.
 */
export const COLUMNS = 8;
export const LANES = 32;
export const ROW_BLOCK = 4;
export const WORKGROUP_SIZE = COLUMNS * LANES;

export function columnTileCount(outputSize: number): number {
  return Math.ceil(outputSize / COLUMNS);
}

export const COLUMN_TILE_WGSL = /* wgsl */ `
const COLUMNS: u32 = ${COLUMNS}u;
const LANES: u32 = ${LANES}u;
const ROW_BLOCK: u32 = ${ROW_BLOCK}u;
var<workgroup> partial: array<f32, ${WORKGROUP_SIZE}>;
var<workgroup> columnValue: array<f32, ${COLUMNS * 4}>;

/** Sum over the row lanes of column tc (call from lane 0 after a barrier). */
fn sumLanes(tc: u32) -> f32 {
  var total = 0.0;
  for (var i = 0u; i < LANES; i++) { total += partial[i * COLUMNS + tc]; }
  return total;
}

/** Sum over every thread of the workgroup (call from thread 0 after a barrier). */
fn sumWorkgroup() -> f32 {
  var total = 0.0;
  for (var i = 0u; i < ${WORKGROUP_SIZE}u; i++) { total += partial[i]; }
  return total;
}
`;

/**
 * WGSL for `row · matrix column` over a block of rows: acc[i] = init + Σ_k rows[r_i·STRIDE + k]·m(k).
 * `weightAt` is a WGSL expression in `k`; rows past the batch are clamped, and never stored.
 */
export function blockDotWgsl(opts: {
  rowsOffset: string;
  rowStride: number;
  length: number;
  weightAt: string;
  init: string;
}): string {
  return /* wgsl */ `
    var acc: array<f32, ${ROW_BLOCK}>;
    var rowBase: array<u32, ${ROW_BLOCK}>;
    for (var i = 0u; i < ROW_BLOCK; i++) {
      acc[i] = ${opts.init};
      rowBase[i] = ${opts.rowsOffset} + min(r0 + i * LANES, BATCH - 1u) * ${opts.rowStride}u;
    }
    for (var k = 0u; k < ${opts.length}u; k++) {
      let w = ${opts.weightAt};
      for (var i = 0u; i < ROW_BLOCK; i++) { acc[i] = fma(act[rowBase[i] + k], w, acc[i]); }
    }`;
}
