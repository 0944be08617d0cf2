/** The choices of model, optimiser and training mode; no imports, so config can use them. */
export const MODEL_PRESETS = ['reference', 'dense-3', 'dense-5', 'minimal', 'conv'] as const;
export type ModelPreset = (typeof MODEL_PRESETS)[number];

/** Latent sizes of the dense-3 and dense-5 presets (the lab's sweep). */
export const LATENT_SIZES = [15, 30, 50, 100] as const;
export type LatentSize = (typeof LATENT_SIZES)[number];

/** `denoising`: the model sees corrupted inputs; `basic`: clean ones (the targets are clean either way). */
export const TRAINING_MODES = ['denoising', 'basic'] as const;
export type TrainingMode = (typeof TRAINING_MODES)[number];

/** `adam` is AdamW without decoupled decay: weight shrinkage only through the L2 penalty in the loss. */
export const OPTIMIZERS = ['adamw', 'adam'] as const;
export type OptimizerName = (typeof OPTIMIZERS)[number];

/**
 * `on`: the preset's dropout (the reference model's 0.2/0.2/0.1 after its first encoder blocks; 0.2
 * after every encoder hidden layer of dense-3, dense-5 and minimal); `off`: none. conv has none.
 */
export const DROPOUT_SETTINGS = ['on', 'off'] as const;
export type DropoutSetting = (typeof DROPOUT_SETTINGS)[number];

export const PRESET_LABELS: Record<ModelPreset, string> = {
  reference: 'reference (784→…→2→…→784, BatchNorm)',
  'dense-3': 'dense, 3 layers each side',
  'dense-5': 'dense, 5 layers each side',
  minimal: 'minimal (784-250-50-250-784)',
  conv: 'convolutional',
};

/** Only the dense-3 and dense-5 presets read the latent-size setting. */
export function usesLatentSize(preset: ModelPreset): boolean {
  return preset === 'dense-3' || preset === 'dense-5';
}
