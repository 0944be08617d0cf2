/** The decoded manifold as one RGBA mosaic, so the view is a single canvas, not 225 elements. */
import { IMAGE_PIXELS, IMAGE_SIDE } from '../../../shared/dataset';
import { mosaicPosition } from '../../../shared/manifold';

/** RGBA pixels of a (gridSize·28)² grey mosaic; tile i of `images` at mosaicPosition(i). */
export function manifoldMosaicRgba(images: Float32Array, gridSize: number): Uint8ClampedArray<ArrayBuffer> {
  const tileCount = gridSize * gridSize;
  if (images.length !== tileCount * IMAGE_PIXELS) {
    throw new RangeError(
      `A ${gridSize}×${gridSize} manifold needs ${tileCount} images, got ${images.length / IMAGE_PIXELS}`,
    );
  }
  const side = gridSize * IMAGE_SIDE;
  const rgba = new Uint8ClampedArray(side * side * 4);
  for (let tile = 0; tile < tileCount; tile++) {
    const { row, col } = mosaicPosition(tile, gridSize);
    for (let py = 0; py < IMAGE_SIDE; py++) {
      for (let px = 0; px < IMAGE_SIDE; px++) {
        const grey = images[tile * IMAGE_PIXELS + py * IMAGE_SIDE + px] * 255;
        const offset = ((row * IMAGE_SIDE + py) * side + col * IMAGE_SIDE + px) * 4;
        rgba[offset] = grey;
        rgba[offset + 1] = grey;
        rgba[offset + 2] = grey;
        rgba[offset + 3] = 255;
      }
    }
  }
  return rgba;
}

/** Axis labels short enough for the mosaic's edges. */
export function formatLatentCoordinate(value: number): string {
  return Number(value.toPrecision(3)).toString();
}
