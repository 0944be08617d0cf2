/**
 * Saved runs in IndexedDB (the worker has it; localStorage it has not). A summary store lists
 * runs without reading their megabytes of weights; both are written in one transaction. Kept runs
 * (the runs table's) have a store of their own, which the pruning of saved runs never touches.
 */
import type { TrainingConfig } from '../../shared/config';
import type { RunHistory, SavedRunSummary } from '../../shared/protocol';
import type { KeptRun } from '../runs/keptRuns';
import type { SessionCheckpoint } from './sessionCheckpoint';

export interface SavedRun {
  summary: SavedRunSummary;
  config: TrainingConfig;
  history: RunHistory;
  checkpoint: SessionCheckpoint;
}

const DB_NAME = 'autoencoder-playground';
/** 2 added the kept runs' store. */
const DB_VERSION = 2;
const RUNS = 'runs';
const SUMMARIES = 'summaries';
const KEPT = 'kept';

function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

function committed(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB transaction failed'));
    transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB transaction aborted'));
  });
}

export class RunDatabase {
  private constructor(private readonly db: IDBDatabase) {}

  static async open(name = DB_NAME): Promise<RunDatabase> {
    const request = indexedDB.open(name, DB_VERSION);
    request.onupgradeneeded = () => {
      const db = request.result;
      // Runs are keyed by their id; a summary shares its run's key. An older version has some already.
      if (!db.objectStoreNames.contains(RUNS)) db.createObjectStore(RUNS);
      if (!db.objectStoreNames.contains(SUMMARIES)) db.createObjectStore(SUMMARIES, { keyPath: 'runId' });
      if (!db.objectStoreNames.contains(KEPT)) db.createObjectStore(KEPT);
    };
    const db = await done(request);
    // A newer version opened in another tab: let it upgrade instead of blocking it.
    db.onversionchange = () => db.close();
    return new RunDatabase(db);
  }

  /**
   * Structured-clones the run now (the caller may change its copies right after) and resolves
   * once the write is on disk.
   */
  put(run: SavedRun): Promise<void> {
    const transaction = this.db.transaction([RUNS, SUMMARIES], 'readwrite');
    transaction.objectStore(RUNS).put(run, run.summary.runId);
    transaction.objectStore(SUMMARIES).put(run.summary);
    return committed(transaction);
  }

  /** The saved run, or null when there is none or its record is not one (corrupt, older format). */
  async get(runId: string): Promise<SavedRun | null> {
    const value: unknown = await done(this.db.transaction(RUNS).objectStore(RUNS).get(runId));
    return isSavedRun(value) ? value : null;
  }

  /** Every summary, newest first. */
  async summaries(): Promise<SavedRunSummary[]> {
    const values: unknown[] = await done(this.db.transaction(SUMMARIES).objectStore(SUMMARIES).getAll());
    return values.filter(isSummary).sort((a, b) => b.savedAtMs - a.savedAtMs);
  }

  delete(runId: string): Promise<void> {
    const transaction = this.db.transaction([RUNS, SUMMARIES], 'readwrite');
    transaction.objectStore(RUNS).delete(runId);
    transaction.objectStore(SUMMARIES).delete(runId);
    return committed(transaction);
  }

  /** Resolves once the kept run (summary and best weights) is on disk. */
  putKept(run: KeptRun): Promise<void> {
    const transaction = this.db.transaction(KEPT, 'readwrite');
    transaction.objectStore(KEPT).put(run, run.summary.runId);
    return committed(transaction);
  }

  /** Every kept run whose record is one (others, e.g. of an older format, are skipped). */
  async keptRuns(): Promise<KeptRun[]> {
    const values: unknown[] = await done(this.db.transaction(KEPT).objectStore(KEPT).getAll());
    return values.filter(isKeptRun);
  }

  deleteKept(runId: string): Promise<void> {
    const transaction = this.db.transaction(KEPT, 'readwrite');
    transaction.objectStore(KEPT).delete(runId);
    return committed(transaction);
  }

  close(): void {
    this.db.close();
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isSummary(value: unknown): value is SavedRunSummary {
  if (!isRecord(value)) return false;
  const numbers = ['savedAtMs', 'epoch', 'epochs', 'step'].every((key) => Number.isFinite(value[key]));
  return numbers && typeof value.runId === 'string' && typeof value.dataset === 'string';
}

/** Shape checks only: a record from another version or a broken write is skipped, never trained on. */
function isSavedRun(value: unknown): value is SavedRun {
  if (!isRecord(value) || !isSummary(value.summary) || !isRecord(value.config)) return false;
  const { checkpoint, history } = value;
  if (!isRecord(history) || !Array.isArray(history.batchLosses) || !Array.isArray(history.epochRecords)) {
    return false;
  }
  if (!Array.isArray(history.metricsHistory) || !isRecord(checkpoint)) return false;
  const { optimizer, best } = checkpoint;
  return (
    checkpoint.weights instanceof Float32Array &&
    checkpoint.order instanceof Int32Array &&
    isRecord(checkpoint.counters) &&
    isRecord(checkpoint.randomStates) &&
    isRecord(checkpoint.scheduler) &&
    isRecord(optimizer) &&
    optimizer.firstMoments instanceof Float32Array &&
    optimizer.secondMoments instanceof Float32Array &&
    (best === null || (isRecord(best) && best.weights instanceof Float32Array))
  );
}

function isKeptRun(value: unknown): value is KeptRun {
  if (!isRecord(value) || !(value.weights instanceof Float32Array)) return false;
  const { summary } = value;
  return (
    isRecord(summary) &&
    typeof summary.runId === 'string' &&
    typeof summary.name === 'string' &&
    Number.isFinite(summary.keptAtMs) &&
    isRecord(summary.config) &&
    isRecord(summary.curves)
  );
}
