/**
 * Pure builders for the latent scatter: one scattergl trace per class (built once per set of
 * codes and reused, so hover, selection and clicks never rebuild 10k points), plus small
 * overlay traces for the selected image and the last decoded point.
 */
import type { Data, Layout, LayoutSelection, PlotDatum } from 'plotly.js-dist-min';
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

export interface LatentOverlay {
  selectedTestIndex: number | null;
  clickedPoint: { x: number; y: number } | null;
  dragMode: LatentDragMode;
  /** Bumped whenever the brush is cleared, so Plotly drops its drawn selection too. */
  selectionRevision: number;
  /** The drawn box/lasso shapes of the current brush (Plotly's `layout.selections`); [] for none. */
  brushSelections: LayoutSelection[];
}

function className(classNames: readonly string[], label: number): string {
  return classNames[label] ?? `class ${label}`;
}

/**
 * One trace per class in `classNames` (empty ones too, so the legend is always complete). Typed
 * arrays, filled in two passes: no per-point objects, and Plotly uses them without copying.
 */
export function buildClassTraces(
  codes: Float32Array,
  labels: Uint8Array,
  classNames: readonly string[],
): Data[] {
  const count = Math.min(labels.length, Math.floor(codes.length / 2));
  let classCount = classNames.length;
  const sizes = new Int32Array(256);
  for (let i = 0; i < count; i++) {
    // A diverging model can emit NaN codes; dropping them keeps the plot's autorange sane.
    if (!Number.isFinite(codes[2 * i]) || !Number.isFinite(codes[2 * i + 1])) continue;
    sizes[labels[i]]++;
    if (labels[i] >= classCount) classCount = labels[i] + 1;
  }
  const xs = Array.from({ length: classCount }, (_, label) => new Float32Array(sizes[label]));
  const ys = Array.from({ length: classCount }, (_, label) => new Float32Array(sizes[label]));
  const testIndices = Array.from({ length: classCount }, (_, label) => new Int32Array(sizes[label]));
  const filled = new Int32Array(classCount);
  for (let i = 0; i < count; i++) {
    const x = codes[2 * i];
    const y = codes[2 * i + 1];
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    const label = labels[i];
    const at = filled[label]++;
    xs[label][at] = x;
    ys[label][at] = y;
    testIndices[label][at] = i;
  }
  return xs.map((x, label) => ({
    type: 'scattergl',
    mode: 'markers',
    name: className(classNames, label),
    x,
    y: ys[label],
    customdata: testIndices[label],
    marker: { size: 3, color: CLASS_COLORS[label % CLASS_COLORS.length], opacity: 0.75 },
    hovertemplate: `${className(classNames, label)} · #%{customdata}<extra></extra>`,
  }));
}

/**
 * A brush dims every trace's unselected points; the overlays must stay visible. Spread in,
 * because @types/plotly.js lacks the (real) `unselected` attribute.
 */
const KEEP_VISIBLE_WHEN_BRUSHED = { unselected: { marker: { opacity: 1 } } };

