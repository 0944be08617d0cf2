/** After a reload: offers the run saved in this browser, with where it would continue. */
import { usePlayground, type PlaygroundState } from '../../store';
import { training } from '../../trainingClient';

const selectOffer = (s: PlaygroundState) => (s.step === 0 && s.status === 'idle' ? s.resumableRun : null);

export function ResumeOffer() {
  const run = usePlayground(selectOffer);
  if (!run) return null;
  const savedAt = new Date(run.savedAtMs).toLocaleString();
  return (
    <div className="resume-offer" role="status">
      A run saved in this browser ({run.dataset}, {savedAt}) can continue at epoch {run.epoch}/{run.epochs},
      step {run.step}.{' '}
      <button data-testid="resume" onClick={() => training.resumeSavedRun(run.runId)}>
        Resume epoch {run.epoch}, step {run.step}
      </button>
    </div>
  );
}
