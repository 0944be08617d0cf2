import 'fake-indexeddb/auto';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type TrainingConfig } from '../../shared/config';
import type { WorkerCommand, WorkerEvent } from '../../shared/protocol';
import { DEFAULT_VIEW_REQUEST } from '../../shared/viewRequest';
import { createCommandHandler } from '../commandHandler';
import type { LoadedDataset } from '../data/loadDataset';
import { syntheticSplit } from '../training/syntheticImages';
import { RunDatabase } from './runDatabase';

const dataset: LoadedDataset = { train: syntheticSplit(48), test: syntheticSplit(20) };
const config: TrainingConfig = { ...DEFAULT_CONFIG, batchSize: 16, epochs: 3, seed: 4, trainStep: 'tfjs' };

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** One page load: a fresh handler over the same IndexedDB, as after a reload. */
function pageLoad() {
  const events: WorkerEvent[] = [];
  const handle = createCommandHandler({
    selectBackend: async () => ({ backend: 'cpu', reason: 'test', adapterDescription: null }),
    loadDataset: async () => dataset,
    yieldToEvents: () => new Promise((resolve) => setImmediate(resolve)),
    watchDeviceLoss: () => undefined,
  });
  const send = (command: WorkerCommand) => handle(command, (event) => events.push(event));
  const ofType = <T extends WorkerEvent['type']>(type: T) =>
    events.filter((e): e is Extract<WorkerEvent, { type: T }> => e.type === type);
  const initialize = (recovery?: { runId: string | null; reason: string }) =>
    send({
      type: 'initialize',
      config,
      views: DEFAULT_VIEW_REQUEST,
      dataBaseUrl: 'http://localhost/',
      recovery,
    });
  return { events, send, ofType, initialize };
}

async function until(condition: () => boolean, timeoutMs = 60_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('saved runs', () => {
  it('saves as it steps, offers the run after a reload and resumes its epoch, curves and rate', async () => {
    const first = pageLoad();
    await first.initialize();
    expect(first.ofType('savedRunFound').at(-1)?.run).toBeNull();
    for (let i = 0; i < 4; i++) await first.send({ type: 'step' });
    await until(() => first.ofType('runSaved').some((e) => e.step === 4));
    const saved = first.ofType('runSaved').at(-1)!;
    expect(saved).toMatchObject({ epoch: 1, step: 4, epochs: 3, dataset: 'fashion-mnist' });
    expect(saved.bytes).toBeGreaterThan(4 * 1_000_000);

    const second = pageLoad();
    await second.initialize();
    const offer = second.ofType('savedRunFound').at(-1)?.run;
    expect(offer).toMatchObject({ runId: saved.runId, epoch: 1, step: 4 });
    await second.send({ type: 'resumeSavedRun', runId: saved.runId });
    const restored = second.ofType('runRestored')[0];
    const learningRate = first.ofType('batchesTrained').at(-1)?.learningRate;
    expect(restored).toMatchObject({ epoch: 1, step: 4, learningRate });
    expect(restored.history.batchLosses.map((l) => l.step)).toEqual([1, 2, 3, 4]);
    expect(restored.history.epochRecords).toEqual(
      first.ofType('epochEnded').map(({ type, numTensors, ...r }) => (void type, void numTensors, r)),
    );
    expect(restored.history.metricsHistory.map((m) => m.epoch)).toEqual([1]);
    // It trains on from step 5 and finishes the run's three epochs.
    await until(() => second.ofType('statusChanged').at(-1)?.status === 'done');
    expect(second.ofType('batchesTrained')[0].losses[0].step).toBe(5);
    expect(second.ofType('epochEnded').map((e) => e.epoch)).toEqual([2, 3]);
  });

  it('a restarted worker resumes its own last save and says so', async () => {
    const first = pageLoad();
    await first.initialize();
    for (let i = 0; i < 2; i++) await first.send({ type: 'step' });
    await until(() => first.ofType('runSaved').some((e) => e.step === 2));
    const { runId } = first.ofType('runSaved').at(-1)!;
    const restarted = pageLoad();
    await restarted.initialize({ runId, reason: 'The GPU device was lost (test).' });
    expect(restarted.ofType('runRestored')[0]).toMatchObject({ epoch: 0, step: 2 });
    expect(restarted.ofType('failed').at(-1)?.message).toBe(
      'The GPU device was lost (test). Resumed from the last save (epoch 0, step 2).',
    );
    await restarted.send({ type: 'pause' });
  });

  it('skips corrupt records and never lists them', async () => {
    const database = await RunDatabase.open('corrupt-test');
    const raw = await new Promise<IDBDatabase>((resolve) => {
      const request = indexedDB.open('corrupt-test');
      request.onsuccess = () => resolve(request.result);
    });
    const transaction = raw.transaction(['runs', 'summaries'], 'readwrite');
    transaction.objectStore('runs').put({ summary: { runId: 'x' }, checkpoint: 'garbage' }, 'x');
    transaction.objectStore('summaries').put({ runId: 'y', savedAtMs: 'yesterday' });
    await new Promise((resolve) => (transaction.oncomplete = resolve));
    expect(await database.get('x')).toBeNull();
    expect(await database.get('missing')).toBeNull();
    expect(await database.summaries()).toEqual([]);
    raw.close();
    database.close();
  });
});
