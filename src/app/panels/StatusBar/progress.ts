/** Progress fractions and ETAs for the status bar; pure so they are easy to test. */
import type { FileProgress } from '../../store/runSlice';

export interface Progress {
  fraction: number;
  etaMs: number | null;
}

export function dataLoadProgress(
  files: Record<string, FileProgress>,
  elapsedMs: number,
  fileCount = 4,
): Progress {
  const entries = Object.values(files);
  const known = entries.filter((file) => file.totalBytes !== null);
  if (known.length === 0) return { fraction: 0, etaMs: null };
  const loaded = known.reduce((sum, file) => sum + file.loadedBytes, 0);
  // Files not yet started count as the average size of the ones seen, so the bar never jumps back.
  const averageTotal = known.reduce((sum, file) => sum + (file.totalBytes ?? 0), 0) / known.length;
  const total = averageTotal * Math.max(fileCount, entries.length);
  const fraction = Math.min(1, loaded / total);
  return { fraction, etaMs: fraction > 0 ? (elapsedMs / fraction) * (1 - fraction) : null };
}

export function epochProgress(stepInEpoch: number, stepsPerEpoch: number, epochElapsedMs: number): Progress {
  if (stepsPerEpoch <= 0 || stepInEpoch <= 0) return { fraction: 0, etaMs: null };
  const fraction = Math.min(1, stepInEpoch / stepsPerEpoch);
  return { fraction, etaMs: (epochElapsedMs / stepInEpoch) * (stepsPerEpoch - stepInEpoch) };
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
