/**
 * Where a drawn Plotly plot's area is and what it shows: its axis ranges and its box (Plotly's
 * `.nsewdrag` drag layer) in pixels from an origin: the points' canvas, or the viewport for
 * mouse events.
 */
import { currentAxisRanges, type AxisRange } from './planePicking';
import type { PlaneView } from './latentPlane';

/** The viewport's own origin: a view measured from it is in the pixels of mouse events. */
export const CLIENT_ORIGIN = { left: 0, top: 0 };

/**
 * The plot's view with pixels counted from `origin` (client coordinates); `ranges` overrides the
 * drawn ones (a pan in progress reports its ranges before Plotly stores them).
 */
export function planeViewOf(
  plot: HTMLElement,
  origin: { left: number; top: number },
  ranges: { x: AxisRange; y: AxisRange } | null = currentAxisRanges(plot),
): PlaneView | null {
  const area = plot.querySelector('.nsewdrag')?.getBoundingClientRect();
  if (!area || !ranges || area.width <= 0 || area.height <= 0) return null;
  return {
    x: ranges.x,
    y: ranges.y,
    left: area.left - origin.left,
    top: area.top - origin.top,
    width: area.width,
    height: area.height,
  };
}

function finiteNumber(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/**
 * The ranges a `plotly_relayouting` event (a pan or zoom in progress) carries, filled in from
 * `drawn` where it names only some of them; null when it names none.
 */
export function rangesOfRelayout(
  event: unknown,
  drawn: { x: AxisRange; y: AxisRange } | null,
): { x: AxisRange; y: AxisRange } | null {
  if (typeof event !== 'object' || event === null || !drawn) return null;
  const field = (key: string) => finiteNumber(Reflect.get(event, key));
  const x0 = field('xaxis.range[0]');
  const x1 = field('xaxis.range[1]');
  const y0 = field('yaxis.range[0]');
  const y1 = field('yaxis.range[1]');
  if (x0 === null && x1 === null && y0 === null && y1 === null) return null;
  return { x: [x0 ?? drawn.x[0], x1 ?? drawn.x[1]], y: [y0 ?? drawn.y[0], y1 ?? drawn.y[1]] };
}

/** Whether a mouse event fell inside the plot area of `view` (client pixels) and not on Plotly's mode bar. */
export function isOnPlane(view: PlaneView, event: MouseEvent): boolean {
  const onModeBar = event.target instanceof Element && event.target.closest('.modebar-container, .modebar');
  const fractionX = (event.clientX - view.left) / view.width;
  const fractionY = (event.clientY - view.top) / view.height;
  return !onModeBar && fractionX >= 0 && fractionX <= 1 && fractionY >= 0 && fractionY <= 1;
}
