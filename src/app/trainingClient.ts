/**
 * The only owner of the Worker. Components call these functions; worker events are queued and
 * applied to the store at most once per animation frame, so a flood of batches never janks.
 * The store's view request goes to the worker whole whenever it changes, at most once a frame.
 */
import type { TrainingConfig } from '../shared/config';
import type { WorkerCommand, WorkerEvent } from '../shared/protocol';
import type { KeptRunCurves } from '../shared/runs';
import type { ViewRequest } from '../shared/viewRequest';
import { frameThrottle } from './frameThrottle';
import { usePlayground } from './store';

/** Hidden tabs get no animation frames; this bound keeps the store fresh there too. */
const MAX_FLUSH_DELAY_MS = 250;

/** What the client uses of a Worker, so tests can hand it a fake one. */
export interface TrainingWorker {
  postMessage(command: WorkerCommand): void;
  onmessage: ((message: MessageEvent<WorkerEvent>) => void) | null;
  onerror: ((error: ErrorEvent) => void) | null;
}

// Vite bundles the worker only from this exact `new Worker(new URL(...))` form.
const createTrainingWorker = (): TrainingWorker =>
  new Worker(new URL('../worker/training.worker.ts', import.meta.url), { type: 'module' });

let worker: TrainingWorker | null = null;
let queue: WorkerEvent[] = [];
let pendingFrame: number | null = null;
let pendingTimer: ReturnType<typeof setTimeout> | null = null;
let stopSendingViews: (() => void) | null = null;
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

function send(command: WorkerCommand): void {
  worker?.postMessage(command);
}

export function startWorker(config: TrainingConfig, createWorker = createTrainingWorker): void {
  worker = createWorker();
  worker.onmessage = (message) => {
    queue.push(message.data);
    scheduleFlush();
  };
  worker.onerror = (error) => {
    queue.push({
      type: 'failed',
      message: `The training worker crashed: ${error.message || 'unknown error'}`,
    });
    queue.push({ type: 'statusChanged', status: 'failed' });
    scheduleFlush();
  };
  send({
    type: 'initialize',
    config,
    views: usePlayground.getState().viewRequest,
    dataBaseUrl: document.baseURI,
  });
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
};
