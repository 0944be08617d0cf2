import { describe, expect, it } from 'vitest';
import type { TestTrace } from './testTrace';
import { buildMetricsFigure } from './metricsFigure';

describe('buildMetricsFigure', () => {
  it('plots PSNR on the left axis and both SSIMs on the right, in epoch order', () => {
    const figure = buildMetricsFigure([
      { epoch: 2, mse: 0.03, psnr: 15.4, ssim: 0.45, ssimGlobal: 0.78 },
      { epoch: 1, mse: 0.04, psnr: 15.0, ssim: 0.42, ssimGlobal: 0.77 },
    ]);
    const [psnr, ssim, ssimGlobal] = figure.data as TestTrace[];
    expect(psnr.x).toEqual([1, 2]);
    expect(psnr.y).toEqual([15.0, 15.4]);
    expect(psnr.yaxis).toBeUndefined();
    expect(ssim.yaxis).toBe('y2');
    expect(ssimGlobal.yaxis).toBe('y2');
    expect(ssimGlobal.name).toContain('global');
    expect(figure.layout.yaxis2?.overlaying).toBe('y');
  });
});
