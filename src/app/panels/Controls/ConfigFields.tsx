/** The hyperparameter inputs; they edit a draft that takes effect on "Apply & reset". */
import { CONFIG_LIMITS, NOISE_TYPES, type LimitedField, type TrainingConfig } from '../../../shared/config';
import { PresetFields } from './PresetFields';

interface ConfigFieldsProps {
  draft: TrainingConfig;
  disabled: boolean;
  onChange(next: TrainingConfig): void;
}

const NUMBER_FIELDS: { field: LimitedField; label: string; step: number }[] = [
  { field: 'learningRate', label: 'learning rate', step: 0.0001 },
  { field: 'weightDecay', label: 'weight decay', step: 0.00001 },
  { field: 'batchSize', label: 'batch size', step: 1 },
  { field: 'epochs', label: 'epochs', step: 1 },
  { field: 'trainNoiseLevel', label: 'train noise', step: 0.05 },
  { field: 'mseWeight', label: 'MSE weight', step: 0.1 },
  { field: 'l1Weight', label: 'L1 weight', step: 0.1 },
  { field: 'bceWeight', label: 'BCE weight', step: 0.1 },
  { field: 'l2Penalty', label: 'L2 weight penalty', step: 0.0001 },
  { field: 'latentL1Penalty', label: 'latent L1 penalty', step: 0.001 },
  { field: 'seed', label: 'seed', step: 1 },
];

export function ConfigFields({ draft, disabled, onChange }: ConfigFieldsProps) {
  return (
    <div className="config-fields">
      <label>
        dataset
        <select
          data-testid="dataset"
          value={draft.dataset}
          disabled={disabled}
          onChange={(e) =>
            onChange({ ...draft, dataset: e.target.value === 'mnist' ? 'mnist' : 'fashion-mnist' })
          }
        >
          <option value="fashion-mnist">Fashion-MNIST</option>
          <option value="mnist">MNIST digits</option>
        </select>
      </label>
      <PresetFields draft={draft} disabled={disabled} onChange={onChange} />
      <label>
        noise type
        <select
          data-testid="noise-type"
          value={draft.noiseType}
          disabled={disabled}
          onChange={(e) =>
            onChange({
              ...draft,
              noiseType: NOISE_TYPES.find((t) => t === e.target.value) ?? draft.noiseType,
            })
          }
        >
          {NOISE_TYPES.map((type) => (
            <option key={type} value={type}>
              {type}
            </option>
          ))}
        </select>
      </label>
      {NUMBER_FIELDS.map(({ field, label, step }) => (
        <label key={field}>
          {label}
          <input
            type="number"
            data-testid={`config-${field}`}
            value={draft[field] ?? ''}
            min={CONFIG_LIMITS[field].min}
            max={CONFIG_LIMITS[field].max}
            step={step}
            disabled={disabled}
            onChange={(e) =>
              onChange({ ...draft, [field]: e.target.value === '' ? NaN : Number(e.target.value) })
            }
          />
        </label>
      ))}
      <label>
        validate on
        <select
          data-testid="config-validation"
          value={draft.validation}
          disabled={disabled}
          onChange={(e) =>
            onChange({ ...draft, validation: e.target.value === 'holdout' ? 'holdout' : 'test' })
          }
        >
          <option value="test">test split (as the lab)</option>
          <option value="holdout">10% of train</option>
        </select>
      </label>
    </div>
  );
}
