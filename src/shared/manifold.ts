/** Geometry of the 2-D latent plane: the occupied box, the manifold grid and picking. */
import type { LatentBounds } from './protocol';

/** Box used when there are no codes yet (an untrained model's codes sit near the origin). */
const DEFAULT_BOUNDS: LatentBounds = { xMin: -1, xMax: 1, yMin: -1, yMax: 1 };
/** Extents narrower than this are widened to ±DEGENERATE_HALF_WIDTH so the grid spans an area. */
const MIN_SPAN = 1e-6;
const DEGENERATE_HALF_WIDTH = 0.5;

/** Linear-interpolated quantile of sorted values (numpy's default method). */
function quantile(sorted: Float64Array, q: number): number {
  const position = q * (sorted.length - 1);
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
}

function robustRange(values: Float64Array, lowQuantile: number, highQuantile: number): [number, number] {
  const sorted = values.sort();
  const low = quantile(sorted, lowQuantile);
  const high = quantile(sorted, highQuantile);
  if (high - low >= MIN_SPAN) return [low, high];
  const centre = (low + high) / 2;
  return [centre - DEGENERATE_HALF_WIDTH, centre + DEGENERATE_HALF_WIDTH];
}

/**
 * The box holding the codes between two quantiles per axis, so a few far outliers do not shrink
 * the scatter's and manifold's view of where the data lives. Non-finite codes are ignored;
 * always returns a box of positive width and height.
 */
export function occupiedBounds(codes: Float32Array, lowQuantile = 0.01, highQuantile = 0.99): LatentBounds {
  if (!(lowQuantile >= 0 && lowQuantile <= highQuantile && highQuantile <= 1)) {
    throw new RangeError(`Bad quantiles ${lowQuantile}, ${highQuantile}`);
  }
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i + 1 < codes.length; i += 2) {
    if (Number.isFinite(codes[i]) && Number.isFinite(codes[i + 1])) {
      xs.push(codes[i]);
      ys.push(codes[i + 1]);
    }
  }
  if (xs.length === 0) return { ...DEFAULT_BOUNDS };
  const [xMin, xMax] = robustRange(Float64Array.from(xs), lowQuantile, highQuantile);
  const [yMin, yMax] = robustRange(Float64Array.from(ys), lowQuantile, highQuantile);
  return { xMin, xMax, yMin, yMax };
}

function checkGridSize(gridSize: number): void {
  if (!Number.isInteger(gridSize) || gridSize < 1) throw new RangeError(`Bad grid size ${gridSize}`);
}

/**
 * gridSize² latent points (x, y, x, y, …) at the CENTRES of a gridSize×gridSize tiling of
 * `bounds`, row-major, row 0 at the top (largest y) so the mosaic reads with y up like the
 * scatter. Centres, not edges: each decoded tile then stands for its own cell, and the mosaic
 * drawn over `bounds` lines up with the scatter plane.
 */
export function manifoldGridPoints(bounds: LatentBounds, gridSize: number): Float32Array {
  checkGridSize(gridSize);
  const cellWidth = (bounds.xMax - bounds.xMin) / gridSize;
  const cellHeight = (bounds.yMax - bounds.yMin) / gridSize;
  const points = new Float32Array(2 * gridSize * gridSize);
  for (let row = 0; row < gridSize; row++) {
    for (let col = 0; col < gridSize; col++) {
      const index = row * gridSize + col;
      points[2 * index] = bounds.xMin + (col + 0.5) * cellWidth;
      points[2 * index + 1] = bounds.yMax - (row + 0.5) * cellHeight;
    }
  }
  return points;
}

/** Where point `index` of manifoldGridPoints sits in the mosaic (row 0 at the top). */
export function mosaicPosition(index: number, gridSize: number): { row: number; col: number } {
  checkGridSize(gridSize);
  if (!Number.isInteger(index) || index < 0 || index >= gridSize * gridSize) {
    throw new RangeError(`No tile ${index} in a ${gridSize}×${gridSize} mosaic`);
  }
  return { row: Math.floor(index / gridSize), col: index % gridSize };
}

/** Index of the code (x0, y0, x1, y1, …) closest to (x, y); −1 when there is none. */
export function nearestPointIndex(codes: Float32Array, x: number, y: number): number {
  let nearest = -1;
  let nearestDistance = Infinity;
  for (let i = 0; 2 * i + 1 < codes.length; i++) {
    const distance = (codes[2 * i] - x) ** 2 + (codes[2 * i + 1] - y) ** 2;
    if (distance < nearestDistance) {
      nearest = i;
      nearestDistance = distance;
    }
  }
  return nearest;
}
