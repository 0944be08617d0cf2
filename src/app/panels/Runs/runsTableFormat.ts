/** The runs table's cells and its CSV: one description of each kept run, read by both. */
import { sameNoise, type EvaluationNoise, type KeptRunSummary } from '../../../shared/runs';
import { METRIC_DECIMALS } from '../Metrics/metricsFormat';

/** "0.7·MSE + 0.3·L1": the loss the run trained with, from its weights. */
export function lossSummary(config: KeptRunSummary['config']): string {
  const terms: [number, string][] = [
    [config.mseWeight, 'MSE'],
    [config.l1Weight, 'L1'],
    [config.bceWeight, 'BCE'],
  ];
  return terms
    .filter(([weight]) => weight > 0)
    .map(([weight, name]) => (weight === 1 ? name : `${weight}·${name}`))
    .join(' + ');
}

export function trainNoiseSummary(config: KeptRunSummary['config']): string {
  return config.trainingMode === 'basic' ? 'none (basic)' : `${config.noiseType} ${config.trainNoiseLevel}`;
}

/** The run's metrics when they are at the table's noise; null while it is being scored again. */
export function metricsAt(run: KeptRunSummary, noise: EvaluationNoise) {
  return run.metrics && sameNoise(run.metrics.noise, noise) ? run.metrics : null;
}

export interface RunsTableColumn {
  header: string;
  /** What the column means, for students (the header's tooltip). */
  meaning: string;
  cell(run: KeptRunSummary, noise: EvaluationNoise): string;
}

const metricCell = (key: 'mse' | 'psnr' | 'ssim') => (run: KeptRunSummary, noise: EvaluationNoise) => {
  const metrics = metricsAt(run, noise);
  return metrics ? metrics[key].toFixed(METRIC_DECIMALS[key]) : '…';
};

export const RUNS_TABLE_COLUMNS: readonly RunsTableColumn[] = [
  { header: 'Run', meaning: 'The name the run was kept under', cell: (run) => run.name },
  { header: 'Model', meaning: 'The model preset', cell: (run) => run.config.preset },
  {
    header: 'Latent',
    meaning: 'Dimensions of the code between encoder and decoder',
    cell: (run) => String(run.latentDimensions),
  },
  {
    header: 'Training',
    meaning: 'denoising: trained on noisy inputs; basic: on clean ones',
    cell: (run) => run.config.trainingMode,
  },
  {
    header: 'Train noise',
    meaning: 'The noise added to the inputs while training',
    cell: (run) => trainNoiseSummary(run.config),
  },
  { header: 'Loss', meaning: 'The loss the run minimised', cell: (run) => lossSummary(run.config) },
  { header: 'Dataset', meaning: 'The images it trained and is tested on', cell: (run) => run.config.dataset },
  {
    header: 'Epochs',
    meaning: 'Epochs trained, and the epoch of the best checkpoint whose weights are scored',
    cell: (run) => `${run.epochsTrained} (best ${run.bestEpoch})`,
  },
  {
    header: 'MSE',
    meaning: 'Mean squared error of the reconstructions: lower is better',
    cell: metricCell('mse'),
  },
  { header: 'PSNR (dB)', meaning: 'Peak signal-to-noise ratio: higher is better', cell: metricCell('psnr') },
  {
    header: 'SSIM',
    meaning: 'Structural similarity, 1 is identical: higher is better',
    cell: metricCell('ssim'),
  },
];

const CSV_HEADER = [
  'name',
  'preset',
  'latent_dimensions',
  'training_mode',
  'train_noise_type',
  'train_noise_level',
  'loss',
  'dropout',
  'dataset',
  'epochs_trained',
  'best_epoch',
  'eval_noise_type',
  'eval_noise_level',
  'test_images',
  'mse',
  'psnr',
  'ssim',
];

/** Quotes a field that holds a comma, quote or line break, as RFC 4180 says. */
function csvField(value: string | number): string {
  const text = String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One line per kept run; metrics empty for a run not yet scored at `noise`. */
export function runsCsv(runs: readonly KeptRunSummary[], noise: EvaluationNoise): string {
  const lines = runs.map((run) => {
    const { config } = run;
    const metrics = metricsAt(run, noise);
    return [
      run.name,
      config.preset,
      run.latentDimensions,
      config.trainingMode,
      config.trainingMode === 'basic' ? '' : config.noiseType,
      config.trainingMode === 'basic' ? 0 : config.trainNoiseLevel,
      lossSummary(config),
      config.dropout,
      config.dataset,
      run.epochsTrained,
      run.bestEpoch,
      noise.type,
      noise.level,
      metrics?.testCount ?? '',
      metrics?.mse ?? '',
      metrics?.psnr ?? '',
      metrics?.ssim ?? '',
    ]
      .map(csvField)
      .join(',');
  });
  return `${[CSV_HEADER.join(','), ...lines].join('\n')}\n`;
}
