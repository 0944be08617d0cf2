/**
 * One redraw of a chart: Plotly.extendTraces when the new figure only appends points to the
 * traces that may grow (it hands Plotly the new points alone), otherwise Plotly.react.
 */
import type { Config, PlotlyHTMLElement } from 'plotly.js-dist-min';
import type { Figure } from './PlotlyChart';
import { traceExtension } from './traceExtension';

/** The part of Plotly a redraw calls. */
export interface PlotlyRedraw {
  react(
    element: HTMLElement,
    data: Figure['data'],
    layout: Figure['layout'],
    config: Partial<Config>,
  ): Promise<PlotlyHTMLElement>;
  extendTraces(
    element: HTMLElement,
    update: { x: number[][]; y: number[][] },
    indices: number[],
  ): Promise<PlotlyHTMLElement>;
}

/**
 * Draws `next` where `drawn` was drawn last (null: nothing yet, or purged). Plotly.extendTraces
 * writes the longer arrays into the traces it holds, i.e. `drawn`'s: they are Plotly's from then on.
 */
export function redrawChart(
  plotly: PlotlyRedraw,
  element: HTMLElement,
  drawn: Figure | null,
  next: Figure,
  extendable: readonly number[],
  config: Partial<Config>,
): Promise<PlotlyHTMLElement> {
  const extension = extendable.length > 0 ? traceExtension(drawn, next, extendable) : null;
  if (extension) return plotly.extendTraces(element, { x: extension.x, y: extension.y }, extension.indices);
  return plotly.react(element, next.data, next.layout, config);
}
