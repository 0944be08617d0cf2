import { describe, expect, it } from 'vitest';
import type { TestTrace } from './testTrace';
import { FASHION_MNIST_CLASSES } from '../../shared/dataset';
import {
  brushSelectionsOf,
  buildClassTraces,
  buildClickedPointTrace,
  buildHighlightTrace,
  codesExtent,
  buildLatentFigure,
  CLASS_COLORS,
  nextSelectableTraces,
  testIndicesOfPoints,
  withoutSelection,
} from './latentFigure';

// Five test images: codes (x, y) and labels.
const codes = Float32Array.from([0, 0, 1, 1, 2, 2, 3, 3, NaN, 4]);
const labels = Uint8Array.from([3, 0, 3, 9, 1]);

function asPlotData(trace: unknown): TestTrace {
  return trace as TestTrace;
}

describe('buildClassTraces', () => {
  const traces = buildClassTraces(codes, labels, FASHION_MNIST_CLASSES).map(asPlotData);

  it('makes one scattergl trace per class, named and coloured, empty classes included', () => {
    expect(traces).toHaveLength(10);
    expect(traces.map((t) => t.name)).toEqual([...FASHION_MNIST_CLASSES]);
    expect(traces.every((t) => t.type === 'scattergl')).toBe(true);
    expect(traces[7].marker?.color).toBe(CLASS_COLORS[7]);
    expect(Array.from(traces[5].x ?? [])).toEqual([]);
  });

  it('carries each point’s test index as customdata, in step with x and y', () => {
    expect(traces[3].x).toBeInstanceOf(Float32Array);
    expect(traces[3].customdata).toBeInstanceOf(Int32Array);
    expect(Array.from(traces[3].customdata ?? [])).toEqual([0, 2]);
    expect(Array.from(traces[3].x ?? [])).toEqual([0, 2]);
    expect(Array.from(traces[3].y ?? [])).toEqual([0, 2]);
    expect(Array.from(traces[0].customdata ?? [])).toEqual([1]);
    expect(Array.from(traces[9].customdata ?? [])).toEqual([3]);
  });

  it('drops non-finite codes', () => {
    expect(Array.from(traces[1].customdata ?? [])).toEqual([]);
  });

  it('names the class and index in the hover text', () => {
    expect(traces[9].hovertemplate).toContain('Ankle boot');
    expect(traces[9].hovertemplate).toContain('%{customdata}');
  });
});

describe('buildHighlightTrace', () => {
  it('rings the selected image’s code', () => {
    const trace = asPlotData(buildHighlightTrace(codes, 2));
    expect(trace.x).toEqual([2]);
    expect(trace.y).toEqual([2]);
    expect(trace.marker?.symbol).toBe('circle-open');
    expect(trace.showlegend).toBe(false);
    expect(trace).toHaveProperty('unselected.marker.opacity', 1);
  });

  it('is empty without a selection or for an index beyond the codes', () => {
    expect(asPlotData(buildHighlightTrace(codes, null)).x).toEqual([]);
    expect(asPlotData(buildHighlightTrace(codes, 5)).x).toEqual([]);
    expect(asPlotData(buildHighlightTrace(null, 1)).x).toEqual([]);
  });
});

describe('buildLatentFigure', () => {
  it('puts the highlight and clicked-point traces on top and reuses the class traces', () => {
    const classTraces = buildClassTraces(codes, labels, FASHION_MNIST_CLASSES);
    const figure = buildLatentFigure(classTraces, codes, {
      selectedTestIndex: 1,
      clickedPoint: { x: 0.5, y: -0.5 },
      dragMode: 'select',
      selectionRevision: 3,
      brushSelections: [{ type: 'rect', x0: 0, x1: 1, y0: 0, y1: 1 }],
    });
    expect(figure.data).toHaveLength(12);
    expect(figure.data[0]).toBe(classTraces[0]);
    expect(asPlotData(figure.data[10]).x).toEqual([1]);
    expect(asPlotData(figure.data[11]).x).toEqual([0.5]);
    expect(figure.layout.dragmode).toBe('select');
    expect(figure.layout.uirevision).toBeDefined();
    expect(figure.layout.selectionrevision).toBe(3);
    // Carried in every figure, or Plotly re-runs the brush as an empty one.
    expect(figure.layout).toHaveProperty('selections', [{ type: 'rect', x0: 0, x1: 1, y0: 0, y1: 1 }]);
  });

  it('clears a brush Plotly wrote into the traces, sharing the point arrays', () => {
    const classTraces = buildClassTraces(codes, labels, FASHION_MNIST_CLASSES);
    Object.assign(classTraces[3], { selectedpoints: [0] });
    const fresh = withoutSelection(classTraces).map(asPlotData);
    expect(fresh[3].selectedpoints).toBeUndefined();
    expect(fresh[3].x).toBe(asPlotData(classTraces[3]).x);
  });
});

