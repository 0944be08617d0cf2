/** The model preset and what goes with it: latent size, basic vs denoising, optimiser, dropout. */
import type { TrainingConfig } from '../../../shared/config';
import {
  DROPOUT_SETTINGS,
  LATENT_SIZES,
  MODEL_PRESETS,
  OPTIMIZERS,
  PRESET_LABELS,
  TRAINING_MODES,
  usesLatentSize,
} from '../../../shared/modelOptions';
import { withPreset } from '../../../shared/presetRecipes';

interface PresetFieldsProps {
  draft: TrainingConfig;
  disabled: boolean;
  onChange(next: TrainingConfig): void;
}

interface ChoiceProps<T extends string | number> {
  label: string;
  testId: string;
  value: T;
  choices: readonly T[];
  disabled: boolean;
  title?: string;
  describe?: (choice: T) => string;
  onChoose(choice: T): void;
}

/** A select over a fixed list; the option's value is the choice as text. */
function Choice<T extends string | number>(props: ChoiceProps<T>) {
  const { label, testId, value, choices, disabled, title, describe, onChoose } = props;
  return (
    <label title={title}>
      {label}
      <select
        data-testid={testId}
        value={String(value)}
        disabled={disabled}
        onChange={(e) => {
          const chosen = choices.find((choice) => String(choice) === e.target.value);
          if (chosen !== undefined) onChoose(chosen);
        }}
      >
        {choices.map((choice) => (
          <option key={choice} value={String(choice)}>
            {describe ? describe(choice) : String(choice)}
          </option>
        ))}
      </select>
    </label>
  );
}

export function PresetFields({ draft, disabled, onChange }: PresetFieldsProps) {
  return (
    <>
      <Choice
        label="model"
        testId="model-preset"
        value={draft.preset}
        choices={MODEL_PRESETS}
        disabled={disabled}
        title="Choosing a preset also sets its recipe (optimiser, loss, batch size, noise); change any of them after."
        describe={(preset) => PRESET_LABELS[preset]}
        // The recipe comes with the preset; the fields below stay editable.
        onChoose={(preset) => onChange(withPreset(draft, preset))}
      />
      <Choice
        label="latent size"
        testId="latent-size"
        value={draft.latentSize}
        choices={LATENT_SIZES}
        disabled={disabled || !usesLatentSize(draft.preset)}
        title="Only the dense-3 and dense-5 presets take a latent size; the others fix their own."
        onChoose={(latentSize) => onChange({ ...draft, latentSize })}
      />
      <Choice
        label="training"
        testId="training-mode"
        value={draft.trainingMode}
        choices={TRAINING_MODES}
        disabled={disabled}
        describe={(mode) => (mode === 'basic' ? 'basic (clean inputs)' : 'denoising (noisy inputs)')}
        onChoose={(trainingMode) => onChange({ ...draft, trainingMode })}
      />
      <Choice
        label="optimiser"
        testId="config-optimizer"
        value={draft.optimizer}
        choices={OPTIMIZERS}
        disabled={disabled}
        describe={(name) => (name === 'adam' ? 'Adam' : 'AdamW (decoupled decay)')}
        onChoose={(optimizer) => onChange({ ...draft, optimizer })}
      />
      <Choice
        label="dropout"
        testId="dropout"
        value={draft.dropout}
        choices={DROPOUT_SETTINGS}
        disabled={disabled || draft.preset === 'conv'}
        title="On: the reference model's own dropout (0.2/0.2/0.1), or 0.2 after each encoder hidden layer of the other dense presets. The conv preset has none."
        onChoose={(dropout) => onChange({ ...draft, dropout })}
      />
    </>
  );
}