/** A big ring around the selected image's code; empty (not absent) so trace numbers stay put. */
export function buildHighlightTrace(codes: Float32Array | null, selectedTestIndex: number | null): Data {
  const inRange = codes !== null && selectedTestIndex !== null && 2 * selectedTestIndex + 1 < codes.length;
  return {
    ...KEEP_VISIBLE_WHEN_BRUSHED,
    type: 'scattergl',
    mode: 'markers',
    name: 'selected',
    x: inRange ? [codes[2 * selectedTestIndex]] : [],
    y: inRange ? [codes[2 * selectedTestIndex + 1]] : [],
    marker: { size: 16, symbol: 'circle-open', color: '#111', line: { width: 3, color: '#111' } },
    showlegend: false,
    hoverinfo: 'skip',
  };
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
 * Where the user last clicked the plane. Drawn only inside `visibleBox` (the codes' extent):
 * Plotly's autorange counts every trace, and the codes move each epoch, so a stale click far
 * away would otherwise squash all 10k points into one dot.
 */
export function buildClickedPointTrace(
  clickedPoint: { x: number; y: number } | null,
  visibleBox: PlaneBox | null,
): Data {
  const shown =
    clickedPoint !== null &&
    (visibleBox === null ||
      (clickedPoint.x >= visibleBox.xMin &&
        clickedPoint.x <= visibleBox.xMax &&
        clickedPoint.y >= visibleBox.yMin &&
        clickedPoint.y <= visibleBox.yMax));
  return {
    ...KEEP_VISIBLE_WHEN_BRUSHED,
    type: 'scattergl',
    mode: 'markers',
    name: 'decoded point',
    x: shown ? [clickedPoint.x] : [],
    y: shown ? [clickedPoint.y] : [],
    marker: { size: 12, symbol: 'x', color: '#e0005a' },
    showlegend: false,
    hoverinfo: 'skip',
  };
}

// automargin: an untrained model's codes span ~1e-4, whose long tick labels need the room.
const AXIS = { zeroline: false, tickfont: { size: 9 }, automargin: true } as const;

/**
 * Plotly re-runs a brush whenever `layout.selections` differs from the last figure's, and a
 * layout without them re-runs it as an empty brush; so every figure carries the current ones.
 */
export function buildLatentLayout(
  dragMode: LatentDragMode,
  selectionRevision = 0,
  brushSelections: LayoutSelection[] = [],
): Partial<Layout> {
  return {
    selections: brushSelections,
    margin: { l: 30, r: 6, t: 6, b: 20 },
    xaxis: AXIS,
    yaxis: AXIS,
    hovermode: 'closest',
    dragmode: dragMode,
    // A constant revision keeps the user's zoom and legend toggles across epoch updates.
    uirevision: 'latent-plane',
    selectionrevision: selectionRevision,
    // The legend is HTML (ChartLegend): Plotly's own is re-laid out on every redraw of 10k points.
    showlegend: false,
    paper_bgcolor: 'rgba(0,0,0,0)',
    plot_bgcolor: '#fafafa',
  };
}

/**
 * Plotly writes a brush into the traces it was given (`selectedpoints`); fresh shallow copies
 * (the 10k-point arrays shared, not copied) are how a cleared brush un-dims the points.
 */
export function withoutSelection(classTraces: Data[]): Data[] {
  return classTraces.map((trace) => ({ ...trace, selectedpoints: undefined }));
}

/** The traces handed to Plotly, kept while a brush lasts and renewed when it is cleared. */
export interface SelectableTraces {
  source: Data[];
  brushed: readonly number[] | null;
  /** Counts the clears; becomes the layout's selectionrevision. */
  revision: number;
  traces: Data[];
}

export function nextSelectableTraces(
  previous: SelectableTraces | null,
  source: Data[],
  brushed: readonly number[] | null,
): SelectableTraces {
  const cleared = previous !== null && previous.brushed !== null && brushed === null;
  if (previous && previous.source === source && !cleared) {
    return previous.brushed === brushed ? previous : { ...previous, brushed };
  }
  const revision = (previous?.revision ?? 0) + (cleared ? 1 : 0);
  return { source, brushed, revision, traces: withoutSelection(source) };
}

export function buildLatentFigure(
  classTraces: Data[],
  codes: Float32Array | null,
  overlay: LatentOverlay,
): Figure {
  return {
    data: [
      ...classTraces,
      buildHighlightTrace(codes, overlay.selectedTestIndex),
      buildClickedPointTrace(overlay.clickedPoint, codesExtent(codes)),
    ],
    layout: buildLatentLayout(overlay.dragMode, overlay.selectionRevision, overlay.brushSelections),
  };
}

/** A copy of the drawn selections a `plotly_selected` event carries. */
export function brushSelectionsOf(event: unknown): LayoutSelection[] {
  const selections: unknown =
    typeof event === 'object' && event !== null ? Reflect.get(event, 'selections') : null;
  if (!Array.isArray(selections)) return [];
  return selections
    .filter((selection): selection is LayoutSelection => typeof selection === 'object' && selection !== null)
    .map((selection) => structuredClone(selection));
}

/** The test indices of a box/lasso selection, ascending, ignoring the overlay traces. */
export function testIndicesOfPoints(points: readonly Pick<PlotDatum, 'customdata'>[]): number[] {
  const indices = new Set<number>();
  for (const point of points) {
    if (typeof point.customdata === 'number' && Number.isInteger(point.customdata))
      indices.add(point.customdata);
  }
  return [...indices].sort((a, b) => a - b);
}
