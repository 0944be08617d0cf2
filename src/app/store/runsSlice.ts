/** Kept runs: the table's rows, the comparison view, a sweep in progress, and their requests. */
import type { StateCreator } from 'zustand';
import type { EvaluationNoise, KeptRunSummary, RunComparison } from '../../shared/runs';
import { MAX_COMPARED_RUNS, type ViewRequest } from '../../shared/viewRequest';
import type { SweepState } from '../panels/Runs/sweepMachine';

export interface RunsSlice {
  /** In the order they were kept. */
  keptRuns: KeptRunSummary[];
  comparison: RunComparison | null;
  sweep: SweepState | null;
  /** How the last sweep ended; null while one runs or before any. */
  sweepMessage: string | null;
  setSweep(sweep: SweepState | null, message: string | null): void;
  /** The table's one evaluation noise (part of the view request: the comparison uses it too). */
  setRunsNoise(noise: EvaluationNoise): void;
  /** Which runs the comparison view shows (kept runs' ids or CURRENT_RUN_ID). */
  setComparedRuns(runIds: string[]): void;
}

type WithViewRequest = RunsSlice & { viewRequest: ViewRequest };

export const createRunsSlice: StateCreator<WithViewRequest, [], [], RunsSlice> = (set) => ({
  keptRuns: [],
  comparison: null,
  sweep: null,
  sweepMessage: null,
  setSweep: (sweep, sweepMessage) => set({ sweep, sweepMessage }),
  setRunsNoise: (runsNoise) => set((state) => ({ viewRequest: { ...state.viewRequest, runsNoise } })),
  setComparedRuns: (runIds) =>
    set((state) => ({
      viewRequest: { ...state.viewRequest, comparedRuns: [...new Set(runIds)].slice(0, MAX_COMPARED_RUNS) },
    })),
});
