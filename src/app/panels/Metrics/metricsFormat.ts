/** The metrics panel's numbers: the latest epoch's values, formatted to meaningful digits. */
import type { MetricsRecord } from '../../../shared/protocol';

/** Shown before the first epoch has metrics. */
export const NO_VALUE = '–';

/** The record of the latest epoch (the worker may re-send an epoch, e.g. after restoring). */
export function latestMetrics(history: readonly MetricsRecord[]): MetricsRecord | null {
  return history.reduce<MetricsRecord | null>(
    (latest, record) => (latest === null || record.epoch >= latest.epoch ? record : latest),
    null,
  );
}

export function formatMetric(value: number | undefined, decimals: number): string {
  return value !== undefined && Number.isFinite(value) ? value.toFixed(decimals) : NO_VALUE;
}

/** Digits of the reference results table: MSE 0.0296, PSNR 15.93 dB, SSIM 0.484. */
export const METRIC_DECIMALS = { mse: 4, psnr: 2, ssim: 3, ssimGlobal: 3 } as const;
