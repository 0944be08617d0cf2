/** The run in the store as a run file (JSON) and its curves as CSV. */
import type { BatchLoss, RunHistory } from '../../shared/protocol';
import { runFileText } from '../../shared/runFile';
import type { PlaygroundState } from '../store';

type RunState = Pick<
  PlaygroundState,
  | 'runConfig'
  | 'epoch'
  | 'step'
  | 'learningRate'
  | 'batchSteps'
  | 'batchLosses'
  | 'epochRecords'
  | 'metricsHistory'
>;

export function historyOf(state: RunState): RunHistory {
  const batchLosses: BatchLoss[] = state.batchSteps.map((step, i) => ({ step, loss: state.batchLosses[i] }));
  return { batchLosses, epochRecords: state.epochRecords, metricsHistory: state.metricsHistory };
}

export function runJson(state: RunState): string {
  const { runConfig: config, epoch, step, learningRate } = state;
  return runFileText({ config, epoch, step, learningRate, history: historyOf(state) });
}

const CSV_COLUMNS = [
  'kind',
  'epoch',
  'step',
  'batch_loss',
  'train_loss',
  'validation_loss',
  'learning_rate',
  'mse',
  'psnr',
  'ssim',
  'ssim_global',
] as const;

/**
 * One row per batch (`batch`) and per epoch (`epoch`, with its test metrics when measured), in
 * one table so a spreadsheet can plot any column against step.
 */
export function curvesCsv(state: RunState): string {
  const rows: string[] = [CSV_COLUMNS.join(',')];
  const row = (values: Partial<Record<(typeof CSV_COLUMNS)[number], string | number>>) =>
    rows.push(CSV_COLUMNS.map((column) => values[column] ?? '').join(','));
  state.batchSteps.forEach((step, i) => row({ kind: 'batch', step, batch_loss: state.batchLosses[i] }));
  for (const record of state.epochRecords) {
    const metrics = state.metricsHistory.find((m) => m.epoch === record.epoch);
    row({
      kind: 'epoch',
      epoch: record.epoch,
      step: record.step,
      train_loss: record.trainLoss,
      validation_loss: record.validationLoss,
      learning_rate: record.learningRate,
      ...(metrics && {
        mse: metrics.mse,
        psnr: metrics.psnr,
        ssim: metrics.ssim,
        ssim_global: metrics.ssimGlobal,
      }),
    });
  }
  return `${rows.join('\n')}\n`;
}
