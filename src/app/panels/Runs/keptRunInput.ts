/** What the page sends when it keeps the current run: a name and the run's curves from the store. */
import type { TrainingConfig } from '../../../shared/config';
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

/**
 * Whether the current run, as it stands, is in the table already: same settings, same finished
 * epochs and the same last validation loss. Keeping it again would only add an identical row.
 */
export function isAlreadyKept(
  keptRuns: readonly KeptRunSummary[],
  runConfig: TrainingConfig,
  epochRecords: readonly EpochRecord[],
): boolean {
  const settings = JSON.stringify(runConfig);
  const lastLoss = epochRecords.at(-1)?.validationLoss;
  return keptRuns.some(
    (run) =>
      run.epochsTrained === epochRecords.length &&
      run.curves.validationLoss.at(-1) === lastLoss &&
      JSON.stringify(run.config) === settings,
  );
}

/** "Run N", one more than the highest such name kept, so a deleted row's name is not reused at once. */
export function nextRunName(keptRuns: readonly KeptRunSummary[]): string {
  const numbers = keptRuns
    .map((run) => /^Run (\d+)$/.exec(run.name))
    .map((match) => (match ? Number(match[1]) : 0));
  return `Run ${Math.max(0, ...numbers) + 1}`;
}
