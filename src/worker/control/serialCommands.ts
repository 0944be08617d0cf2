/**
 * Commands run one after another, in arrival order, so no reset disposes a run another command
 * is still using. `onArrival` sees each command at once, before those queued ahead of it run:
 * that is where pause and reset cancel long work, and where a command may skip the queue.
 */
import type { EmitEvent, WorkerCommand } from '../../shared/protocol';

export type ArrivalDecision = 'queue' | 'run-now';

export function serialCommands(
  handle: (command: WorkerCommand, emit: EmitEvent) => Promise<void>,
  onArrival: (command: WorkerCommand) => ArrivalDecision,
): (command: WorkerCommand, emit: EmitEvent) => Promise<void> {
  let tail: Promise<void> = Promise.resolve();
  return (command, emit) => {
    if (onArrival(command) === 'run-now') return handle(command, emit);
    // `handle` reports its own failures, so one failed command never blocks the next.
    const done = tail.then(() => handle(command, emit));
    tail = done;
    return done;
  };
}
