/**
 * The run configuration in the URL, so a link reproduces a run. Every field round-trips; a value
 * that is unusable is ignored on its own, the others still apply, and each is reported.
 */
import {
  BACKEND_NAMES,
  DATASET_NAMES,
  DEFAULT_CONFIG,
  fieldProblem,
  LOSS_WEIGHT_FIELDS,
  LOSS_WEIGHTS_PROBLEM,
  lossWeightsUsable,
  NOISE_TYPES,
  TRAIN_STEP_KINDS,
  VALIDATION_SPLITS,
  type LimitedField,
  type TrainingConfig,
} from './config';
import { DROPOUT_SETTINGS, LATENT_SIZES, MODEL_PRESETS, OPTIMIZERS, TRAINING_MODES } from './modelOptions';
import { withPreset } from './presetRecipes';

/** URL parameter name of each numeric field (every one has limits); seed and the subsets keep their names. */
const NUMBER_PARAMS: Record<LimitedField, string> = {
  seed: 'seed',
  learningRate: 'lr',
  weightDecay: 'wd',
  batchSize: 'batchSize',
  epochs: 'epochs',
  trainNoiseLevel: 'trainNoiseLevel',
  mseWeight: 'mseWeight',
  l1Weight: 'l1Weight',
  bceWeight: 'bceWeight',
  l2Penalty: 'l2',
  latentL1Penalty: 'latentL1',
  gradientClipNorm: 'clip',
  plateauPatience: 'patience',
  plateauFactor: 'factor',
  trainSubset: 'trainSubset',
  testSubset: 'testSubset',
};

/** Older names still read, so links made before a rename keep working. */
const PARAM_ALIASES: Partial<Record<LimitedField, string>> = { trainNoiseLevel: 'noiseLevel' };

function pickOne<T extends string>(value: string | null, allowed: readonly T[]): T | undefined {
  return allowed.find((candidate) => candidate === value);
}

interface EnumParam {
  name: string;
  allowed: readonly string[];
  /** Sets the field and returns true when `raw` is one of the allowed values. */
  apply(config: TrainingConfig, raw: string): boolean;
}

function enumParam<T extends string>(
  name: string,
  allowed: readonly T[],
  assign: (config: TrainingConfig, value: T) => void,
): EnumParam {
  return {
    name,
    allowed,
    apply: (config, raw) => {
      const value = pickOne(raw, allowed);
      if (value !== undefined) assign(config, value);
      return value !== undefined;
    },
  };
}

const ENUM_PARAMS: readonly EnumParam[] = [
  enumParam('backend', BACKEND_NAMES, (config, value) => (config.backend = value)),
  enumParam('noise', NOISE_TYPES, (config, value) => (config.noiseType = value)),
  enumParam('dataset', DATASET_NAMES, (config, value) => (config.dataset = value)),
  enumParam('validation', VALIDATION_SPLITS, (config, value) => (config.validation = value)),
  enumParam('trainStep', TRAIN_STEP_KINDS, (config, value) => (config.trainStep = value)),
  enumParam('mode', TRAINING_MODES, (config, value) => (config.trainingMode = value)),
  enumParam('optimizer', OPTIMIZERS, (config, value) => (config.optimizer = value)),
  enumParam('dropout', DROPOUT_SETTINGS, (config, value) => (config.dropout = value)),
  enumParam(
    'latent',
    LATENT_SIZES.map(String),
    (config, value) =>
      (config.latentSize = LATENT_SIZES.find((size) => String(size) === value) ?? DEFAULT_CONFIG.latentSize),
  ),
];

/** Read first: the preset's recipe is the base that every other parameter overrides. */
const PRESET_PARAM = 'preset';

/** The defaults with the preset's recipe: what a link leaves unsaid. */
function baseConfig(preset: TrainingConfig['preset']): TrainingConfig {
  return withPreset(DEFAULT_CONFIG, preset);
}

