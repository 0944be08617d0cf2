/**
 * The loss chart's axes box: the steps and losses its axes must show, rounded out to "nice" values.
 * The training curves are drawn on a canvas (drawLossCurves); Plotly draws the axes, and a Plotly
 * redraw costs 60 ms on a busy 2-core machine. Rounded out, the box changes only when the run
 * passes a nice step count or its loss crosses a nice value: a handful of times a run, not every
 * step.
 */
import { pixelY, type PlaneView } from './latentPlane';
import { niceCeil, niceFloor } from './niceValues';

export interface LossAxesBox {
  xMax: number;
  yMin: number;
  yMax: number;
}

/** Fewer steps than this show on a chart of this many steps, so the first steps are not squeezed. */
const MIN_STEPS_SHOWN = 10;

/**
 * The box over the steps up to `lastStep` and the losses of `losses` (batch, validation): x from 0 to
 * a nice step count, y between nice values around the finite losses (positive ones on a log axis,
 * from 0 on a linear one when none is negative); null without a loss to show.
 */
export function lossAxesBox(
  lastStep: number,
  losses: readonly (readonly number[])[],
  logScale: boolean,
): LossAxesBox | null {
  let low = Infinity;
  let high = -Infinity;
  for (const list of losses)
    for (const loss of list) {
      if (!Number.isFinite(loss) || (logScale && loss <= 0)) continue;
      if (loss < low) low = loss;
      if (loss > high) high = loss;
    }
  if (low > high) return null;
  const xMax = niceCeil(Math.max(lastStep, MIN_STEPS_SHOWN));
  if (logScale) return { xMax, yMin: niceFloor(low), yMax: niceCeil(high) };
  const yMax = high > 0 ? niceCeil(high) : 0;
  const yMin = low >= 0 ? 0 : -niceCeil(-low);
  return { xMax, yMin, yMax: yMax > yMin ? yMax : yMin + 1 };
}

/** A loss in its axis's own scale: Plotly keeps a log axis's range in powers of ten; NaN where it cannot show. */
export function lossInAxisScale(loss: number, logScale: boolean): number {
  return logScale ? (loss > 0 ? Math.log10(loss) : NaN) : loss;
}

/** Where on the canvas (CSS pixels) a loss lies; NaN where the axis cannot show it. */
export function lossPixelY(view: PlaneView, loss: number, logScale: boolean): number {
  return pixelY(view, lossInAxisScale(loss, logScale));
}
