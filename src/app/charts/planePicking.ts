/**
 * Maps a click anywhere on a Plotly plot area to data coordinates. Plotly only reports clicks
 * on points, but the scatter must decode any point of the latent plane.
 */

export type AxisRange = [number, number];

/** Data coordinates of a click at fractions (0..1, from the plot area's top-left) of the area. */
export function planePointAt(
  fractionX: number,
  fractionY: number,
  xRange: AxisRange,
  yRange: AxisRange,
): { x: number; y: number } {
  return {
    x: xRange[0] + fractionX * (xRange[1] - xRange[0]),
    // Screen y grows downwards, data y upwards.
    y: yRange[1] - fractionY * (yRange[1] - yRange[0]),
  };
}

function numericRange(axis: unknown): AxisRange | null {
  if (typeof axis !== 'object' || axis === null) return null;
  const range: unknown = Reflect.get(axis, 'range');
  if (!Array.isArray(range) || range.length !== 2) return null;
  const [low, high]: unknown[] = range;
  return typeof low === 'number' && typeof high === 'number' && Number.isFinite(low) && Number.isFinite(high)
    ? [low, high]
    : null;
}

/**
 * The current (zoomed, autoranged) linear axis ranges of a drawn plot, read from Plotly's
 * internal `_fullLayout`, which its typings omit; null when the plot is not drawn yet.
 */
export function currentAxisRanges(plotElement: unknown): { x: AxisRange; y: AxisRange } | null {
  if (typeof plotElement !== 'object' || plotElement === null) return null;
  const fullLayout: unknown = Reflect.get(plotElement, '_fullLayout');
  if (typeof fullLayout !== 'object' || fullLayout === null) return null;
  const x = numericRange(Reflect.get(fullLayout, 'xaxis'));
  const y = numericRange(Reflect.get(fullLayout, 'yaxis'));
  return x && y ? { x, y } : null;
}

/** Plotly re-dispatches a synthetic click after the native one; both must count as one. */
export function isRepeatedClick(
  previous: { clientX: number; clientY: number; timeMs: number } | null,
  current: { clientX: number; clientY: number; timeMs: number },
  windowMs = 300,
): boolean {
  return (
    previous !== null &&
    previous.clientX === current.clientX &&
    previous.clientY === current.clientY &&
    current.timeMs - previous.timeMs < windowMs
  );
}

/** A click that ends a drag (pan, zoom box, brush) is not a pick, even where the browser fires one. */
export function isDragRelease(
  down: { clientX: number; clientY: number } | null,
  click: { clientX: number; clientY: number },
  tolerancePx = 4,
): boolean {
  return (
    down !== null && Math.hypot(click.clientX - down.clientX, click.clientY - down.clientY) > tolerancePx
  );
}

/** Index of the value nearest `value` in ascending `values`; -1 when there is none. */
export function nearestAscendingIndex(values: readonly number[], value: number): number {
  if (values.length === 0 || !Number.isFinite(value)) return -1;
  let low = 0;
  let high = values.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (values[middle] < value) low = middle + 1;
    else high = middle;
  }
  return low > 0 && value - values[low - 1] < values[low] - value ? low - 1 : low;
}
