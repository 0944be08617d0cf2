/**
 * The current run's curves and metrics as the worker emitted them, so a save holds what the page
 * shows without asking it. A reset empties it; a resumed or imported run replaces it.
 */
import type { RunHistory, WorkerEvent } from '../../shared/protocol';

const empty = (): RunHistory => ({ batchLosses: [], epochRecords: [], metricsHistory: [] });

export class RunHistoryRecorder {
  private history = empty();

  get current(): RunHistory {
    return this.history;
  }

  observe(event: WorkerEvent): void {
    switch (event.type) {
      case 'runReset':
        this.history = empty();
        return;
      case 'runRestored':
        this.history = structuredClone(event.history);
        return;
      case 'batchesTrained':
        this.history.batchLosses.push(...event.losses);
        return;
      case 'epochEnded': {
        const { type, numTensors, ...record } = event;
        void type;
        void numTensors;
        this.history.epochRecords.push(record);
        return;
      }
      case 'metricsComputed': {
        const { type, ...record } = event;
        void type;
        const others = this.history.metricsHistory.filter((m) => m.epoch !== record.epoch);
        this.history.metricsHistory = [...others, record];
        return;
      }
      default:
        // Every other event leaves the curves as they are.
        return;
    }
  }
}
