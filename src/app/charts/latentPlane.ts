/**
 * The latent plane's geometry, for points drawn on a canvas of our own under Plotly's axes: data
 * to pixels, the point under the pointer, and which points a box or lasso brush holds. A Plotly
 * redraw of 10,000 WebGL points took 33–47 ms of the main thread on an idle machine and hundreds
 * of ms while training; drawing them ourselves takes a few ms and Plotly keeps only the axes.
 */
import type { AxisRange } from './planePicking';

/** The axis ranges and where the plot area lies, in CSS pixels from the canvas's top-left. */
export interface PlaneView {
  x: AxisRange;
  y: AxisRange;
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Class labels whose points are not drawn (switched off in the legend). */
export type HiddenLabels = ReadonlySet<number>;

/**
 * Clears the whole canvas, then saves the context, sets CSS-pixel units (the backing store is
 * `pixelRatio` times larger) and clips to the plot area of `view`: call `context.restore()` after.
 */
export function beginPlotArea(context: CanvasRenderingContext2D, view: PlaneView, pixelRatio: number): void {
  context.setTransform(1, 0, 0, 1, 0, 0);
  context.clearRect(0, 0, context.canvas.width, context.canvas.height);
  context.save();
  context.setTransform(pixelRatio, 0, 0, pixelRatio, 0, 0);
  context.beginPath();
  context.rect(view.left, view.top, view.width, view.height);
  context.clip();
}

export function pixelX(view: PlaneView, x: number): number {
  return view.left + ((x - view.x[0]) / (view.x[1] - view.x[0])) * view.width;
}

export function pixelY(view: PlaneView, y: number): number {
  // Screen y grows downwards, data y upwards.
  return view.top + ((view.y[1] - y) / (view.y[1] - view.y[0])) * view.height;
}

function isShown(codes: Float32Array, labels: Uint8Array, hidden: HiddenLabels, index: number): boolean {
  return (
    Number.isFinite(codes[2 * index]) && Number.isFinite(codes[2 * index + 1]) && !hidden.has(labels[index])
  );
}

/**
 * The test index of the shown point nearest to the pixel (px, py), within `radiusPx`; null when
 * none is that close. A scan of 10,000 points takes well under a millisecond.
 */
export function nearestPointIndex(
  codes: Float32Array,
  labels: Uint8Array,
  hidden: HiddenLabels,
  view: PlaneView,
  px: number,
  py: number,
  radiusPx = 6,
): number | null {
  let best: number | null = null;
  let bestSquared = radiusPx * radiusPx;
  const count = Math.min(labels.length, Math.floor(codes.length / 2));
  for (let i = 0; i < count; i++) {
    if (!isShown(codes, labels, hidden, i)) continue;
    const dx = pixelX(view, codes[2 * i]) - px;
    const dy = pixelY(view, codes[2 * i + 1]) - py;
    const squared = dx * dx + dy * dy;
    if (squared <= bestSquared) {
      bestSquared = squared;
      best = i;
    }
  }
  return best;
}

/** A closed polygon in data coordinates: xs[i], ys[i] are its corners. */
export interface Polygon {
  xs: number[];
  ys: number[];
}

/** Even-odd ray casting: is (x, y) inside the polygon? */
export function insidePolygon(polygon: Polygon, x: number, y: number): boolean {
  const { xs, ys } = polygon;
  let inside = false;
  for (let i = 0, j = xs.length - 1; i < xs.length; j = i++) {
    const crosses = ys[i] > y !== ys[j] > y;
    if (crosses && x < ((xs[j] - xs[i]) * (y - ys[i])) / (ys[j] - ys[i]) + xs[i]) inside = !inside;
  }
  return inside;
}

/** The rectangle with opposite corners `a` and `b`. */
export function boxPolygon(a: { x: number; y: number }, b: { x: number; y: number }): Polygon {
  return { xs: [a.x, b.x, b.x, a.x], ys: [a.y, a.y, b.y, b.y] };
}

/** The test indices, ascending, of the shown points inside the brush's polygon. */
export function indicesInPolygon(
  codes: Float32Array,
  labels: Uint8Array,
  hidden: HiddenLabels,
  polygon: Polygon,
): number[] {
  const indices: number[] = [];
  const count = Math.min(labels.length, Math.floor(codes.length / 2));
  for (let i = 0; i < count; i++) {
    if (isShown(codes, labels, hidden, i) && insidePolygon(polygon, codes[2 * i], codes[2 * i + 1]))
      indices.push(i);
  }
  return indices;
}
