/** The grid's columns: one test image each, with its noisy input and reconstruction. */
import { imageAt } from '../../../shared/imageMath';
import type { ImageTriplets } from '../../../shared/protocol';
import { GRID_IMAGE_COUNT } from '../../../shared/viewRequest';

export interface GridColumn {
  testIndex: number | null;
  original: Float32Array | null;
  noisy: Float32Array | null;
  reconstruction: Float32Array | null;
}

/**
 * Exactly `count` columns, empty ones padding a short grid (before the first result, or a brush
 * of fewer images), so the panel's layout and its 3 × 8 canvases never jump.
 */
export function gridColumns(grid: ImageTriplets | null, count = GRID_IMAGE_COUNT): GridColumn[] {
  return Array.from({ length: count }, (_, i) => {
    if (!grid || i >= grid.testIndices.length) {
      return { testIndex: null, original: null, noisy: null, reconstruction: null };
    }
    return {
      testIndex: grid.testIndices[i],
      original: imageAt(grid.originals, i),
      noisy: imageAt(grid.noisy, i),
      reconstruction: imageAt(grid.reconstructions, i),
    };
  });
}
