/**
 * The run's status, owned here alone: every change goes through `to`, which announces it and
 * refuses a transition the run cannot make (so no stale `training` outlives the run's end).
 */
import type { EmitEvent, RunStatus } from '../../shared/protocol';

/** Where each status may go next; `loading` is a reset or a new data set. */
const NEXT: Record<RunStatus, readonly RunStatus[]> = {
  // A refused reset (its data failed to load) returns to where the run was.
  loading: ['idle', 'paused', 'done', 'failed'],
  idle: ['training', 'loading', 'failed'],
  training: ['paused', 'done', 'loading', 'failed'],
  paused: ['training', 'loading', 'failed'],
  done: ['loading', 'failed'],
  failed: ['loading'],
};

/** The status a stopped (not failed) run has: done after its last epoch, paused once it has stepped. */
export function settledStatus(run: { isFinished: boolean; step: number }): RunStatus {
  return run.isFinished ? 'done' : run.step > 0 ? 'paused' : 'idle';
}

export function canTransition(from: RunStatus, to: RunStatus): boolean {
  return NEXT[from].includes(to);
}

export class RunStatusMachine {
  private current: RunStatus = 'loading';

  get status(): RunStatus {
    return this.current;
  }

  /** Moves to `next` and announces it; false (and nothing sent) when the move is not allowed. */
  to(next: RunStatus, emit: EmitEvent): boolean {
    if (next === this.current) return true;
    if (!canTransition(this.current, next)) return false;
    this.current = next;
    emit({ type: 'statusChanged', status: next });
    return true;
  }
}
