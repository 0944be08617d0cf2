/** What the page sends when it keeps the current run: a name and the run's curves from the store. */
import type { EpochRecord, MetricsRecord } from '../../../shared/protocol';
import type { KeptRunCurves, KeptRunSummary } from '../../../shared/runs';

export function curvesOf(
  epochRecords: readonly EpochRecord[],
  metricsHistory: readonly MetricsRecord[],
): KeptRunCurves {
  const psnrRecords = [...metricsHistory].sort((a, b) => a.epoch - b.epoch);
  return {
    epochs: epochRecords.map((record) => record.epoch),
    trainLoss: epochRecords.map((record) => record.trainLoss),
    validationLoss: epochRecords.map((record) => record.validationLoss),
    psnrEpochs: psnrRecords.map((record) => record.epoch),
    psnr: psnrRecords.map((record) => record.psnr),
  };
}

/** "Run N", one more than the highest such name kept, so a deleted row's name is not reused at once. */
export function nextRunName(keptRuns: readonly KeptRunSummary[]): string {
  const numbers = keptRuns
    .map((run) => /^Run (\d+)$/.exec(run.name))
    .map((match) => (match ? Number(match[1]) : 0));
  return `Run ${Math.max(0, ...numbers) + 1}`;
}
