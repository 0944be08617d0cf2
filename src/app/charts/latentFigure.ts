/**
 * Pure builders for the latent scatter's Plotly figure. Plotly draws only the axes, the zoom and
 * the brush outlines; the points themselves are drawn on a canvas underneath
 * (drawLatentPlane.ts), so an epoch's new codes never cost a Plotly redraw of 10,000 points.
 */
import type { Layout } from 'plotly.js-dist-min';
import type { AxesView } from './axesView';
import type { LegendItem } from './chartLegend';
import type { Figure } from './PlotlyChart';

/** d3's category10: distinct on a projector and the palette students know from matplotlib. */
export const CLASS_COLORS = [
  '#1f77b4',
  '#ff7f0e',
  '#2ca02c',
  '#d62728',
  '#9467bd',
  '#8c564b',
  '#e377c2',
  '#7f7f7f',
  '#bcbd22',
  '#17becf',
];

export type LatentDragMode = 'zoom' | 'pan' | 'select' | 'lasso';

/** One legend item per class, in label order, empty classes included. */
export function classLegendItems(classNames: readonly string[]): LegendItem[] {
  return classNames.map((name, label) => ({
    name,
    color: CLASS_COLORS[label % CLASS_COLORS.length],
    mark: 'dot',
    dashed: false,
  }));
}

export interface PlaneBox {
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

/** The box of all finite codes, grown by `margin` of its span on each side; null without codes. */
export function codesExtent(codes: Float32Array | null, margin = 0.25): PlaneBox | null {
  if (!codes) return null;
  let xMin = Infinity;
  let xMax = -Infinity;
  let yMin = Infinity;
  let yMax = -Infinity;
  for (let i = 0; i + 1 < codes.length; i += 2) {
    const x = codes[i];
    const y = codes[i + 1];
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    if (x < xMin) xMin = x;
    if (x > xMax) xMax = x;
    if (y < yMin) yMin = y;
    if (y > yMax) yMax = y;
  }
  if (xMin > xMax) return null;
  const padX = (xMax - xMin) * margin;
  const padY = (yMax - yMin) * margin;
  return { xMin: xMin - padX, xMax: xMax + padX, yMin: yMin - padY, yMax: yMax + padY };
}

/**
 * A new axis object for every layout: Plotly writes the computed range into the layout it is given,
 * so one object shared by both axes (or by two figures) would carry the y range into the x axis
 * and an old range into the next figure.
 */
function axisLayout(): Partial<Layout['xaxis']> {
  return {
    zeroline: false,
    tickfont: { size: 9 },
    // Fixed margins (buildLatentLayout) instead of Plotly's automargin, which lays the plot out
    // twice: a redraw of the axes took 18 ms with it and 9 ms without, on an idle machine.
    automargin: false,
    // The grid is drawn over the points (the canvas lies under Plotly's SVG), so it is faint.
    gridcolor: 'rgba(0,0,0,0.07)',
  };
}

/**
 * Plotly zooms and pans; a box or lasso brush is ours (useLatentBrush), drawn on the points'
 * canvas, so Plotly's drag is off in those modes.
 */
export function buildLatentLayout(dragMode: LatentDragMode): Partial<Layout> {
  return {
    // Room for the longest tick labels: an untrained model's codes span ~1e-4 ("−0.00012").
    margin: { l: 46, r: 6, t: 6, b: 20 },
    xaxis: axisLayout(),
    yaxis: axisLayout(),
    hovermode: 'closest',
    dragmode: dragMode === 'zoom' || dragMode === 'pan' ? dragMode : false,
    // The legend is HTML (ChartLegend): Plotly's own is re-laid out on every redraw of 10k points.
    showlegend: false,
    // Transparent: the points' canvas underneath paints the plot area.
    paper_bgcolor: 'rgba(0,0,0,0)',
    plot_bgcolor: 'rgba(0,0,0,0)',
  };
}

/** Room left around the codes when the frame moves, so the next epochs' codes fit it too. */
const FRAME_ROOM = 0.1;
/** The codes must fill at least this share of each side of the frame, or it closes in on them. */
const FRAME_FILL = 0.5;

/**
 * The box the latent axes frame: `previous` while the codes' box `tight` stays inside it and fills
 * at least half of each of its sides; otherwise `tight` with room around it. Each new frame costs a
 * Plotly redraw of the ticks; the points are redrawn anyway.
 */
export function framedBox(previous: PlaneBox | null, tight: PlaneBox | null): PlaneBox | null {
  if (!tight) return null;
  const width = (box: PlaneBox) => box.xMax - box.xMin;
  const height = (box: PlaneBox) => box.yMax - box.yMin;
  if (
    previous &&
    tight.xMin >= previous.xMin &&
    tight.xMax <= previous.xMax &&
    tight.yMin >= previous.yMin &&
    tight.yMax <= previous.yMax &&
    width(tight) >= FRAME_FILL * width(previous) &&
    height(tight) >= FRAME_FILL * height(previous)
  )
    return previous;
  const padX = width(tight) * FRAME_ROOM;
  const padY = height(tight) * FRAME_ROOM;
  return {
    xMin: tight.xMin - padX,
    xMax: tight.xMax + padX,
    yMin: tight.yMin - padY,
    yMax: tight.yMax + padY,
  };
}

/** The axes' view of a frame (framedBox); null without codes. */
export function latentAxesView(box: PlaneBox | null): AxesView | null {
  return box ? { x: [box.xMin, box.xMax], y: [box.yMin, box.yMax] } : null;
}

/** The axes alone: the points are drawn on the canvas, the frame is the chart's view (latentAxesView). */
export function buildLatentFigure(dragMode: LatentDragMode): Figure {
  return { data: [], layout: buildLatentLayout(dragMode) };
}
