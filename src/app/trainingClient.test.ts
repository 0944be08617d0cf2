import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CONFIG } from '../shared/config';
import type { WorkerCommand, WorkerEvent } from '../shared/protocol';
import { DEFAULT_VIEW_REQUEST } from '../shared/viewRequest';
import { usePlayground } from './store';
import { startWorker, training, type TrainingWorker } from './trainingClient';

class FakeWorker implements TrainingWorker {
  posted: WorkerCommand[] = [];
  onmessage: ((message: MessageEvent<WorkerEvent>) => void) | null = null;
  onerror: ((error: ErrorEvent) => void) | null = null;

  terminated = false;

  postMessage(command: WorkerCommand): void {
    this.posted.push(command);
  }

  terminate(): void {
    this.terminated = true;
  }

  emit(event: WorkerEvent): void {
    this.onmessage?.(new MessageEvent('message', { data: event }));
  }

  crash(message: string): void {
    const error = Object.assign(new Event('error'), {
      message,
      filename: '',
      lineno: 0,
      colno: 0,
      error: null,
    });
    this.onerror?.(error);
  }
}

/** Animation frames that run only when the test says so. */
function manualFrames() {
  const callbacks = new Map<number, FrameRequestCallback>();
  let nextId = 1;
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => {
    callbacks.set(nextId, callback);
    return nextId++;
  });
  vi.stubGlobal('cancelAnimationFrame', (id: number) => callbacks.delete(id));
  return {
    pending: () => callbacks.size,
    run: () => {
      const due = [...callbacks.values()];
      callbacks.clear();
      due.forEach((callback) => callback(0));
    },
  };
}

const batch = (step: number): WorkerEvent => ({
  type: 'batchesTrained',
  epoch: 0,
  stepInEpoch: step,
  stepsPerEpoch: 100,
  losses: [{ step, loss: 0.1 }],
  learningRate: 1e-3,
  numTensors: 50,
  epochElapsedMs: step,
});

let frames: ReturnType<typeof manualFrames>;
let fake: FakeWorker;
let storeUpdates: number;
let unsubscribe: () => void;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  frames = manualFrames();
  vi.stubGlobal('document', { baseURI: 'http://localhost/class/' });
  usePlayground.setState(usePlayground.getInitialState(), true);
  storeUpdates = 0;
  unsubscribe = usePlayground.subscribe(() => storeUpdates++);
  fake = new FakeWorker();
  startWorker(DEFAULT_CONFIG, () => fake);
});

afterEach(() => {
  // Reset while the old client listens, so its request for the reset goes to this test's fake.
  usePlayground.setState(usePlayground.getInitialState(), true);
  frames.run();
  unsubscribe();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('training client', () => {
  it('initialises the worker with the store’s view request and forwards the commands', () => {
    training.start();
    training.pause();
    expect(fake.posted).toEqual([
      {
        type: 'initialize',
        config: DEFAULT_CONFIG,
        views: DEFAULT_VIEW_REQUEST,
        dataBaseUrl: 'http://localhost/class/',
      },
      { type: 'start' },
      { type: 'pause' },
    ]);
  });

  it('sends the whole view request when it changes, the latest once a frame', () => {
    const store = usePlayground.getState();
    store.setEvalNoiseLevel(0.4);
    store.setEvalNoiseLevel(0.6);
    store.setLatentPoint({ x: 1, y: -2 });
    store.selectTestIndex(3);
    expect(fake.posted).toHaveLength(1);
    frames.run();
    expect(fake.posted.slice(1)).toEqual([
      {
        type: 'setViews',
        views: { ...DEFAULT_VIEW_REQUEST, evalNoiseLevel: 0.6, latentPoint: { x: 1, y: -2 } },
      },
    ]);
    store.setBrushedTestIndices(Array.from({ length: 12 }, (_, i) => 20 + i));
    frames.run();
    expect(fake.posted.at(-1)).toEqual({
      type: 'setViews',
      views: expect.objectContaining({ gridTestIndices: [20, 21, 22, 23, 24, 25, 26, 27] }),
    });
    // A selection alone changes no view the worker draws.
    usePlayground.getState().selectTestIndex(5);
    frames.run();
    expect(fake.posted).toHaveLength(3);
  });

  it('applies a flood of events in one store update a frame', () => {
    for (let step = 1; step <= 50; step++) fake.emit(batch(step));
    expect(frames.pending()).toBe(1);
    expect(storeUpdates).toBe(0);
    frames.run();
    expect(storeUpdates).toBe(1);
    expect(usePlayground.getState().batchSteps).toHaveLength(50);
    fake.emit(batch(51));
    fake.emit(batch(52));
    frames.run();
    expect(storeUpdates).toBe(2);
    expect(usePlayground.getState().step).toBe(52);
  });

  it('never flushes twice in a frame: the frame cancels the fallback timer', () => {
    fake.emit(batch(1));
    vi.advanceTimersByTime(100);
    frames.run();
    fake.emit(batch(2));
    // The first schedule's timer would fire here; only the next frame may apply batch 2.
    vi.advanceTimersByTime(200);
    expect(storeUpdates).toBe(1);
    frames.run();
    expect(storeUpdates).toBe(2);
  });

  it('still applies events within 250 ms when no frame comes (hidden tab)', () => {
    fake.emit(batch(1));
    vi.advanceTimersByTime(249);
    expect(storeUpdates).toBe(0);
    vi.advanceTimersByTime(1);
    expect(storeUpdates).toBe(1);
    frames.run();
    expect(storeUpdates).toBe(1);
  });

  it('restarts a crashed worker on the tab’s last save, and gives up after three crashes', () => {
    const workers = [fake];
    startWorker(DEFAULT_CONFIG, () => {
      const next = new FakeWorker();
      workers.push(next);
      return next;
    });
    const first = workers[1];
    first.emit({
      type: 'runSaved',
      runId: 'run-a',
      savedAtMs: 1,
      dataset: 'mnist',
      epoch: 2,
      epochs: 5,
      step: 40,
      bytes: 1,
      readMs: 1,
      writeMs: 1,
    });
    frames.run();
    first.crash('out of memory');
    expect(first.terminated).toBe(true);
    const reason = 'The training worker crashed: out of memory.';
    expect(workers[2].posted[0]).toMatchObject({ type: 'initialize', recovery: { runId: 'run-a', reason } });
    expect(usePlayground.getState()).toMatchObject({
      status: 'loading',
      errorMessage: `${reason} Restarting the worker…`,
    });
    // A late message from the dead worker is dropped.
    first.emit({ type: 'statusChanged', status: 'done' });
    frames.run();
    expect(usePlayground.getState().status).toBe('loading');
    workers[2].emit({ type: 'deviceLost', message: 'The GPU device was lost (test).' });
    workers[3].crash('');
    expect(workers).toHaveLength(5);
    workers[4].crash('again');
    frames.run();
    expect(workers).toHaveLength(5);
    expect(usePlayground.getState()).toMatchObject({
      status: 'failed',
      errorMessage: 'The training worker crashed: again. It keeps failing: reload the page.',
    });
  });
});
