/** Turns 28×28 values in [0, 1] into RGBA pixels: grey, or a heat map (bright = high). */
import { IMAGE_PIXELS } from '../../shared/dataset';

export type ColorMap = 'grey' | 'heat';

/** Inferno-like stops: black → purple → orange → pale yellow; readable on a projector. */
const HEAT_STOPS: [number, number, number][] = [
  [0, 0, 4],
  [87, 16, 110],
  [188, 55, 84],
  [249, 142, 9],
  [252, 255, 164],
];

export function heatColor(value: number): [number, number, number] {
  const t = Math.min(1, Math.max(0, value)) * (HEAT_STOPS.length - 1);
  const i = Math.min(HEAT_STOPS.length - 2, Math.floor(t));
  const f = t - i;
  const [a, b] = [HEAT_STOPS[i], HEAT_STOPS[i + 1]];
  return [a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f, a[2] + (b[2] - a[2]) * f];
}

/** Heat colours of 256 levels, computed once: a heat map is then a table look-up per pixel. */
const HEAT_TABLE = Uint8ClampedArray.from(
  { length: 256 * 3 },
  (_, i) => heatColor(Math.floor(i / 3) / 255)[i % 3],
);

/** `scaleMax` maps that value to the top of the colour scale (heat maps share one scale). */
export function toRgba(
  values: Float32Array,
  colorMap: ColorMap,
  scaleMax = 1,
): Uint8ClampedArray<ArrayBuffer> {
  const rgba = new Uint8ClampedArray(IMAGE_PIXELS * 4);
  const scale = 1 / (scaleMax || 1);
  for (let i = 0; i < IMAGE_PIXELS; i++) {
    const v = values[i] * scale;
    const o = i * 4;
    if (colorMap === 'heat') {
      // NaN and out-of-range values clamp to the scale's ends, as heatColor does.
      const level = 3 * Math.round(255 * (v > 0 ? (v < 1 ? v : 1) : 0));
      rgba[o] = HEAT_TABLE[level];
      rgba[o + 1] = HEAT_TABLE[level + 1];
      rgba[o + 2] = HEAT_TABLE[level + 2];
    } else {
      rgba[o] = rgba[o + 1] = rgba[o + 2] = v * 255;
    }
    rgba[o + 3] = 255;
  }
  return rgba;
}
