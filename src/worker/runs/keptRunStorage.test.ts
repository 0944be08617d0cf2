import 'fake-indexeddb/auto';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../shared/config';
import type { KeptRunCurves } from '../../shared/runs';
import { RunDatabase } from '../persistence/runDatabase';
import { harness, initialize, until } from '../testing/handlerHarness';
import type { KeptRun } from './keptRuns';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const curves: KeptRunCurves = {
  epochs: [1],
  trainLoss: [0.2],
  validationLoss: [0.25],
  psnrEpochs: [1],
  psnr: [12],
};

function keptRun(runId: string): KeptRun {
  const summary = {
    ...{ runId, name: runId, keptAtMs: 5, config: DEFAULT_CONFIG, latentDimensions: 2 },
    ...{ epochsTrained: 1, bestEpoch: 1, curves, metrics: null },
  };
  return { summary, weights: Float32Array.from([1, 2, 3]) };
}

/** A database as the version before kept runs made it, with one saved run's summary in it. */
function openVersionOne(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, 1);
    request.onupgradeneeded = () => {
      request.result.createObjectStore('runs');
      request.result.createObjectStore('summaries', { keyPath: 'runId' }).put({ runId: 'saved' });
    };
    request.onsuccess = () => {
      request.result.close();
      resolve();
    };
    request.onerror = () => reject(request.error);
  });
}

describe('kept runs on disk', () => {
  it('stores, lists and deletes kept runs apart from saved runs, upgrading an older database', async () => {
    await openVersionOne('upgraded');
    const database = await RunDatabase.open('upgraded');
    await database.putKept(keptRun('a'));
    await database.putKept(keptRun('b'));
    const listed = await database.keptRuns();
    expect(listed.map((run) => run.summary.runId).sort()).toEqual(['a', 'b']);
    expect(listed[0].weights).toEqual(Float32Array.from([1, 2, 3]));
    expect(listed[0].summary.curves).toEqual(curves);
    await database.deleteKept('a');
    expect((await database.keptRuns()).map((run) => run.summary.runId)).toEqual(['b']);
    // The saved runs' store is as it was.
    const saved = await new Promise<unknown>((resolve) => {
      const request = indexedDB.open('upgraded');
      request.onsuccess = () => {
        const get = request.result.transaction('summaries').objectStore('summaries').get('saved');
        get.onsuccess = () => resolve(get.result);
      };
    });
    expect(saved).toEqual({ runId: 'saved' });
    database.close();
  });

  it('brings a kept run back on the next page load with the same weights and scores', async () => {
    const first = harness();
    await first.send(initialize);
    await first.send({ type: 'start' });
    await until(() => first.lastStatus() === 'done');
    await first.send({ type: 'keepRun', name: 'before reload', curves });
    await until(() => first.ofType('keptRunEvaluated').length === 1);
    const [{ run }] = first.ofType('runKept');
    const [{ metrics }] = first.ofType('keptRunEvaluated');

    const reloaded = harness();
    await reloaded.send(initialize);
    expect(reloaded.ofType('keptRunsLoaded').map((e) => e.runs)).toEqual([[run]]);
    await until(() => reloaded.ofType('keptRunEvaluated').length === 1);
    expect(reloaded.ofType('keptRunEvaluated')[0]).toEqual({
      type: 'keptRunEvaluated',
      runId: run.runId,
      metrics,
    });

    await reloaded.send({ type: 'deleteKeptRun', runId: run.runId });
    const again = harness();
    await again.send(initialize);
    expect(again.ofType('keptRunsLoaded')).toEqual([]);
  });
});
