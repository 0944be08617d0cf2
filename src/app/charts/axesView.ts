/**
 * The view a zoomable chart's axes show: the app frames it (the loss chart's nice box, the latent
 * plane's codes), a user's zoom or pan overrides it until a double-click. Given to Plotly as fixed
 * ranges rather than as an invisible trace to autorange over, so that a new frame is a range-only
 * change (rangeOnlyChange.ts): a third of a full redraw's time.
 */
import type { AxisRange } from './planePicking';
import type { Figure } from './PlotlyChart';

export interface AxesView {
  x: AxisRange;
  y: AxisRange;
}

/** The figure with its x and y axes fixed on `view`; unchanged (autoranged) without one. */
export function withAxesView(figure: Figure, view: AxesView | null): Figure {
  if (!view) return figure;
  return {
    data: figure.data,
    layout: {
      ...figure.layout,
      xaxis: { ...figure.layout.xaxis, range: [...view.x], autorange: false },
      yaxis: { ...figure.layout.yaxis, range: [...view.y], autorange: false },
    },
  };
}

/** What a user's view is valid for: a view in linear units means nothing on a log axis. */
export function axisTypesOf(figure: Figure): string {
  return `${String(figure.layout.xaxis?.type)} ${String(figure.layout.yaxis?.type)}`;
}
