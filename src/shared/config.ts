/** Every user-settable option of a run, declared once with its default. */
import type { DropoutSetting, LatentSize, ModelPreset, OptimizerName, TrainingMode } from './modelOptions';

export const BACKEND_NAMES = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKEND_NAMES)[number];

/** `uniform-positive` adds level·U(0, 1): the noise only brightens (the minimal preset's recipe). */
export const NOISE_TYPES = ['gaussian', 'uniform', 'uniform-positive', 'salt-and-pepper', 'masking'] as const;
export type NoiseType = (typeof NOISE_TYPES)[number];

export const DATASET_NAMES = ['fashion-mnist', 'mnist'] as const;
export type DatasetName = (typeof DATASET_NAMES)[number];

/** `engine`: the fused WebGPU step; `tfjs`: tfjs ops, on any backend. */
export const TRAIN_STEP_KINDS = ['engine', 'tfjs'] as const;
export type TrainStepKind = (typeof TRAIN_STEP_KINDS)[number];

export const VALIDATION_SPLITS = ['test', 'holdout'] as const;
/** `test`: validate on the test split (as the lab does); `holdout`: the last 10% of train. */
export type ValidationSplit = (typeof VALIDATION_SPLITS)[number];

export interface TrainingConfig {
  dataset: DatasetName;
  preset: ModelPreset;
  /** The dense-3/dense-5 latent; the other presets fix their own. */
  latentSize: LatentSize;
  trainingMode: TrainingMode;
  optimizer: OptimizerName;
  /** Dropout in the encoder, as the preset places it, or none. */
  dropout: DropoutSetting;
  seed: number;
  learningRate: number;
  weightDecay: number;
  batchSize: number;
  epochs: number;
  noiseType: NoiseType;
  trainNoiseLevel: number;
  mseWeight: number;
  l1Weight: number;
  /** Binary cross-entropy, torch's BCELoss (logs clamped at −100). */
  bceWeight: number;
  /** λ of λ·Σw² over the weight matrices and kernels, added to the loss (not decoupled decay). */
  l2Penalty: number;
  /** λ of λ·mean over the batch of Σ|z| of the latent code (Keras's activity_regularizer l1). */
  latentL1Penalty: number;
  gradientClipNorm: number;
  plateauPatience: number;
  plateauFactor: number;
  validation: ValidationSplit;
  /** Use only the first N images of a split; null = all. */
  trainSubset: number | null;
  testSubset: number | null;
  /** Forced backend; null = pick the best real one. */
  backend: BackendName | null;
  /** Forced training step; null = the fused engine on WebGPU, tfjs ops elsewhere. */
  trainStep: TrainStepKind | null;
}

export const DEFAULT_CONFIG: TrainingConfig = {
  dataset: 'fashion-mnist',
  preset: 'reference',
  latentSize: 30,
  trainingMode: 'denoising',
  optimizer: 'adamw',
  dropout: 'on',
  seed: 0,
  learningRate: 1e-3,
  weightDecay: 1e-5,
  batchSize: 128,
  epochs: 30,
  noiseType: 'gaussian',
  trainNoiseLevel: 0.25,
  mseWeight: 0.7,
  l1Weight: 0.3,
  bceWeight: 0,
  l2Penalty: 0,
  latentL1Penalty: 0,
  gradientClipNorm: 1.0,
  plateauPatience: 5,
  plateauFactor: 0.5,
  validation: 'test',
  trainSubset: null,
  testSubset: null,
  backend: null,
  trainStep: null,
};

/** Bounds that keep a run meaningful; anything outside is rejected with a message. */
export const CONFIG_LIMITS = {
  seed: { min: 0, max: 2 ** 31 - 1 },
  learningRate: { min: 1e-6, max: 1 },
  weightDecay: { min: 0, max: 1 },
  batchSize: { min: 2, max: 4096 },
  epochs: { min: 1, max: 1000 },
  trainNoiseLevel: { min: 0, max: 1 },
  mseWeight: { min: 0, max: 10 },
  l1Weight: { min: 0, max: 10 },
  bceWeight: { min: 0, max: 10 },
  l2Penalty: { min: 0, max: 1 },
  latentL1Penalty: { min: 0, max: 1 },
  gradientClipNorm: { min: 0, max: 1e6 },
  plateauPatience: { min: 0, max: 1000 },
  plateauFactor: { min: 0.01, max: 0.99 },
  trainSubset: { min: 2, max: 60000 },
  testSubset: { min: 1, max: 10000 },
} as const satisfies Partial<Record<keyof TrainingConfig, { min: number; max: number }>>;

export type LimitedField = keyof typeof CONFIG_LIMITS;

/** Counts and seeds: a fraction here would be truncated somewhere else, silently. */
export const WHOLE_NUMBER_FIELDS: readonly LimitedField[] = [
  'seed',
  'batchSize',
  'epochs',
  'plateauPatience',
  'trainSubset',
  'testSubset',
];

/** Why one field's value is unusable (not finite, out of range, not whole), or null when it is fine. */
export function fieldProblem(field: LimitedField, value: number): string | null {
  const { min, max } = CONFIG_LIMITS[field];
  if (!Number.isFinite(value)) return 'not a number';
  if (value < min || value > max) return `out of range (allowed ${min} to ${max})`;
  if (WHOLE_NUMBER_FIELDS.includes(field) && !Number.isInteger(value)) return 'not a whole number';
  return null;
}

export const LOSS_WEIGHTS_PROBLEM = 'at least one loss weight must be positive';

export const LOSS_WEIGHT_FIELDS = ['mseWeight', 'l1Weight', 'bceWeight'] as const;

export function lossWeightsUsable(
  config: Pick<TrainingConfig, (typeof LOSS_WEIGHT_FIELDS)[number]>,
): boolean {
  return config.mseWeight + config.l1Weight + config.bceWeight > 0;
}

/** Returns one message per unusable field; empty when the config is usable. */
export function validateConfig(config: TrainingConfig): string[] {
  const problems: string[] = [];
  for (const field of Object.keys(CONFIG_LIMITS) as LimitedField[]) {
    const value = config[field];
    if (value === null) continue;
    const problem = fieldProblem(field, value);
    if (problem !== null) problems.push(`${field}: ${problem} (got ${String(value)})`);
  }
  if (!lossWeightsUsable(config)) problems.push(LOSS_WEIGHTS_PROBLEM);
  return problems;
}
