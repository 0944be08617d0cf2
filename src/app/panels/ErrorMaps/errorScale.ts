/** The error maps' one shared colour scale and its colour bar (bright = high error). */
import { absoluteErrorMap, imageAt, maxValue } from '../../../shared/imageMath';
import type { ImageTriplets } from '../../../shared/protocol';
import { heatColor } from '../../components/imagePixels';

export const ERROR_MAP_COUNT = 6;

export type ErrorScaleMode = 'shared-max' | 'fixed';

export interface ErrorMapEntry {
  testIndex: number;
  original: Float32Array;
  errorMap: Float32Array;
}

export function errorMapsOf(grid: ImageTriplets | null, count = ERROR_MAP_COUNT): ErrorMapEntry[] {
  if (!grid) return [];
  return grid.testIndices.slice(0, count).map((testIndex, i) => ({
    testIndex,
    original: imageAt(grid.originals, i),
    errorMap: absoluteErrorMap(grid.originals, grid.reconstructions, i),
  }));
}

/**
 * Top of the colour scale: the largest error over all maps (so the maps compare with each
 * other), or 1 (so they compare across epochs). Never 0, so a perfect model stays drawable.
 */
export function errorScaleMax(maps: readonly Float32Array[], mode: ErrorScaleMode): number {
  if (mode === 'fixed') return 1;
  const max = Math.max(0, ...maps.map(maxValue));
  return max > 0 ? max : 1;
}

export interface ColorBarTick {
  value: number;
  label: string;
  /** Position from the bottom of the bar, 0..1. */
  fraction: number;
}

/** Evenly spaced ticks from 0 to `scaleMax`, labelled with two significant digits of the top. */
export function colorBarTicks(scaleMax: number, tickCount = 5): ColorBarTick[] {
  if (!(scaleMax > 0) || tickCount < 2) throw new RangeError(`Bad colour bar ${scaleMax}, ${tickCount}`);
  const decimals = Math.max(2, 1 - Math.floor(Math.log10(scaleMax)));
  return Array.from({ length: tickCount }, (_, i) => {
    const fraction = i / (tickCount - 1);
    const value = fraction * scaleMax;
    return { value, fraction, label: String(Number(value.toFixed(decimals))) };
  });
}

/** CSS gradient of the heat map's colours, dark at the bottom and bright at the top. */
export function heatGradientCss(steps = 9): string {
  const stops = Array.from({ length: steps }, (_, i) => {
    const fraction = i / (steps - 1);
    const [r, g, b] = heatColor(fraction).map(Math.round);
    return `rgb(${r}, ${g}, ${b}) ${Math.round(fraction * 100)}%`;
  });
  return `linear-gradient(to top, ${stops.join(', ')})`;
}
