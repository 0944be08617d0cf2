import { describe, expect, it } from 'vitest';
import { formatMetric, latestMetrics, METRIC_DECIMALS, NO_VALUE } from './metricsFormat';

const record = (epoch: number, psnr: number) => ({ epoch, mse: 0.0296, psnr, ssim: 0.4841, ssimGlobal: 0.8 });

describe('latestMetrics', () => {
  it('picks the highest epoch, the later record on a tie', () => {
    expect(latestMetrics([])).toBeNull();
    expect(latestMetrics([record(2, 15), record(5, 16), record(3, 14)])?.epoch).toBe(5);
    expect(latestMetrics([record(5, 16), record(5, 17)])?.psnr).toBe(17);
  });
});

describe('formatMetric', () => {
  it('formats to the reference table digits and shows a dash before any value', () => {
    expect(formatMetric(0.02963, METRIC_DECIMALS.mse)).toBe('0.0296');
    expect(formatMetric(15.9312, METRIC_DECIMALS.psnr)).toBe('15.93');
    expect(formatMetric(0.4841, METRIC_DECIMALS.ssim)).toBe('0.484');
    expect(formatMetric(undefined, 3)).toBe(NO_VALUE);
    expect(formatMetric(NaN, 3)).toBe(NO_VALUE);
  });
});
