/** One action that trains several runs differing in one setting and keeps each; progress and Cancel. */
import { useState } from 'react';
import { usePlayground } from '../../store';
import { runSweep, stopSweep } from './sweepDriver';
import {
  planSweep,
  SWEEP_KINDS,
  SWEEP_LABELS,
  SWEEP_VALUES,
  sweepProblem,
  type SweepKind,
} from './sweepMachine';

const valueLabel = (value: string | number) => (typeof value === 'number' ? String(value) : value);

export function SweepControls() {
  const runConfig = usePlayground((s) => s.runConfig);
  const status = usePlayground((s) => s.status);
  const sweep = usePlayground((s) => s.sweep);
  const sweepMessage = usePlayground((s) => s.sweepMessage);
  const epoch = usePlayground((s) => s.epoch);
  const [kind, setKind] = useState<SweepKind>('trainingMode');
  const [values, setValues] = useState<readonly (string | number)[]>(SWEEP_VALUES.trainingMode);
  const problem = sweepProblem(kind, runConfig);
  const busy = status === 'loading' || status === 'training';

  const chooseKind = (next: SweepKind) => {
    setKind(next);
    setValues(SWEEP_VALUES[next]);
  };
  const toggle = (value: string | number) =>
    setValues(values.includes(value) ? values.filter((v) => v !== value) : [...values, value]);

  if (sweep) {
    const run = sweep.runs[sweep.index];
    const training = sweep.phase === 'training' || sweep.phase === 'keeping';
    return (
      <div className="sweep" data-testid="sweep-progress">
        <span>
          Sweep over {SWEEP_LABELS[sweep.kind]}: run {sweep.index + 1} of {sweep.runs.length} ({run.name})
          {training ? `, epoch ${epoch}/${run.config.epochs}` : ', preparing'}
        </span>
        <button type="button" data-testid="cancel-sweep" onClick={stopSweep}>
          Cancel
        </button>
      </div>
    );
  }
  return (
    <div className="sweep">
      <label>
        sweep
        <select
          data-testid="sweep-kind"
          value={kind}
          onChange={(e) => chooseKind(e.target.value as SweepKind)}
        >
          {SWEEP_KINDS.map((option) => (
            <option key={option} value={option}>
              {SWEEP_LABELS[option]}
            </option>
          ))}
        </select>
      </label>
      <span className="sweep-values" data-testid="sweep-values">
        {SWEEP_VALUES[kind].map((value) => (
          <label key={value}>
            <input type="checkbox" checked={values.includes(value)} onChange={() => toggle(value)} />
            {valueLabel(value)}
          </label>
        ))}
      </span>
      <button
        type="button"
        data-testid="run-sweep"
        disabled={busy || problem !== null || values.length === 0}
        title="Each run uses the current run's settings (apply changes first) with only the swept value changed, trains its epochs, and is kept."
        onClick={() => runSweep(kind, planSweep(kind, values, runConfig))}
      >
        Run sweep
      </button>
      {problem && <span className="sweep-note">{problem}</span>}
      {sweepMessage && (
        <span className="sweep-note" data-testid="sweep-message">
          {sweepMessage}
        </span>
      )}
    </div>
  );
}
