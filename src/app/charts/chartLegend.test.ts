import { describe, expect, it } from 'vitest';
import { legendItemsOf, withHiddenTraces } from './chartLegend';
import { buildLossFigure } from './lossFigure';
import { buildMetricsFigure, metricsAxes } from './metricsFigure';
import type { TestTrace } from './testTrace';

const lossFigure = buildLossFigure(false);

describe('legendItemsOf', () => {
  it('lists the named traces with their colour and kind of mark', () => {
    const items = legendItemsOf(lossFigure.data);
    expect(items.map((item) => item.name)).toEqual([
      'train (raw)',
      'train (smoothed)',
      'validation',
      'best checkpoint',
    ]);
    expect(items[1]).toEqual({ name: 'train (smoothed)', color: '#1f77b4', mark: 'line', dashed: false });
    expect(items[2].mark).toBe('line+dot');
    expect(items[3]).toMatchObject({ mark: 'dot', color: '#ffbf00' });
  });

  it('keeps dashes and skips traces kept out of the legend', () => {
    const items = legendItemsOf(buildMetricsFigure(metricsAxes([], 5)).data);
    expect(items.find((item) => item.name.includes('global'))?.dashed).toBe(true);
    expect(legendItemsOf([{ type: 'scatter', name: 'hidden', showlegend: false }])).toEqual([]);
  });
});

describe('withHiddenTraces', () => {
  it('switches off only the named traces and leaves the figure given untouched', () => {
    const figure = withHiddenTraces(lossFigure, new Set(['validation']));
    const traces = figure.data as TestTrace[];
    expect(traces.map((trace) => trace.visible)).toEqual([undefined, undefined, false, undefined]);
    expect((lossFigure.data as TestTrace[])[2].visible).toBeUndefined();
    expect(lossFigure.layout.showlegend).toBe(false);
  });
});
