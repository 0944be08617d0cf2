/**
 * Draws the loss chart's training curves (raw batch losses and their smoothed line) on the canvas
 * under Plotly's axes, in the axes' own scale (a log axis's range is in powers of ten).
 */
import { beginPlotArea, pixelX, pixelY, type PlaneView } from './latentPlane';

export const RAW_LOSS_COLOR = 'rgba(31,119,180,0.25)';
export const SMOOTHED_LOSS_COLOR = '#1f77b4';

export interface LossCurves {
  steps: readonly number[];
  raw: readonly number[];
  smoothed: readonly number[];
  showRaw: boolean;
  showSmoothed: boolean;
  logScale: boolean;
}

/** Where on the canvas (CSS pixels) a loss lies; NaN where the axis cannot show it. */
export function lossPixelY(view: PlaneView, loss: number, logScale: boolean): number {
  return pixelY(view, logScale ? (loss > 0 ? Math.log10(loss) : NaN) : loss);
}

/**
 * One polyline; a loss the axis cannot show (NaN, ≤ 0 on a log axis) breaks it. Losses that fall
 * in one pixel column are drawn as that column's first, lowest, highest and last point, so a run of
 * 100 epochs (47,000 steps) costs a few hundred path points, not 47,000, and looks the same.
 * Returns the points on screen: those whose step lies inside the x axis's range.
 */
function strokeCurve(
  context: CanvasRenderingContext2D,
  steps: readonly number[],
  losses: readonly number[],
  view: PlaneView,
  logScale: boolean,
): number {
  let drawn = 0;
  let penDown = false;
  // The pixel column being gathered and its first, lowest, highest and last y.
  let column = NaN;
  let count = 0;
  let first = 0;
  let low = 0;
  let high = 0;
  let last = 0;
  const flush = () => {
    if (count === 0) return;
    if (penDown) context.lineTo(column, first);
    else context.moveTo(column, first);
    penDown = true;
    if (count > 1) {
      context.lineTo(column, low);
      context.lineTo(column, high);
      context.lineTo(column, last);
    }
    count = 0;
  };
  context.beginPath();
  for (let i = 0; i < steps.length; i++) {
    const y = lossPixelY(view, losses[i], logScale);
    if (!Number.isFinite(y)) {
      flush();
      penDown = false;
      continue;
    }
    if (steps[i] >= view.x[0] && steps[i] <= view.x[1]) drawn += 1;
    const x = Math.round(pixelX(view, steps[i]));
    if (count > 0 && x === column) {
      low = Math.min(low, y);
      high = Math.max(high, y);
      last = y;
      count += 1;
      continue;
    }
    flush();
    column = x;
    first = low = high = last = y;
    count = 1;
  }
  flush();
  context.stroke();
  return drawn;
}

/** Clears the canvas and draws the shown curves inside the plot area; returns the points on screen. */
export function drawLossCurves(
  context: CanvasRenderingContext2D,
  curves: LossCurves | null,
  view: PlaneView,
  pixelRatio: number,
): number {
  beginPlotArea(context, view, pixelRatio);
  if (!curves) {
    context.restore();
    return 0;
  }
  context.lineJoin = 'round';
  let drawn = 0;
  if (curves.showRaw) {
    context.strokeStyle = RAW_LOSS_COLOR;
    context.lineWidth = 1;
    drawn += strokeCurve(context, curves.steps, curves.raw, view, curves.logScale);
  }
  if (curves.showSmoothed) {
    context.strokeStyle = SMOOTHED_LOSS_COLOR;
    context.lineWidth = 2;
    drawn += strokeCurve(context, curves.steps, curves.smoothed, view, curves.logScale);
  }
  context.restore();
  return drawn;
}

/** Index of the step nearest `step` in ascending `steps`; -1 when there is none. */
export function nearestStepIndex(steps: readonly number[], step: number): number {
  if (steps.length === 0 || !Number.isFinite(step)) return -1;
  let low = 0;
  let high = steps.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (steps[middle] < step) low = middle + 1;
    else high = middle;
  }
  return low > 0 && step - steps[low - 1] < steps[low] - step ? low - 1 : low;
}
