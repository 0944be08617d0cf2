/**
 * Each preset's recipe: choosing a preset sets these fields; the user may change any of
 * them afterwards. Every recipe names the same fields, so switching presets leaves nothing behind.
 */
import { DEFAULT_CONFIG, type DatasetName, type TrainingConfig } from './config';
import type { ModelPreset } from './modelOptions';

export type Recipe = Pick<
  TrainingConfig,
  | 'optimizer'
  | 'dropout'
  | 'learningRate'
  | 'weightDecay'
  | 'batchSize'
  | 'noiseType'
  | 'trainNoiseLevel'
  | 'mseWeight'
  | 'l1Weight'
  | 'bceWeight'
  | 'l2Penalty'
  | 'latentL1Penalty'
  | 'gradientClipNorm'
>;

function recipeOf(config: TrainingConfig): Recipe {
  const { optimizer, dropout, learningRate, weightDecay, batchSize, noiseType, trainNoiseLevel } = config;
  const { mseWeight, l1Weight, bceWeight, l2Penalty, latentL1Penalty, gradientClipNorm } = config;
  return {
    ...{ optimizer, dropout, learningRate, weightDecay, batchSize, noiseType, trainNoiseLevel },
    ...{ mseWeight, l1Weight, bceWeight, l2Penalty, latentL1Penalty, gradientClipNorm },
  };
}

const REFERENCE_RECIPE = recipeOf(DEFAULT_CONFIG);

/** The lab's variants: plain Adam, no decay, no clipping (their notebooks clip nothing). */
const ADAM_MSE: Partial<Recipe> = {
  optimizer: 'adam',
  dropout: 'off',
  learningRate: 1e-3,
  weightDecay: 0,
  mseWeight: 1,
  l1Weight: 0,
  gradientClipNorm: 0,
};

const RECIPES: Record<ModelPreset, Partial<Recipe>> = {
  reference: {},
  'dense-3': ADAM_MSE,
  'dense-5': ADAM_MSE,
  minimal: { ...ADAM_MSE, batchSize: 32, noiseType: 'uniform-positive', trainNoiseLevel: 0.25 },
  // Keras's convolutional denoising example: binary cross-entropy, Gaussian noise of 0.5.
  conv: { ...ADAM_MSE, mseWeight: 0, bceWeight: 1, noiseType: 'gaussian', trainNoiseLevel: 0.5 },
};

export function presetRecipe(preset: ModelPreset): Recipe {
  return { ...REFERENCE_RECIPE, ...RECIPES[preset] };
}

/** Presets whose source trains on another data set: choosing one switches to it (it can be changed back). */
const SOURCE_DATASETS: Partial<Record<ModelPreset, DatasetName>> = {
  // The Keras convolutional denoising example trains on MNIST digits.
  conv: 'mnist',
};

/** The config with `preset` chosen, its recipe applied and its source's data set; every other field is kept. */
export function withPreset(config: TrainingConfig, preset: ModelPreset): TrainingConfig {
  return { ...config, ...presetRecipe(preset), dataset: SOURCE_DATASETS[preset] ?? config.dataset, preset };
}
