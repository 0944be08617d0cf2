/** Runs the sweep machine against the worker: its actions become commands, the worker's events advance it. */
import type { WorkerEvent } from '../../../shared/protocol';
import { usePlayground } from '../../store';
import { listenToWorkerEvents, training } from '../../trainingClient';
import { curvesOf } from './keptRunInput';
import {
  advanceSweep,
  cancelSweep,
  startSweep,
  type SweepAction,
  type SweepKind,
  type SweepRun,
  type SweepStep,
} from './sweepMachine';

let stopListening: (() => void) | null = null;

function perform(action: SweepAction): void {
  switch (action.type) {
    case 'reset':
      return training.reset(action.config);
    case 'start':
      return training.start();
    case 'pause':
      return training.pause();
    case 'keep': {
      const { epochRecords, metricsHistory } = usePlayground.getState();
      return training.keepRun(action.name, curvesOf(epochRecords, metricsHistory));
    }
  }
}

function apply(step: SweepStep): void {
  usePlayground.getState().setSweep(step.state, step.message);
  if (!step.state) {
    stopListening?.();
    stopListening = null;
  }
  step.actions.forEach(perform);
}

function onEvents(events: WorkerEvent[]): void {
  for (const event of events) {
    const { sweep } = usePlayground.getState();
    if (!sweep) return;
    apply(advanceSweep(sweep, event));
  }
}

export function runSweep(kind: SweepKind, runs: SweepRun[]): void {
  if (usePlayground.getState().sweep) return;
  stopListening ??= listenToWorkerEvents(onEvents);
  apply(startSweep(kind, runs));
}

export function stopSweep(): void {
  const { sweep } = usePlayground.getState();
  if (sweep) apply(cancelSweep(sweep));
}
