/**
 * The only owner of the Worker. Components call these functions; worker events are queued and
 * applied to the store at most once per animation frame, so a flood of batches never janks.
 * The store's view request goes to the worker whole whenever it changes, at most once a frame.
 * A crashed worker or a lost GPU device gets a new worker, which resumes the tab's last save.
 */
import type { TrainingConfig } from '../shared/config';
import type { ModelFiles, WorkerCommand, WorkerEvent } from '../shared/protocol';
import type { RunFile } from '../shared/runFile';
import type { KeptRunCurves } from '../shared/runs';
import { downloadModelFiles } from './persistence/downloads';
import type { ViewRequest } from '../shared/viewRequest';
import { frameThrottle } from './frameThrottle';
import { usePlayground } from './store';

/** Hidden tabs get no animation frames; this bound keeps the store fresh there too. */
const MAX_FLUSH_DELAY_MS = 250;
/** More restarts than this within RESTART_WINDOW_MS and the client gives up: something else is wrong. */
const MAX_RESTARTS = 3;
const RESTART_WINDOW_MS = 60_000;

/** What the client uses of a Worker, so tests can hand it a fake one. */
export interface TrainingWorker {
  postMessage(command: WorkerCommand, transfer?: Transferable[]): void;
  onmessage: ((message: MessageEvent<WorkerEvent>) => void) | null;
  onerror: ((error: ErrorEvent) => void) | null;
  terminate(): void;
}

// Vite bundles the worker only from this exact `new Worker(new URL(...))` form.
const createTrainingWorker = (): TrainingWorker =>
  new Worker(new URL('../worker/training.worker.ts', import.meta.url), { type: 'module' });

let worker: TrainingWorker | null = null;
let queue: WorkerEvent[] = [];
let pendingFrame: number | null = null;
let pendingTimer: ReturnType<typeof setTimeout> | null = null;
let stopSendingViews: (() => void) | null = null;
let launchWorker: ((recovery?: { runId: string | null; reason: string }) => void) | null = null;
let restartTimesMs: number[] = [];
/** Called with each batch of events once the store has them (the sweep reacts to them). */
const eventListeners = new Set<(events: WorkerEvent[]) => void>();

/** Listens to the worker's events after the store has applied them; returns the way to stop. */
export function listenToWorkerEvents(listener: (events: WorkerEvent[]) => void): () => void {
  eventListeners.add(listener);
  return () => eventListeners.delete(listener);
}

function flush(): void {
  // Whichever fires first cancels the other, so a stale one cannot flush twice in a frame.
  if (pendingFrame !== null) cancelAnimationFrame(pendingFrame);
  if (pendingTimer !== null) clearTimeout(pendingTimer);
  pendingFrame = null;
  pendingTimer = null;
  if (queue.length === 0) return;
  const events = queue;
  queue = [];
  usePlayground.getState().applyEvents(events);
  eventListeners.forEach((listener) => listener(events));
}

function scheduleFlush(): void {
  if (pendingTimer !== null) return;
  pendingFrame = requestAnimationFrame(flush);
  pendingTimer = setTimeout(flush, MAX_FLUSH_DELAY_MS);
}

function send(command: WorkerCommand, transfer: Transferable[] = []): void {
  worker?.postMessage(command, transfer);
}

function restart(reason: string): void {
  const nowMs = Date.now();
  restartTimesMs = restartTimesMs.filter((time) => nowMs - time < RESTART_WINDOW_MS);
  if (restartTimesMs.length >= MAX_RESTARTS) {
    queue.push({ type: 'failed', message: `${reason} It keeps failing: reload the page.` });
    queue.push({ type: 'statusChanged', status: 'failed' });
    scheduleFlush();
    return;
  }
  restartTimesMs.push(nowMs);
  worker?.terminate();
  queue.push({ type: 'failed', message: `${reason} Restarting the worker…` });
  queue.push({ type: 'statusChanged', status: 'loading' });
  flush();
  launchWorker?.({ runId: usePlayground.getState().lastSave?.runId ?? null, reason });
}

export function startWorker(config: TrainingConfig, createWorker = createTrainingWorker): void {
  launchWorker = (recovery) => {
    const current = createWorker();
    worker = current;
    current.onmessage = (message) => {
      if (worker !== current) return;
      const event = message.data;
      if (event.type === 'modelExported') downloadModelFiles(event);
      queue.push(event);
      scheduleFlush();
      if (event.type === 'deviceLost') restart(event.message);
    };
    current.onerror = (error) => {
      if (worker === current) restart(`The training worker crashed: ${error.message || 'unknown error'}.`);
    };
    // A restarted worker trains the run it resumes; a first one, the page's settings.
    const { runConfig } = usePlayground.getState();
    send({
      type: 'initialize',
      config: recovery ? runConfig : config,
      views: usePlayground.getState().viewRequest,
      dataBaseUrl: document.baseURI,
      recovery,
    });
  };
  launchWorker();
  // A dragged slider changes the request every event; the worker needs the latest once a frame.
  const sendViews = frameThrottle((views: ViewRequest) => send({ type: 'setViews', views }));
  stopSendingViews?.();
  stopSendingViews = usePlayground.subscribe((state, previous) => {
    if (state.viewRequest !== previous.viewRequest) sendViews(state.viewRequest);
  });
}

export const training = {
  start: () => send({ type: 'start' }),
  pause: () => send({ type: 'pause' }),
  resume: () => send({ type: 'resume' }),
  step: () => send({ type: 'step' }),
  reset: (config: TrainingConfig) => send({ type: 'reset', config }),
  restoreBest: () => send({ type: 'restoreBest' }),
  injectNonFinite: () => send({ type: 'injectNonFinite' }),
  keepRun: (name: string, curves: KeptRunCurves) => send({ type: 'keepRun', name, curves }),
  deleteKeptRun: (runId: string) => send({ type: 'deleteKeptRun', runId }),
  resumeSavedRun: (runId: string) => send({ type: 'resumeSavedRun', runId }),
  exportModel: () => send({ type: 'exportModel' }),
  importModel: (files: ModelFiles) =>
    send(
      { type: 'importModel', files },
      files.weightFiles.map((file) => file.data),
    ),
  importRun: (run: RunFile) => send({ type: 'importRun', run }),
  loseDevice: () => send({ type: 'loseDevice' }),
};