const KNOWN_PARAMS = new Set([
  ...Object.values(NUMBER_PARAMS),
  ...Object.values(PARAM_ALIASES),
  ...ENUM_PARAMS.map((param) => param.name),
  PRESET_PARAM,
]);

/** A link is anyone's text: long values are cut so a warning stays a line. */
function shown(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

function ignored(name: string, raw: string, reason: string): string {
  return `URL parameter ${shown(name)}=${shown(raw)} ignored: ${reason}`;
}

export interface ParsedUrlConfig {
  config: TrainingConfig;
  problems: string[];
}

export function configFromSearch(search: string): ParsedUrlConfig {
  const params = new URLSearchParams(search);
  const problems: string[] = [];
  const rawPreset = params.get(PRESET_PARAM);
  const preset = pickOne(rawPreset, MODEL_PRESETS);
  if (rawPreset !== null && preset === undefined) {
    problems.push(ignored(PRESET_PARAM, rawPreset, `unknown value (allowed ${MODEL_PRESETS.join(', ')})`));
  }
  const base = baseConfig(preset ?? DEFAULT_CONFIG.preset);
  const config: TrainingConfig = { ...base };
  const unknown = new Set<string>();
  // forEach, not keys(): the worker's lib has no iterable URLSearchParams.
  params.forEach((_value, name) => {
    if (!KNOWN_PARAMS.has(name)) unknown.add(name);
  });
  unknown.forEach((name) => problems.push(`Unknown URL parameter ${shown(name)}, ignored`));
  const fromUrl = new Set<LimitedField>();
  for (const [field, current] of Object.entries(NUMBER_PARAMS) as [LimitedField, string][]) {
    const alias = PARAM_ALIASES[field];
    const name = !params.has(current) && alias && params.has(alias) ? alias : current;
    const raw = params.get(name);
    if (raw === null) continue;
    const value = raw.trim() === '' ? NaN : Number(raw);
    const problem = fieldProblem(field, value);
    if (problem !== null) {
      problems.push(ignored(name, raw, `${field} is ${problem}`));
      continue;
    }
    config[field] = value;
    fromUrl.add(field);
  }
  if (!lossWeightsUsable(config)) {
    // Every recipe has a positive weight, so dropping the URL's weights always makes them usable.
    for (const field of LOSS_WEIGHT_FIELDS) {
      if (!fromUrl.has(field)) continue;
      problems.push(ignored(NUMBER_PARAMS[field], String(config[field]), LOSS_WEIGHTS_PROBLEM));
      config[field] = base[field];
    }
  }
  for (const { name, allowed, apply } of ENUM_PARAMS) {
    const raw = params.get(name);
    if (raw !== null && !apply(config, raw)) {
      problems.push(ignored(name, raw, `unknown value (allowed ${allowed.join(', ')})`));
    }
  }
  return { config, problems };
}

/** Only fields that differ from the defaults are written, so links stay short. */
export function searchFromConfig(config: TrainingConfig): string {
  const params = new URLSearchParams();
  const base = baseConfig(config.preset);
  if (config.preset !== DEFAULT_CONFIG.preset) params.set(PRESET_PARAM, config.preset);
  for (const [field, name] of Object.entries(NUMBER_PARAMS) as [LimitedField, string][]) {
    const value = config[field];
    if (value !== null && value !== base[field]) params.set(name, String(value));
  }
  if (config.backend) params.set('backend', config.backend);
  if (config.noiseType !== base.noiseType) params.set('noise', config.noiseType);
  if (config.dataset !== base.dataset) params.set('dataset', config.dataset);
  if (config.validation !== base.validation) params.set('validation', config.validation);
  if (config.trainStep) params.set('trainStep', config.trainStep);
  if (config.trainingMode !== base.trainingMode) params.set('mode', config.trainingMode);
  if (config.optimizer !== base.optimizer) params.set('optimizer', config.optimizer);
  if (config.dropout !== base.dropout) params.set('dropout', config.dropout);
  if (config.latentSize !== base.latentSize) params.set('latent', String(config.latentSize));
  const text = params.toString();
  return text ? `?${text}` : '';
}
