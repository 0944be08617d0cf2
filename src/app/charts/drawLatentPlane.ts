/**
 * Draws the latent plane's points on a 2-D canvas under Plotly's axes: one 3-px square per test
 * image in its class colour, classes in legend order (later classes on top, as Plotly stacks
 * traces), the brushed points over the dimmed rest, then the brush's outline, the selected image's
 * ring and the last decoded point's cross. 10,000 points draw in a few milliseconds.
 */
import { CLASS_COLORS } from './latentFigure';
import {
  beginPlotArea,
  pixelX,
  pixelY,
  type HiddenLabels,
  type PlaneView,
  type Polygon,
} from './latentPlane';

export interface LatentScene {
  /** The epoch the codes come from (0: the untrained model). */
  epoch: number;
  codes: Float32Array;
  labels: Uint8Array;
  /** Test indices in class order (see `classOrderOf`), so each class is drawn in one go. */
  order: Int32Array;
  hidden: HiddenLabels;
  /** The brushed test indices, or null when nothing is brushed. */
  brushed: ReadonlySet<number> | null;
  selectedTestIndex: number | null;
  clickedPoint: { x: number; y: number } | null;
  /** The box or lasso brush, drawn or being drawn, in data coordinates. */
  brushOutline: Polygon | null;
}

const POINT_PX = 3;
const POINT_OPACITY = 0.75;
/** Points outside a brush, as Plotly dims unselected points. */
const DIMMED_OPACITY = 0.15;
const PLOT_BACKGROUND = '#fafafa';

/** The test indices sorted by class label (stable): each class's points are then contiguous. */
export function classOrderOf(labels: Uint8Array): Int32Array {
  const starts = new Int32Array(257);
  for (const label of labels) starts[label + 1]++;
  for (let label = 1; label <= 256; label++) starts[label] += starts[label - 1];
  const order = new Int32Array(labels.length);
  labels.forEach((label, index) => (order[starts[label]++] = index));
  return order;
}

function drawPoints(
  context: CanvasRenderingContext2D,
  scene: LatentScene,
  view: PlaneView,
  brushedPass: boolean | null,
): number {
  const { codes, labels, order, hidden, brushed } = scene;
  const half = POINT_PX / 2;
  let label = -1;
  let drawn = 0;
  for (const index of order) {
    if (hidden.has(labels[index])) continue;
    if (brushedPass !== null && brushed && brushed.has(index) !== brushedPass) continue;
    const x = codes[2 * index];
    const y = codes[2 * index + 1];
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    const px = pixelX(view, x);
    const py = pixelY(view, y);
    // Outside the plot area (zoomed in, or axes not yet redrawn for new codes): not on screen.
    if (px < view.left || px > view.left + view.width || py < view.top || py > view.top + view.height)
      continue;
    if (labels[index] !== label) {
      label = labels[index];
      context.fillStyle = CLASS_COLORS[label % CLASS_COLORS.length];
    }
    context.fillRect(px - half, py - half, POINT_PX, POINT_PX);
    drawn++;
  }
  return drawn;
}

function drawOverlays(context: CanvasRenderingContext2D, scene: LatentScene, view: PlaneView): void {
  context.globalAlpha = 1;
  const { codes, selectedTestIndex, clickedPoint } = scene;
  if (selectedTestIndex !== null && 2 * selectedTestIndex + 1 < codes.length) {
    const x = codes[2 * selectedTestIndex];
    const y = codes[2 * selectedTestIndex + 1];
    if (Number.isFinite(x) && Number.isFinite(y)) {
      context.strokeStyle = '#111';
      context.lineWidth = 3;
      context.beginPath();
      context.arc(pixelX(view, x), pixelY(view, y), 8, 0, 2 * Math.PI);
      context.stroke();
    }
  }
  if (scene.brushOutline && scene.brushOutline.xs.length > 1) {
    const { xs, ys } = scene.brushOutline;
    context.strokeStyle = '#1d2330';
    context.lineWidth = 1;
    context.setLineDash([3, 3]);
    context.beginPath();
    xs.forEach((x, i) => context.lineTo(pixelX(view, x), pixelY(view, ys[i])));
    context.closePath();
    context.stroke();
    context.setLineDash([]);
  }
  if (clickedPoint) {
    const px = pixelX(view, clickedPoint.x);
    const py = pixelY(view, clickedPoint.y);
    context.strokeStyle = '#e0005a';
    context.lineWidth = 2.5;
    context.beginPath();
    context.moveTo(px - 5, py - 5);
    context.lineTo(px + 5, py + 5);
    context.moveTo(px + 5, py - 5);
    context.lineTo(px - 5, py + 5);
    context.stroke();
  }
}

/**
 * Draws the scene inside the plot area of `view` (CSS pixels) on a canvas whose backing store is
 * `pixelRatio` times its CSS size; everything outside the plot area is left clear. Returns the
 * number of points on screen (not hidden, finite, inside the plot area).
 */
export function drawLatentPlane(
  context: CanvasRenderingContext2D,
  scene: LatentScene | null,
  view: PlaneView,
  pixelRatio: number,
): number {
  beginPlotArea(context, view, pixelRatio);
  context.fillStyle = PLOT_BACKGROUND;
  context.fillRect(view.left, view.top, view.width, view.height);
  if (!scene) {
    context.restore();
    return 0;
  }
  let drawn = 0;
  if (scene.brushed) {
    context.globalAlpha = DIMMED_OPACITY;
    drawn += drawPoints(context, scene, view, false);
    context.globalAlpha = POINT_OPACITY;
    drawn += drawPoints(context, scene, view, true);
  } else {
    context.globalAlpha = POINT_OPACITY;
    drawn = drawPoints(context, scene, view, null);
  }
  drawOverlays(context, scene, view);
  context.restore();
  return drawn;
}
