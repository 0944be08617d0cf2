/**
 * The run as a JSON file (export-run / import-run): configuration with its seed, curves and test
 * metrics. Parsing treats the file as data only and names the first thing that is wrong.
 */
import {
  BACKEND_NAMES,
  DATASET_NAMES,
  DEFAULT_CONFIG,
  NOISE_TYPES,
  TRAIN_STEP_KINDS,
  validateConfig,
  VALIDATION_SPLITS,
  type TrainingConfig,
} from './config';
import { DROPOUT_SETTINGS, LATENT_SIZES, MODEL_PRESETS, OPTIMIZERS, TRAINING_MODES } from './modelOptions';
import type { BatchLoss, EpochRecord, MetricsRecord, RunHistory } from './protocol';
import { messageOf } from './errorMessage';

export const RUN_FILE_FORMAT = 'autoencoder-playground-run';
export const RUN_FILE_VERSION = 1;

export interface RunFile {
  format: typeof RUN_FILE_FORMAT;
  version: typeof RUN_FILE_VERSION;
  config: TrainingConfig;
  epoch: number;
  step: number;
  learningRate: number;
  history: RunHistory;
}

export class RunFileError extends Error {
  override name = 'RunFileError';
}

type Fields = Record<string, unknown>;

function isObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fail(message: string): never {
  throw new RunFileError(`Not a usable run file: ${message}.`);
}

function numberAt(fields: Fields, key: string, where: string): number {
  const value = fields[key];
  if (typeof value !== 'number' || !Number.isFinite(value)) fail(`${where}.${key} is not a number`);
  return value;
}

function listAt(fields: Fields, key: string, where: string): Fields[] {
  const value = fields[key];
  if (!Array.isArray(value)) fail(`${where}.${key} is not a list`);
  return value.map((item, i) => (isObject(item) ? item : fail(`${where}.${key}[${i}] is not an object`)));
}

/** The field's value when it is one of `allowed` (null too when `nullable`). */
function choiceAt<T extends string | number>(
  fields: Fields,
  key: string,
  allowed: readonly T[],
  nullable: boolean,
): T | null {
  const value = fields[key];
  if (nullable && value === null) return null;
  const found = allowed.find((candidate) => candidate === value);
  return found ?? fail(`config.${key} is not one of ${allowed.join(', ')}${nullable ? ' or null' : ''}`);
}

function configFrom(value: unknown): TrainingConfig {
  if (!isObject(value)) fail('config is missing');
  const numberOrNull = (key: 'trainSubset' | 'testSubset') =>
    value[key] === null ? null : numberAt(value, key, 'config');
  const config: TrainingConfig = {
    ...DEFAULT_CONFIG,
    dataset: choiceAt(value, 'dataset', DATASET_NAMES, false) ?? DEFAULT_CONFIG.dataset,
    noiseType: choiceAt(value, 'noiseType', NOISE_TYPES, false) ?? DEFAULT_CONFIG.noiseType,
    validation: choiceAt(value, 'validation', VALIDATION_SPLITS, false) ?? DEFAULT_CONFIG.validation,
    backend: choiceAt(value, 'backend', BACKEND_NAMES, true),
    trainStep: choiceAt(value, 'trainStep', TRAIN_STEP_KINDS, true),
    trainSubset: numberOrNull('trainSubset'),
    testSubset: numberOrNull('testSubset'),
  };
  const numeric = ['seed', 'learningRate', 'weightDecay', 'batchSize', 'epochs', 'trainNoiseLevel'] as const;
  const more = ['mseWeight', 'l1Weight', 'gradientClipNorm', 'plateauPatience', 'plateauFactor'] as const;
  for (const key of [...numeric, ...more]) config[key] = numberAt(value, key, 'config');
  // Model, mode and penalty settings came later: a file without them ran the reference model.
  const given = (key: string) => key in value;
  if (given('preset')) config.preset = choiceAt(value, 'preset', MODEL_PRESETS, false) ?? config.preset;
  if (given('latentSize')) config.latentSize = choiceAt(value, 'latentSize', LATENT_SIZES, false) ?? 30;
  if (given('trainingMode'))
    config.trainingMode = choiceAt(value, 'trainingMode', TRAINING_MODES, false) ?? config.trainingMode;
  if (given('optimizer'))
    config.optimizer = choiceAt(value, 'optimizer', OPTIMIZERS, false) ?? config.optimizer;
  if (given('dropout')) config.dropout = choiceAt(value, 'dropout', DROPOUT_SETTINGS, false) ?? 'on';
  for (const key of ['bceWeight', 'l2Penalty', 'latentL1Penalty'] as const) {
    if (given(key)) config[key] = numberAt(value, key, 'config');
  }
  const problems = validateConfig(config);
  if (problems.length > 0) fail(`config ${problems.join('; ')}`);
  return config;
}

function historyFrom(value: unknown): RunHistory {
  if (!isObject(value)) fail('history is missing');
  const batchLosses: BatchLoss[] = listAt(value, 'batchLosses', 'history').map((item, i) => ({
    step: numberAt(item, 'step', `history.batchLosses[${i}]`),
    loss: numberAt(item, 'loss', `history.batchLosses[${i}]`),
  }));
  const epochRecords: EpochRecord[] = listAt(value, 'epochRecords', 'history').map((item, i) => {
    const where = `history.epochRecords[${i}]`;
    const flag = (key: string) =>
      typeof item[key] === 'boolean' ? Boolean(item[key]) : fail(`${where}.${key} is not true or false`);
    const number = (key: string) => numberAt(item, key, where);
    return {
      epoch: number('epoch'),
      step: number('step'),
      trainLoss: number('trainLoss'),
      validationLoss: number('validationLoss'),
      learningRate: number('learningRate'),
      learningRateDropped: flag('learningRateDropped'),
      isBest: flag('isBest'),
      epochElapsedMs: number('epochElapsedMs'),
    };
  });
  const metricsHistory: MetricsRecord[] = listAt(value, 'metricsHistory', 'history').map((item, i) => {
    const number = (key: string) => numberAt(item, key, `history.metricsHistory[${i}]`);
    return {
      epoch: number('epoch'),
      mse: number('mse'),
      psnr: number('psnr'),
      ssim: number('ssim'),
      ssimGlobal: number('ssimGlobal'),
    };
  });
  return { batchLosses, epochRecords, metricsHistory };
}

export function parseRunFile(text: string): RunFile {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    fail(`it is not JSON (${messageOf(error)})`);
  }
  if (!isObject(value) || value.format !== RUN_FILE_FORMAT) fail(`its "format" is not "${RUN_FILE_FORMAT}"`);
  if (value.version !== RUN_FILE_VERSION) fail(`version ${String(value.version)} is not ${RUN_FILE_VERSION}`);
  return {
    format: RUN_FILE_FORMAT,
    version: RUN_FILE_VERSION,
    config: configFrom(value.config),
    epoch: numberAt(value, 'epoch', 'run'),
    step: numberAt(value, 'step', 'run'),
    learningRate: numberAt(value, 'learningRate', 'run'),
    history: historyFrom(value.history),
  };
}

export function runFileText(run: Omit<RunFile, 'format' | 'version'>): string {
  const file: RunFile = { format: RUN_FILE_FORMAT, version: RUN_FILE_VERSION, ...run };
  return JSON.stringify(file, null, 1);
}
