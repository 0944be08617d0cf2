/**
 * Kept runs: finished or stopped runs kept side by side in the runs table. The worker owns each
 * kept run's best weights; the page gets these summaries. Every row's test metrics are measured at
 * one table-wide evaluation noise, so the rows compare.
 */
import { NOISE_TYPES, type NoiseType, type TrainingConfig } from './config';

/** The noise added to the test images before a kept run reconstructs them. */
export interface EvaluationNoise {
  type: NoiseType;
  level: number;
}

export const DEFAULT_EVALUATION_NOISE: EvaluationNoise = { type: 'gaussian', level: 0.25 };

/** The id that names the current (live) run in ViewRequest.comparedRuns. */
export const CURRENT_RUN_ID = 'current';

/** The run's curves, one value per finished epoch. */
export interface KeptRunCurves {
  epochs: number[];
  trainLoss: number[];
  validationLoss: number[];
  /** Test PSNR per epoch (at the run's own training noise), where the run recorded it. */
  psnrEpochs: number[];
  psnr: number[];
}

/** A kept run's test metrics with its best weights, at `noise`. */
export interface KeptRunMetrics {
  noise: EvaluationNoise;
  mse: number;
  psnr: number;
  ssim: number;
  /** How many test images were scored. */
  testCount: number;
}

export interface KeptRunSummary {
  runId: string;
  name: string;
  keptAtMs: number;
  config: TrainingConfig;
  /** Dimensions of the model's latent code (the preset may fix it whatever config.latentSize says). */
  latentDimensions: number;
  /** Finished epochs, and the epoch of the best checkpoint whose weights were kept. */
  epochsTrained: number;
  bestEpoch: number;
  curves: KeptRunCurves;
  /** The latest evaluation; null until the first one. */
  metrics: KeptRunMetrics | null;
}

/** One run's row of the comparison view. */
export interface ComparedReconstructions {
  runId: string;
  /** GRID_IMAGE_COUNT × 784 values, the run's reconstructions of the noisy inputs. */
  reconstructions: Float32Array;
  /** Mean PSNR over these images. */
  psnr: number;
}

/** The same noisy test images reconstructed by each compared run. */
export interface RunComparison {
  runIds: string[];
  noise: EvaluationNoise;
  testIndices: number[];
  originals: Float32Array;
  noisy: Float32Array;
  rows: ComparedReconstructions[];
  /** Why nothing could be compared (e.g. runs of different datasets); null when the rows are there. */
  problem: string | null;
}

export function sameNoise(a: EvaluationNoise, b: EvaluationNoise): boolean {
  return a.type === b.type && a.level === b.level;
}

export function usableEvaluationNoise(noise: EvaluationNoise): EvaluationNoise {
  const type = NOISE_TYPES.includes(noise.type) ? noise.type : DEFAULT_EVALUATION_NOISE.type;
  const level = Number.isFinite(noise.level) ? Math.min(1, Math.max(0, noise.level)) : 0;
  return { type, level };
}

/** "gaussian 0.25": how the page names an evaluation noise. */
export function describeNoise(noise: EvaluationNoise): string {
  return `${noise.type} ${noise.level.toFixed(2)}`;
}
