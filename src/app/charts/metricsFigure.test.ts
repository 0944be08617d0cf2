import { describe, expect, it } from 'vitest';
import type { TestTrace } from './testTrace';
import {
  buildMetricsFigure,
  metricsAxes,
  metricsScene,
  sortedMetrics,
  SSIM_GLOBAL_SERIES,
} from './metricsFigure';

const history = [
  { epoch: 2, mse: 0.03, psnr: 15.4, ssim: 0.45, ssimGlobal: 0.78 },
  { epoch: 1, mse: 0.04, psnr: 15.0, ssim: 0.42, ssimGlobal: 0.77 },
];

describe('metrics chart', () => {
  it('frames the planned epochs and each metric on a nice range', () => {
    expect(metricsAxes(history, 30)).toEqual({
      epochs: [0.5, 30.5],
      psnr: [15, 20],
      ssim: [expect.closeTo(0.3, 12), 1],
    });
    // A run carried on past its plan widens the epochs.
    expect(metricsAxes([{ ...history[0], epoch: 40 }], 30).epochs).toEqual([0.5, 40.5]);
    expect(metricsAxes([], 5)).toEqual({ epochs: [0.5, 5.5], psnr: null, ssim: null });
  });

  it('puts PSNR on the left axis and both SSIMs on the right, with fixed ranges', () => {
    const figure = buildMetricsFigure(metricsAxes(history, 30));
    const [psnr, ssim, ssimGlobal] = figure.data as TestTrace[];
    expect(psnr.yaxis).toBeUndefined();
    expect(ssim.yaxis).toBe('y2');
    expect(ssimGlobal.yaxis).toBe('y2');
    expect(ssimGlobal.name).toContain('global');
    expect(figure.layout.yaxis2?.overlaying).toBe('y');
    expect(figure.layout.yaxis?.range).toEqual([15, 20]);
    expect(figure.data.every((trace) => (trace as TestTrace).x?.length === 0)).toBe(true);
  });

  it('draws the lines in epoch order, the SSIMs on the right range, less the hidden ones', () => {
    const axes = metricsAxes(history, 30);
    const scene = metricsScene(sortedMetrics(history), axes, new Set([SSIM_GLOBAL_SERIES]));
    expect(scene.series.map((line) => line.name)).toEqual(['PSNR (dB)', 'SSIM (Gaussian)']);
    expect(scene.series[0].x).toEqual([1, 2]);
    expect(scene.series[0].y).toEqual([15.0, 15.4]);
    expect(scene.series[1].rightAxis).toBe(true);
    expect(scene.rightRange).toEqual(axes.ssim);
  });
});
