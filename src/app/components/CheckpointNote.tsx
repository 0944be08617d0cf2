/** Says which checkpoint a panel shows after a restore: the run's counters still say the latest epoch. */
import { usePlayground } from '../store';
import { selectRestoredEpoch } from '../store/selectors';

export function CheckpointNote() {
  const restoredEpoch = usePlayground(selectRestoredEpoch);
  if (restoredEpoch === null) return null;
  return (
    <p className="checkpoint-note" data-testid="checkpoint-note">
      Showing the epoch-{restoredEpoch} checkpoint.
    </p>
  );
}
