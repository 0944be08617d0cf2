/**
 * "Nice" values (1, 1.5, 2, 3, 5, 7 × 10^k) and ranges rounded out to them. A chart whose axes are
 * framed on such a range keeps its frame while its data moves inside it, so Plotly (a redraw costs
 * 60–150 ms of a busy 2-core machine's main thread) redraws only when the data crosses a nice value:
 * a handful of times a run, not at every step or epoch.
 */
import type { AxisRange } from './planePicking';

/** Mantissas of the nice values: fine enough not to waste the chart, coarse enough to hold. */
const NICE_MANTISSAS = [1, 1.5, 2, 3, 5, 7, 10];
/** Relative slack, so a value that is already nice is not pushed to the next one by rounding. */
const SLACK = 1e-9;

/** The smallest nice value ≥ `value` (> 0). */
export function niceCeil(value: number): number {
  const decade = 10 ** Math.floor(Math.log10(value));
  const mantissa = NICE_MANTISSAS.find((nice) => nice * decade >= value * (1 - SLACK)) ?? 10;
  return mantissa * decade;
}

/** The largest nice value ≤ `value` (> 0). */
export function niceFloor(value: number): number {
  const decade = 10 ** Math.floor(Math.log10(value));
  const mantissa = [...NICE_MANTISSAS].reverse().find((nice) => nice * decade <= value * (1 + SLACK)) ?? 1;
  return mantissa * decade;
}

/** `value` rounded away from the range's inside: down for the low end, up for the high end. */
function roundOut(value: number, end: 'low' | 'high'): number {
  if (value === 0) return 0;
  const outward = value > 0 === (end === 'high') ? niceCeil : niceFloor;
  return Math.sign(value) * outward(Math.abs(value));
}

/**
 * The range between nice values around the finite numbers of `lists`; a constant is given some
 * room either side (an untrained model's flat curve is not blown up to its rounding noise). Null
 * without a finite number.
 */
export function niceRange(lists: readonly (readonly number[])[]): AxisRange | null {
  let low = Infinity;
  let high = -Infinity;
  for (const list of lists)
    for (const value of list) {
      if (!Number.isFinite(value)) continue;
      if (value < low) low = value;
      if (value > high) high = value;
    }
  if (low > high) return null;
  const range: AxisRange = [roundOut(low, 'low'), roundOut(high, 'high')];
  if (range[1] > range[0]) return range;
  const room = Math.abs(range[0]) / 2 || 1;
  return [range[0] - room, range[1] + room];
}
