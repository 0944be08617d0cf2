/** Saved runs as the page knows them: this tab's last save and the saved run it may resume. */
import type { StateCreator } from 'zustand';
import type { SavedRunSummary, WorkerEvent } from '../../shared/protocol';

export type SaveReport = Omit<Extract<WorkerEvent, { type: 'runSaved' }>, 'type'>;

export interface PersistenceSlice {
  /** This tab's latest save of its run: a restarted worker resumes it. */
  lastSave: SavedRunSummary | null;
  /** What the last save cost (bytes, reading the state, writing it). */
  lastSaveReport: SaveReport | null;
  /** The newest run saved by an earlier page (or another tab), offered by the resume button. */
  resumableRun: SavedRunSummary | null;
  /** Failures on this side of the boundary (a run file that is not one). */
  reportError(message: string): void;
}

export const createPersistenceSlice: StateCreator<
  PersistenceSlice & { errorMessage: string | null },
  [],
  [],
  PersistenceSlice
> = (set) => ({
  lastSave: null,
  lastSaveReport: null,
  resumableRun: null,
  reportError: (message) => set({ errorMessage: message }),
});
