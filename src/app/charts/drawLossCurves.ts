/**
 * Draws the loss chart on the canvas under Plotly's axes: the training curves (raw batch losses and
 * their smoothed line) over the per-epoch marks (drawEpochMarks), in the axes' own scale (a log
 * axis's range is in powers of ten). Plotly draws only the axes.
 */
import { drawEpochMarks, type EpochMarks } from './drawEpochMarks';
import { beginPlotArea, pixelX, type PlaneView } from './latentPlane';
import { lossPixelY } from './lossAxes';

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

/** Everything the loss chart's canvas shows; `curves` is null before the first step. */
export interface LossScene {
  curves: LossCurves | null;
  marks: EpochMarks;
}

/**
 * Clears the canvas and draws, inside the plot area, the per-epoch marks and then the shown curves
 * over them; returns the curves' points and the validation points on screen.
 */
export function drawLossChart(
  context: CanvasRenderingContext2D,
  { curves, marks }: LossScene,
  view: PlaneView,
  pixelRatio: number,
): { curvePoints: number; validationPoints: number } {
  beginPlotArea(context, view, pixelRatio);
  const validationPoints = drawEpochMarks(context, marks, view);
  let curvePoints = 0;
  context.lineJoin = 'round';
  if (curves?.showRaw) {
    context.strokeStyle = RAW_LOSS_COLOR;
    context.lineWidth = 1;
    curvePoints += strokeCurve(context, curves.steps, curves.raw, view, curves.logScale);
  }
  if (curves?.showSmoothed) {
    context.strokeStyle = SMOOTHED_LOSS_COLOR;
    context.lineWidth = 2;
    curvePoints += strokeCurve(context, curves.steps, curves.smoothed, view, curves.logScale);
  }
  context.restore();
  return { curvePoints, validationPoints };
}
