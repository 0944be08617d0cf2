/**
 * Legends drawn as HTML beside a chart instead of by Plotly: Plotly re-lays its legend out on
 * every data update (about a third of a live chart's redraw), an HTML legend never changes.
 */
import type { Data } from 'plotly.js-dist-min';
import type { Figure } from './PlotlyChart';

export interface LegendItem {
  name: string;
  color: string;
  /** 'line', 'dot' (markers only) or both; dashed lines keep their dash. */
  mark: 'line' | 'dot' | 'line+dot';
  dashed: boolean;
}

function stringField(value: unknown, key: string): string | undefined {
  const field: unknown = typeof value === 'object' && value !== null ? Reflect.get(value, key) : undefined;
  return typeof field === 'string' ? field : undefined;
}

function legendItemOf(trace: Data): LegendItem | null {
  if (!trace.name || Reflect.get(trace, 'showlegend') === false) return null;
  const mode = stringField(trace, 'mode') ?? 'lines';
  const line: unknown = Reflect.get(trace, 'line');
  const marker: unknown = Reflect.get(trace, 'marker');
  const hasLine = mode.includes('lines');
  const mark = hasLine ? (mode.includes('markers') ? 'line+dot' : 'line') : 'dot';
  const color = (hasLine ? stringField(line, 'color') : undefined) ?? stringField(marker, 'color') ?? '#444';
  const dash = stringField(line, 'dash');
  return { name: trace.name, color, mark, dashed: hasLine && dash !== undefined && dash !== 'solid' };
}

/** One item per named trace, in trace order (as Plotly's own legend lists them). */
export function legendItemsOf(data: readonly Data[]): LegendItem[] {
  return data.map(legendItemOf).filter((item): item is LegendItem => item !== null);
}

/** The figure with the traces named in `hidden` switched off. */
export function withHiddenTraces(figure: Figure, hidden: ReadonlySet<string>): Figure {
  return {
    data: figure.data.map((trace) =>
      trace.name !== undefined && hidden.has(trace.name) ? { ...trace, visible: false } : trace,
    ),
    layout: figure.layout,
  };
}
