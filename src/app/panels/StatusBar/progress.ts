/** Progress fractions and ETAs for the status bar; pure so they are easy to test. */
import { DATASET_FILE_BYTES, DATASET_FILES, type DatasetFileRole } from '../../../shared/dataset';
import type { FileProgress, RunSlice } from '../../store/runSlice';

export interface Progress {
  fraction: number;
  etaMs: number | null;
}

const DATASET_ROLES = Object.keys(DATASET_FILE_BYTES) as DatasetFileRole[];
const DATASET_BYTES = DATASET_ROLES.reduce((sum, role) => sum + DATASET_FILE_BYTES[role], 0);

/**
 * Each file owns a fixed share of the bar, its decompressed size, known before any byte arrives:
 * a file's total turning up late moves no other file's share, so the bar never goes back.
 */
export function dataLoadProgress(files: Record<string, FileProgress>, elapsedMs: number): Progress {
  let fraction = 0;
  for (const role of DATASET_ROLES) {
    const file = files[DATASET_FILES[role]];
    if (!file) continue;
    // Without a Content-Length the browser may be inflating the body: count against the inflated size.
    const totalBytes = file.totalBytes ?? DATASET_FILE_BYTES[role];
    fraction += (DATASET_FILE_BYTES[role] / DATASET_BYTES) * Math.min(1, file.loadedBytes / totalBytes);
  }
  fraction = Math.min(1, fraction);
  return { fraction, etaMs: fraction > 0 ? (elapsedMs / fraction) * (1 - fraction) : null };
}

export function epochProgress(stepInEpoch: number, stepsPerEpoch: number, epochElapsedMs: number): Progress {
  if (stepsPerEpoch <= 0 || stepInEpoch <= 0) return { fraction: 0, etaMs: null };
  const fraction = Math.min(1, stepInEpoch / stepsPerEpoch);
  return { fraction, etaMs: (epochElapsedMs / stepInEpoch) * (stepsPerEpoch - stepInEpoch) };
}

export interface EpochBar {
  label: string;
  progress: Progress;
}

export type EpochBarInput = Pick<
  RunSlice,
  'status' | 'epoch' | 'step' | 'stepInEpoch' | 'stepsPerEpoch' | 'epochElapsedMs'
>;

/** The current epoch's bar, or null when no epoch is under way: loading, done, or idle before step 1. */
export function epochBar(run: EpochBarInput): EpochBar | null {
  const underWay =
    run.status !== 'loading' && run.status !== 'done' && !(run.status === 'idle' && run.step === 0);
  if (!underWay || run.stepsPerEpoch <= 0) return null;
  return {
    label: `epoch ${run.epoch + 1}: ${run.stepInEpoch}/${run.stepsPerEpoch}`,
    progress: epochProgress(run.stepInEpoch, run.stepsPerEpoch, run.epochElapsedMs),
  };
}

export function formatDuration(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return '…';
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  return minutes < 60
    ? `${minutes} min ${seconds % 60} s`
    : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