describe('nextSelectableTraces', () => {
  const source = buildClassTraces(codes, labels, FASHION_MNIST_CLASSES);

  it('keeps the same traces while a brush comes and lasts, so Plotly keeps its selection', () => {
    const first = nextSelectableTraces(null, source, null);
    expect(first.revision).toBe(0);
    expect(nextSelectableTraces(first, source, null)).toBe(first);
    const brushed = nextSelectableTraces(first, source, [1, 2]);
    expect(brushed.traces).toBe(first.traces);
    expect(brushed.revision).toBe(0);
  });

  it('renews the traces and bumps the revision when the brush is cleared', () => {
    const brushed = nextSelectableTraces(nextSelectableTraces(null, source, null), source, [1, 2]);
    const cleared = nextSelectableTraces(brushed, source, null);
    expect(cleared.revision).toBe(1);
    expect(cleared.traces).not.toBe(brushed.traces);
  });

  it('renews the traces for new codes without counting a clear', () => {
    const first = nextSelectableTraces(null, source, [3]);
    const renewed = nextSelectableTraces(first, buildClassTraces(codes, labels, FASHION_MNIST_CLASSES), [3]);
    expect(renewed.traces).not.toBe(first.traces);
    expect(renewed.revision).toBe(0);
  });
});

describe('codesExtent and the clicked point', () => {
  it('pads the finite codes’ box', () => {
    expect(codesExtent(codes, 0)).toEqual({ xMin: 0, xMax: 3, yMin: 0, yMax: 3 });
    expect(codesExtent(codes, 0.5)).toEqual({ xMin: -1.5, xMax: 4.5, yMin: -1.5, yMax: 4.5 });
    expect(codesExtent(null)).toBeNull();
    expect(codesExtent(Float32Array.from([NaN, 1]))).toBeNull();
  });

  it('hides a clicked point far outside the codes, so autorange keeps the points spread', () => {
    const box = codesExtent(codes);
    expect(asPlotData(buildClickedPointTrace({ x: 1, y: 2 }, box)).x).toEqual([1]);
    expect(asPlotData(buildClickedPointTrace({ x: 40, y: 2 }, box)).x).toEqual([]);
    expect(asPlotData(buildClickedPointTrace({ x: 40, y: 2 }, null)).x).toEqual([40]);
    expect(asPlotData(buildClickedPointTrace(null, box)).x).toEqual([]);
  });
});

describe('brushSelectionsOf', () => {
  it('copies the drawn selections of a plotly_selected event', () => {
    const drawn = { type: 'rect', x0: 0, x1: 2, y0: 1, y1: 3 };
    const copied = brushSelectionsOf({ points: [], selections: [drawn, null] });
    expect(copied).toEqual([drawn]);
    expect(copied[0]).not.toBe(drawn);
    expect(brushSelectionsOf({ points: [] })).toEqual([]);
    expect(brushSelectionsOf(undefined)).toEqual([]);
  });
});

describe('testIndicesOfPoints', () => {
  it('returns unique integer test indices ascending, skipping overlay points', () => {
    expect(
      testIndicesOfPoints([{ customdata: 7 }, { customdata: 2 }, { customdata: 7 }, { customdata: null }]),
    ).toEqual([2, 7]);
  });
});
