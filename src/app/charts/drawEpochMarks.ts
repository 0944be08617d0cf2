/**
 * Draws the loss chart's per-epoch marks on the canvas under Plotly's axes: the validation loss
 * line with its markers, the best checkpoint's star and a dotted line at each learning-rate drop.
 * They change at every epoch end; drawn here they cost under a millisecond, where a Plotly redraw
 * of the same few points held a busy 2-core machine's main thread for 35–93 ms.
 */
import type { EpochRecord } from '../store/lossSlice';
import { drawOneSeries, drawVerticalMark } from './drawSeries';
import { pixelX, type PlaneView } from './latentPlane';
import { lossInAxisScale, lossPixelY } from './lossAxes';

export const VALIDATION_COLOR = '#d62728';
export const BEST_COLOR = '#ffbf00';
export const LR_DROP_COLOR = '#9467bd';

export interface EpochMarks {
  records: readonly EpochRecord[];
  showValidation: boolean;
  showBest: boolean;
  logScale: boolean;
}

/** The record with the lowest validation loss (the first of equals); null without records. */
export function bestRecord(records: readonly EpochRecord[]): EpochRecord | null {
  return records.reduce<EpochRecord | null>(
    (found, record) => (found === null || record.validationLoss < found.validationLoss ? record : found),
    null,
  );
}

/** A five-pointed star of outer radius `radius` centred on (x, y), as a closed path. */
function starPath(context: CanvasRenderingContext2D, x: number, y: number, radius: number): void {
  context.beginPath();
  for (let corner = 0; corner < 10; corner++) {
    const angle = -Math.PI / 2 + (corner * Math.PI) / 5;
    const reach = corner % 2 === 0 ? radius : radius * 0.45;
    const px = x + reach * Math.cos(angle);
    const py = y + reach * Math.sin(angle);
    if (corner === 0) context.moveTo(px, py);
    else context.lineTo(px, py);
  }
  context.closePath();
}

function drawLearningRateDrops(
  context: CanvasRenderingContext2D,
  records: readonly EpochRecord[],
  view: PlaneView,
) {
  context.font = '9px sans-serif';
  context.textBaseline = 'top';
  for (const record of records) {
    if (!record.learningRateDropped) continue;
    drawVerticalMark(context, { x: record.step, color: LR_DROP_COLOR, width: 1.5, dash: [2, 3] }, view);
    context.fillStyle = LR_DROP_COLOR;
    context.fillText(
      `lr→${record.learningRate.toExponential(1)}`,
      pixelX(view, record.step) + 3,
      view.top + 2,
    );
  }
}

/**
 * Draws the marks inside a plot area already begun (beginPlotArea); returns the validation points
 * on screen.
 */
export function drawEpochMarks(
  context: CanvasRenderingContext2D,
  marks: EpochMarks,
  view: PlaneView,
): number {
  if (marks.records.length === 0) return 0;
  drawLearningRateDrops(context, marks.records, view);
  const shown = marks.showValidation
    ? drawOneSeries(
        context,
        {
          name: 'validation',
          x: marks.records.map((record) => record.step),
          y: marks.records.map((record) => lossInAxisScale(record.validationLoss, marks.logScale)),
          color: VALIDATION_COLOR,
          lineWidth: 2,
          dash: [],
          markerRadius: 3,
        },
        view,
      )
    : 0;
  const best = bestRecord(marks.records);
  const bestY = best ? lossPixelY(view, best.validationLoss, marks.logScale) : NaN;
  if (marks.showBest && best && Number.isFinite(bestY)) {
    starPath(context, pixelX(view, best.step), bestY, 7);
    context.fillStyle = BEST_COLOR;
    context.fill();
    context.strokeStyle = '#000';
    context.lineWidth = 1;
    context.stroke();
  }
  return shown;
}
