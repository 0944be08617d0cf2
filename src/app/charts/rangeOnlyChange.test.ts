import { describe, expect, it } from 'vitest';
import { buildMetricsFigure } from './metricsFigure';
import { figureShape, rangeOnlyUpdate } from './rangeOnlyChange';

const metrics = (psnr: [number, number] | null, ssim: [number, number] | null = [0, 1]) =>
  figureShape(buildMetricsFigure({ epochs: [0.5, 10.5], psnr, ssim }));

describe('rangeOnlyUpdate', () => {
  it('updates only the ranges that moved when nothing else did', () => {
    expect(rangeOnlyUpdate(metrics([10, 20]), metrics([10, 25]))).toEqual({ 'yaxis.range': [10, 25] });
    expect(rangeOnlyUpdate(metrics([10, 20], [0, 1]), metrics([10, 20], [0.5, 1]))).toEqual({
      'yaxis2.range': [0.5, 1],
    });
  });

  it('asks for a full redraw when an axis gains a range, anything else changes, or there was none', () => {
    // The metrics' PSNR axis has a range before its first value, so that value is ticks-only too.
    expect(rangeOnlyUpdate(metrics(null), metrics([10, 20]))).toEqual({ 'yaxis.range': [10, 20] });
    const autoranged = figureShape({ data: [], layout: { xaxis: {}, yaxis: {} } });
    const ranged = figureShape({ data: [], layout: { xaxis: { range: [0, 1] }, yaxis: {} } });
    expect(rangeOnlyUpdate(autoranged, ranged)).toBeNull();
    const wider = figureShape(buildMetricsFigure({ epochs: [0.5, 30.5], psnr: [10, 20], ssim: [0, 1] }));
    // 30 epochs change the x axis's ticks (dtick), not only its range.
    expect(rangeOnlyUpdate(metrics([10, 20]), wider)).toBeNull();
    expect(rangeOnlyUpdate(null, metrics([10, 20]))).toBeNull();
  });

  it('has nothing to update when nothing moved', () => {
    expect(rangeOnlyUpdate(metrics([10, 20]), metrics([10, 20]))).toEqual({});
  });

  it('reads the ranges before Plotly writes into the layout', () => {
    const figure = buildMetricsFigure({ epochs: [0.5, 10.5], psnr: [10, 20], ssim: [0, 1] });
    const shape = figureShape(figure);
    (figure.layout.yaxis as { range: number[] }).range[1] = 99;
    expect(shape.ranges.yaxis).toEqual([10, 20]);
  });
});
