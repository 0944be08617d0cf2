/**
 * Whether a new figure is the drawn one with points appended to some traces (a loss curve during
 * training), and if so which points: Plotly.extendTraces then adds them to the plot it holds,
 * instead of Plotly.react diffing every trace of a rebuilt figure.
 */
import type { Data } from 'plotly.js-dist-min';
import type { Figure } from './PlotlyChart';

/** Plotly.extendTraces' arguments: the new x and y points of each trace in `indices`. */
export interface TraceExtension {
  indices: number[];
  x: number[][];
  y: number[][];
}

function numbersOf(trace: Data, axis: 'x' | 'y'): readonly number[] | null {
  const values: unknown = Reflect.get(trace, axis);
  return Array.isArray(values) && values.every((value) => typeof value === 'number') ? values : null;
}

function withoutPoints(trace: Data): string {
  return JSON.stringify({ ...trace, x: undefined, y: undefined });
}

function startsWith(values: readonly number[], prefix: readonly number[]): boolean {
  return values.length >= prefix.length && prefix.every((value, i) => Object.is(value, values[i]));
}

/**
 * The points `next` appends to the `extendable` traces of `drawn`, or null when anything else
 * differs (layout, another trace, a trace's style, a changed or removed point) or nothing grew.
 */
export function traceExtension(
  drawn: Figure | null,
  next: Figure,
  extendable: readonly number[],
): TraceExtension | null {
  if (drawn === null || drawn.data.length !== next.data.length) return null;
  if (JSON.stringify(drawn.layout) !== JSON.stringify(next.layout)) return null;
  const extension: TraceExtension = { indices: [], x: [], y: [] };
  for (let index = 0; index < next.data.length; index++) {
    const [before, after] = [drawn.data[index], next.data[index]];
    if (before === after) continue;
    // The small traces (validation, best checkpoint) are rebuilt each time: equal is unchanged.
    if (!extendable.includes(index)) {
      if (JSON.stringify(before) !== JSON.stringify(after)) return null;
      continue;
    }
    if (withoutPoints(before) !== withoutPoints(after)) return null;
    const [xBefore, yBefore, xAfter, yAfter] = [
      numbersOf(before, 'x'),
      numbersOf(before, 'y'),
      numbersOf(after, 'x'),
      numbersOf(after, 'y'),
    ];
    if (!xBefore || !yBefore || !xAfter || !yAfter || xBefore.length !== yBefore.length) return null;
    if (xAfter.length !== yAfter.length) return null;
    if (!startsWith(xAfter, xBefore) || !startsWith(yAfter, yBefore)) return null;
    if (xAfter.length === xBefore.length) continue;
    extension.indices.push(index);
    extension.x.push(xAfter.slice(xBefore.length));
    extension.y.push(yAfter.slice(yBefore.length));
  }
  return extension.indices.length > 0 ? extension : null;
}
