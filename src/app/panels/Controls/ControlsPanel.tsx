/** Start / pause / step / reset and the run's settings; settings apply on reset, via the URL too. */
import { useState } from 'react';
import { validateConfig, type TrainingConfig } from '../../../shared/config';
import { searchFromConfig } from '../../../shared/urlConfig';
import { Panel } from '../../components/Panel';
import { usePlayground } from '../../store';
import { selectRunConfig, selectStatus } from '../../store/selectors';
import { training } from '../../trainingClient';
import { ConfigFields } from './ConfigFields';

export function ControlsPanel() {
  const status = usePlayground(selectStatus);
  const runConfig = usePlayground(selectRunConfig);
  const hasBest = usePlayground((s) => s.epochRecords.length > 0);
  const [draft, setDraft] = useState<TrainingConfig>(runConfig);
  // A run the page did not configure (resumed, imported, restarted) brings its settings to the form.
  const [formConfig, setFormConfig] = useState(runConfig);
  if (runConfig !== formConfig) {
    setFormConfig(runConfig);
    setDraft(runConfig);
  }
  const [problems, setProblems] = useState<string[]>([]);
  // A sweep resets and starts runs itself: its Cancel button stops it.
  const sweeping = usePlayground((s) => s.sweep !== null);
  const busy = status === 'loading' || sweeping;
  const running = status === 'training';
  const changed = JSON.stringify(draft) !== JSON.stringify(runConfig);

  const applyAndReset = () => {
    const found = validateConfig(draft);
    setProblems(found);
    if (found.length > 0) return;
    history.replaceState(null, '', `${location.pathname}${searchFromConfig(draft)}`);
    training.reset(draft);
  };

  return (
    <Panel
      title="Controls"
      caption="Train, pause, step one batch, or reset with new settings."
      className="controls"
    >
      <div className="button-row">
        <button
          data-testid="start"
          disabled={busy || running || status === 'done' || status === 'failed'}
          onClick={status === 'paused' ? training.resume : training.start}
        >
          {status === 'paused' ? 'Resume' : 'Start'}
        </button>
        <button data-testid="pause" disabled={!running} onClick={training.pause}>
          Pause
        </button>
        <button
          data-testid="step-once"
          disabled={busy || running || status === 'done'}
          onClick={training.step}
        >
          Step
        </button>
        <button data-testid="reset" disabled={busy} onClick={applyAndReset}>
          {changed ? 'Apply & reset' : 'Reset'}
        </button>
        <button
          data-testid="restore-best"
          disabled={busy || running || !hasBest}
          onClick={training.restoreBest}
        >
          Restore best
        </button>
      </div>
      <ConfigFields draft={draft} disabled={busy} onChange={setDraft} />
      {problems.length > 0 && (
        <ul className="field-problems" role="alert" data-testid="config-problems">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
    </Panel>
  );
}
