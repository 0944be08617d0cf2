/** The kept runs the worker holds: each run's summary and its best weights, flat in state_dict order. */
import type { KeptRunMetrics, KeptRunSummary } from '../../shared/runs';
import type { Autoencoder } from '../model/autoencoder';
import { assignFlat } from '../model/flatState';
import { createPresetModel } from '../model/presets/createPresetModel';

export interface KeptRun {
  summary: KeptRunSummary;
  weights: Float32Array<ArrayBuffer>;
}

export class KeptRuns {
  private readonly runs = new Map<string, KeptRun>();

  get(runId: string): KeptRun | undefined {
    return this.runs.get(runId);
  }

  /** In the order they were kept. */
  list(): KeptRun[] {
    return [...this.runs.values()].sort((a, b) => a.summary.keptAtMs - b.summary.keptAtMs);
  }

  add(run: KeptRun): void {
    this.runs.set(run.summary.runId, run);
  }

  delete(runId: string): boolean {
    return this.runs.delete(runId);
  }

  setMetrics(runId: string, metrics: KeptRunMetrics): void {
    const run = this.runs.get(runId);
    if (run) run.summary = { ...run.summary, metrics };
  }
}

/** A model of the run's preset holding its kept weights; the caller disposes it. */
export function keptModel(run: KeptRun): Autoencoder {
  const model = createPresetModel(run.summary.config);
  try {
    assignFlat(
      run.weights,
      model.namedState.map(({ variable }) => variable),
    );
    return model;
  } catch (error) {
    model.dispose();
    throw error;
  }
}
