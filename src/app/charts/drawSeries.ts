/**
 * Line-and-marker series drawn on the canvas under a Plotly plot's axes: the test metrics per
 * epoch, PSNR against noise with the slider's mark. They change at every epoch end (and the mark
 * with every slider move); drawn here they cost under a millisecond, where a Plotly redraw of the
 * same few points held a busy 2-core machine's main thread for 130–150 ms.
 */
import { beginPlotArea, pixelX, pixelY, type PlaneView } from './latentPlane';
import type { AxisRange } from './planePicking';

/** Plotly's grid lies over the canvas: translucent, so it does not cut the lines and markers. */
export const GRID_OVER_CANVAS = 'rgba(0,0,0,0.07)';

export interface Series {
  name: string;
  x: readonly number[];
  y: readonly number[];
  color: string;
  /** Line width in CSS pixels; 0 draws the markers alone. */
  lineWidth: number;
  /** The line's dash pattern in CSS pixels; empty for a solid line. */
  dash: readonly number[];
  /** Marker radius in CSS pixels; 0 draws no markers. */
  markerRadius: number;
  /** A ring round each marker, which keeps it visible over lines. */
  markerOutline?: string;
  /** Read on the right-hand axis (the scene's `rightRange`) instead of the left one. */
  rightAxis?: boolean;
}

/** A line across the whole plot height at one x, e.g. the noise slider's level. */
export interface VerticalMark {
  x: number;
  color: string;
  width: number;
  dash: readonly number[];
}

export interface SeriesScene {
  series: readonly Series[];
  /** The right-hand axis's range, which the chart's figure fixes; used by series read on it. */
  rightRange?: AxisRange;
  verticals?: readonly VerticalMark[];
}

/** The series's points in CSS pixels; a point the axes cannot place is NaN and breaks the line. */
function pixelsOf(series: Series, view: PlaneView): { x: number; y: number }[] {
  return series.x.map((x, i) => ({ x: pixelX(view, x), y: pixelY(view, series.y[i]) }));
}

function strokeLine(context: CanvasRenderingContext2D, points: readonly { x: number; y: number }[]) {
  context.beginPath();
  let penDown = false;
  for (const { x, y } of points) {
    if (!Number.isFinite(x) || !Number.isFinite(y)) {
      penDown = false;
      continue;
    }
    if (penDown) context.lineTo(x, y);
    else context.moveTo(x, y);
    penDown = true;
  }
  context.stroke();
}

/**
 * One series's line and markers, inside a plot area already begun (beginPlotArea); returns its
 * points inside the plot area.
 */
export function drawOneSeries(context: CanvasRenderingContext2D, series: Series, view: PlaneView): number {
  const points = pixelsOf(series, view);
  context.strokeStyle = series.color;
  context.fillStyle = series.color;
  if (series.lineWidth > 0) {
    context.lineWidth = series.lineWidth;
    context.lineJoin = 'round';
    context.setLineDash([...series.dash]);
    strokeLine(context, points);
  }
  context.setLineDash([]);
  let inside = 0;
  for (const { x, y } of points) {
    const shown =
      x >= view.left && x <= view.left + view.width && y >= view.top && y <= view.top + view.height;
    if (shown) inside += 1;
    if (series.markerRadius <= 0 || !shown) continue;
    context.beginPath();
    context.arc(x, y, series.markerRadius, 0, 2 * Math.PI);
    context.fill();
    if (series.markerOutline) {
      context.strokeStyle = series.markerOutline;
      context.lineWidth = 1;
      context.stroke();
      context.strokeStyle = series.color;
    }
  }
  return inside;
}

/** A vertical mark across the plot area, inside a plot area already begun (beginPlotArea). */
export function drawVerticalMark(
  context: CanvasRenderingContext2D,
  mark: VerticalMark,
  view: PlaneView,
): void {
  const x = pixelX(view, mark.x);
  context.strokeStyle = mark.color;
  context.lineWidth = mark.width;
  context.setLineDash([...mark.dash]);
  strokeLine(context, [
    { x, y: view.top },
    { x, y: view.top + view.height },
  ]);
  context.setLineDash([]);
}

/** Clears the canvas and draws the verticals, then each series; returns the points inside the plot area. */
export function drawSeries(
  context: CanvasRenderingContext2D,
  scene: SeriesScene,
  view: PlaneView,
  pixelRatio: number,
): number {
  beginPlotArea(context, view, pixelRatio);
  for (const mark of scene.verticals ?? []) drawVerticalMark(context, mark, view);
  let inside = 0;
  for (const series of scene.series)
    inside += drawOneSeries(
      context,
      series,
      series.rightAxis && scene.rightRange ? { ...view, y: scene.rightRange } : view,
    );
  context.restore();
  return inside;
}
