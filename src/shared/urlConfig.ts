/**
 * The run configuration in the URL, so a link reproduces a run. Every field round-trips; values
 * that do not parse are dropped and reported, never silently used.
 */
import {
  BACKEND_NAMES,
  DATASET_NAMES,
  DEFAULT_CONFIG,
  NOISE_TYPES,
  TRAIN_STEP_KINDS,
  VALIDATION_SPLITS,
  validateConfig,
  type TrainingConfig,
} from './config';

type NumberField = {
  [K in keyof TrainingConfig]: TrainingConfig[K] extends number
    ? K
    : TrainingConfig[K] extends number | null
      ? K
      : never;
}[keyof TrainingConfig];

/** URL parameter name of each numeric field (CONTRACT.md fixes seed, trainSubset, testSubset). */
const NUMBER_PARAMS: Record<NumberField, string> = {
  seed: 'seed',
  learningRate: 'lr',
  weightDecay: 'wd',
  batchSize: 'batchSize',
  epochs: 'epochs',
  trainNoiseLevel: 'noiseLevel',
  mseWeight: 'mseWeight',
  l1Weight: 'l1Weight',
  gradientClipNorm: 'clip',
  plateauPatience: 'patience',
  plateauFactor: 'factor',
  trainSubset: 'trainSubset',
  testSubset: 'testSubset',
};

function pickOne<T extends string>(value: string | null, allowed: readonly T[]): T | undefined {
  return allowed.find((candidate) => candidate === value);
}

export interface ParsedUrlConfig {
  config: TrainingConfig;
  problems: string[];
}

export function configFromSearch(search: string): ParsedUrlConfig {
  const params = new URLSearchParams(search);
  const config: TrainingConfig = { ...DEFAULT_CONFIG };
  const problems: string[] = [];
  for (const [field, name] of Object.entries(NUMBER_PARAMS) as [NumberField, string][]) {
    const raw = params.get(name);
    if (raw === null || raw === '') continue;
    const value = Number(raw);
    if (!Number.isFinite(value)) problems.push(`?${name}=${raw} is not a number`);
    else config[field] = value;
  }
  const enums = [
    ['backend', BACKEND_NAMES],
    ['noise', NOISE_TYPES],
    ['dataset', DATASET_NAMES],
    ['validation', VALIDATION_SPLITS],
    ['trainStep', TRAIN_STEP_KINDS],
  ] as const;
  for (const [name, allowed] of enums) {
    const raw = params.get(name);
    if (raw === null) continue;
    const value = pickOne<string>(raw, allowed);
    if (value === undefined) problems.push(`?${name}=${raw} is not one of ${allowed.join(', ')}`);
  }
  config.backend = pickOne(params.get('backend'), BACKEND_NAMES) ?? null;
  config.noiseType = pickOne(params.get('noise'), NOISE_TYPES) ?? config.noiseType;
  config.dataset = pickOne(params.get('dataset'), DATASET_NAMES) ?? config.dataset;
  config.validation = pickOne(params.get('validation'), VALIDATION_SPLITS) ?? config.validation;
  config.trainStep = pickOne(params.get('trainStep'), TRAIN_STEP_KINDS) ?? null;
  const outOfRange = validateConfig(config);
  if (outOfRange.length > 0) {
    problems.push(...outOfRange.map((problem) => `URL ignored: ${problem}`));
    return { config: { ...DEFAULT_CONFIG, backend: config.backend, trainStep: config.trainStep }, problems };
  }
  return { config, problems };
}

/** Only fields that differ from the defaults are written, so links stay short. */
export function searchFromConfig(config: TrainingConfig): string {
  const params = new URLSearchParams();
  for (const [field, name] of Object.entries(NUMBER_PARAMS) as [NumberField, string][]) {
    const value = config[field];
    if (value !== null && value !== DEFAULT_CONFIG[field]) params.set(name, String(value));
  }
  if (config.backend) params.set('backend', config.backend);
  if (config.noiseType !== DEFAULT_CONFIG.noiseType) params.set('noise', config.noiseType);
  if (config.dataset !== DEFAULT_CONFIG.dataset) params.set('dataset', config.dataset);
  if (config.validation !== DEFAULT_CONFIG.validation) params.set('validation', config.validation);
  if (config.trainStep) params.set('trainStep', config.trainStep);
  const text = params.toString();
  return text ? `?${text}` : '';
}
