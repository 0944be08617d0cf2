/**
 * Saves the current run to IndexedDB as it trains: at an epoch end at most every SAVE_INTERVAL_MS,
 * mid-epoch after MID_EPOCH_SAVE_INTERVAL_MS (long epochs), and whenever training stops. Reading
 * the state waits for the device between two steps; the write itself commits off this thread.
 */
import type { EmitEvent, SavedRunSummary } from '../../shared/protocol';
import type { TrainingSession } from '../training/trainingSession';
import { RunDatabase, type SavedRun } from './runDatabase';
import type { RunHistoryRecorder } from './runHistoryRecorder';
import { heldRunIds, tryHoldRunLock } from './runLocks';
import type { SessionCheckpoint } from './sessionCheckpoint';

export const SAVE_INTERVAL_MS = 10_000;
export const MID_EPOCH_SAVE_INTERVAL_MS = 60_000;
/** Older runs beyond these are deleted (unless a tab still writes them): each is megabytes. */
const KEPT_RUNS = 3;

export class RunSaver {
  private runId = '';
  private releaseLock: (() => void) | null = null;
  private lastSaveMs = 0;
  private saved = { epoch: -1, step: -1 };
  private writing: Promise<void> | null = null;
  private database: Promise<RunDatabase | null> | null = null;
  private warned = false;

  constructor(
    private readonly history: RunHistoryRecorder,
    private readonly openDatabase: () => Promise<RunDatabase> = () => RunDatabase.open(),
    private readonly now: () => number = () => performance.now(),
  ) {}

  get currentRunId(): string {
    return this.runId;
  }

  /** A new run, or a saved one continued: its id becomes this tab's if no other tab writes it. */
  async beginRun(continuing: SavedRunSummary | null = null): Promise<void> {
    await this.writing;
    this.releaseLock?.();
    const wanted = continuing?.runId ?? crypto.randomUUID();
    let release = await tryHoldRunLock(wanted);
    // Another tab writes that run: continue it under a new id, so neither overwrites the other.
    this.runId = release ? wanted : crypto.randomUUID();
    release ??= await tryHoldRunLock(this.runId);
    this.releaseLock = release;
    this.lastSaveMs = this.now();
    this.saved = continuing ? { epoch: continuing.epoch, step: continuing.step } : { epoch: -1, step: -1 };
  }

  /** Called between steps while training. */
  async saveIfDue(session: TrainingSession, emit: EmitEvent): Promise<void> {
    if (this.writing || session.step === this.saved.step) return;
    const sinceMs = this.now() - this.lastSaveMs;
    const epochEnded = session.epoch !== this.saved.epoch && session.stepInEpoch === 0;
    if ((epochEnded && sinceMs >= SAVE_INTERVAL_MS) || sinceMs >= MID_EPOCH_SAVE_INTERVAL_MS) {
      await this.save(session, emit);
    }
  }

  /** Saves unless nothing trained since the last save; resolves once the state is read (not written). */
  async save(session: TrainingSession, emit: EmitEvent): Promise<void> {
    await this.writing;
    if (session.step === this.saved.step || session.step === 0) return;
    const database = await this.open(emit);
    if (!database) return;
    const readStartMs = this.now();
    const checkpoint = await session.checkpoint();
    const readMs = this.now() - readStartMs;
    const { config } = session;
    const summary: SavedRunSummary = {
      runId: this.runId,
      savedAtMs: Date.now(),
      dataset: config.dataset,
      epoch: session.epoch,
      epochs: config.epochs,
      step: session.step,
    };
    const writeStartMs = this.now();
    const written = database.put({ summary, config, history: this.history.current, checkpoint });
    this.lastSaveMs = this.now();
    this.saved = { epoch: session.epoch, step: session.step };
    this.writing = written
      .then(async () => {
        const writeMs = this.now() - writeStartMs;
        emit({ type: 'runSaved', ...summary, bytes: checkpointBytes(checkpoint), readMs, writeMs });
        await this.prune(database);
      })
      .catch((error: unknown) => this.warn(emit, `Saving the run failed: ${String(error)}`))
      .finally(() => {
        this.writing = null;
      });
  }

  /** The newest saved run other than this tab's own, or null. */
  async latest(emit: EmitEvent): Promise<SavedRunSummary | null> {
    const database = await this.open(emit);
    const summaries = (await database?.summaries()) ?? [];
    return summaries.find((summary) => summary.runId !== this.runId) ?? null;
  }

  async load(runId: string, emit: EmitEvent): Promise<SavedRun | null> {
    return (await (await this.open(emit))?.get(runId)) ?? null;
  }

  private async prune(database: RunDatabase): Promise<void> {
    const held = await heldRunIds();
    const old = (await database.summaries()).slice(KEPT_RUNS);
    for (const { runId } of old) if (!held.has(runId) && runId !== this.runId) await database.delete(runId);
  }

  private open(emit: EmitEvent): Promise<RunDatabase | null> {
    // No IndexedDB at all (Node tests): nothing to save to, and nothing to say.
    if (typeof indexedDB === 'undefined') return Promise.resolve(null);
    this.database ??= this.openDatabase().catch((error: unknown) => {
      this.warn(emit, `Runs cannot be saved in this browser (${String(error)}).`);
      return null;
    });
    return this.database;
  }

  private warn(emit: EmitEvent, message: string): void {
    if (this.warned) return;
    this.warned = true;
    emit({ type: 'failed', message });
  }
}

/** The bytes of the typed arrays a save writes (the curves add kilobytes). */
function checkpointBytes(checkpoint: SessionCheckpoint): number {
  const { weights, order, optimizer, best } = checkpoint;
  const arrays = [weights, order, optimizer.firstMoments, optimizer.secondMoments, best?.weights];
  return arrays.reduce((sum, array) => sum + (array?.byteLength ?? 0), 0);
}
