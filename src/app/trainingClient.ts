/**
 * The only owner of the Worker. Components call these functions; worker events are queued and
 * applied to the store at most once per animation frame, so a flood of batches never janks.
 */
import type { TrainingConfig } from '../shared/config';
import type { WorkerCommand, WorkerEvent } from '../shared/protocol';
import { usePlayground } from './store';

/** Hidden tabs get no animation frames; this bound keeps the store fresh there too. */
const MAX_FLUSH_DELAY_MS = 250;

let worker: Worker | null = null;
let queue: WorkerEvent[] = [];
let flushScheduled = false;

function flush(): void {
  flushScheduled = false;
  if (queue.length === 0) return;
  const events = queue;
  queue = [];
  usePlayground.getState().applyEvents(events);
}

function scheduleFlush(): void {
  if (flushScheduled) return;
  flushScheduled = true;
  requestAnimationFrame(flush);
  setTimeout(() => flushScheduled && flush(), MAX_FLUSH_DELAY_MS);
}

function send(command: WorkerCommand): void {
  worker?.postMessage(command);
}

export function startWorker(config: TrainingConfig): void {
  worker = new Worker(new URL('../worker/training.worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (message: MessageEvent<WorkerEvent>) => {
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
  send({ type: 'initialize', config, dataBaseUrl: document.baseURI });
}

export const training = {
  start: () => send({ type: 'start' }),
  pause: () => send({ type: 'pause' }),
  resume: () => send({ type: 'resume' }),
  step: () => send({ type: 'step' }),
  reset: (config: TrainingConfig) => send({ type: 'reset', config }),
  restoreBest: () => send({ type: 'restoreBest' }),
  setNoiseLevel: (noiseLevel: number) => send({ type: 'setNoiseLevel', noiseLevel }),
  showImages: (testIndices: number[]) => send({ type: 'showImages', testIndices }),
  decodeLatent: (x: number, y: number) => send({ type: 'decodeLatent', x, y }),
};
