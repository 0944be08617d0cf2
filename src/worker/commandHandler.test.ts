import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { IMAGE_PIXELS } from '../shared/dataset';
import { DatasetError } from './data/idx';
import { config, dataset, harness, initialize, mean, setViews, until } from './testing/handlerHarness';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('worker command handler', () => {
  it('initialises to idle with the untrained model’s views', async () => {
    const h = harness();
    await h.send(initialize);
    expect(h.ofType('backendSelected')[0].backend).toBe('cpu');
    expect(h.ofType('dataLoaded')[0]).toMatchObject({ trainCount: 64, testCount: 30 });
    expect(h.lastStatus()).toBe('idle');
    const grid = h.ofType('reconstructionsComputed').find((e) => e.purpose === 'grid');
    expect(grid?.reconstructions.length).toBe(8 * IMAGE_PIXELS);
    expect(h.ofType('latentCodesComputed')[0].codes.length).toBe(60);
    expect(h.ofType('manifoldDecoded')[0].images.length).toBe(15 * 15 * IMAGE_PIXELS);
  });

  it('steps once, keeps the tensor count flat, and is reproducible by seed', async () => {
    const first = harness();
    await first.send(initialize);
    await first.send({ type: 'step' });
    const tensorsAfterOne = tf.memory().numTensors;
    await first.send({ type: 'step' });
    await first.send({ type: 'step' });
    expect(tf.memory().numTensors).toBe(tensorsAfterOne);
    expect(first.lastStatus()).toBe('paused');
    const second = harness();
    await second.send(initialize);
    for (let i = 0; i < 3; i++) await second.send({ type: 'step' });
    expect(second.losses().map((l) => l.loss)).toEqual(
      first
        .losses()
        .slice(-3)
        .map((l) => l.loss),
    );
  });

  it('trains to done with falling loss, epoch summaries, metrics and a best checkpoint', async () => {
    const h = harness();
    await h.send(initialize);
    await h.send({ type: 'start' });
    await until(() => h.lastStatus() === 'done');
    const epochs = h.ofType('epochEnded');
    expect(epochs.map((e) => e.epoch)).toEqual([1, 2]);
    expect(epochs.every((e) => Number.isFinite(e.validationLoss) && e.learningRate === 1e-3)).toBe(true);
    expect(epochs[0].isBest).toBe(true);
    expect(h.losses()).toHaveLength(8);
    // Steps 1–4 are epoch 1, 5–8 epoch 2: training must lower the batch loss between them.
    const meanLoss = (epoch: number) =>
      mean(
        h
          .losses()
          .filter((l) => Math.ceil(l.step / 4) === epoch)
          .map((l) => l.loss),
      );
    expect(meanLoss(2)).toBeLessThan(meanLoss(1));
    expect(h.ofType('metricsComputed')).toHaveLength(2);
    await h.send({ type: 'restoreBest' });
    expect(h.ofType('bestRestored')).toHaveLength(1);
  });

  it('pauses a running loop and resets to step 0', async () => {
    const h = harness();
    await h.send(initialize);
    await h.send({ type: 'start' });
    await until(() => h.losses().length >= 1);
    await h.send({ type: 'pause' });
    await until(() => h.lastStatus() === 'paused');
    const stepsAtPause = h.losses().length;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(h.losses().length).toBe(stepsAtPause);
    await h.send({ type: 'reset', config });
    expect(h.lastStatus()).toBe('idle');
    expect(h.ofType('runReset')).toHaveLength(2);
  });

  it('reports the tensor count with every new run, the same after a reset', async () => {
    const h = harness();
    await h.send(initialize);
    await h.send({ type: 'reset', config });
    const [first, second] = h.ofType('runReset').map((e) => e.numTensors);
    expect(first).toBeGreaterThan(0);
    expect(second).toBe(first);
  });

  it('turns a data error into a failed status naming the file', async () => {
    const h = harness(async () => {
      throw new DatasetError('train-labels-idx1-ubyte.gz', 'missing (HTTP 404)');
    });
    await h.send(initialize);
    expect(h.lastStatus()).toBe('failed');
    expect(h.ofType('failed')[0].message).toContain('train-labels-idx1-ubyte.gz');
    await h.send({ type: 'start' });
    expect(h.lastStatus()).toBe('failed');
  });

  it('refuses absurd settings on reset and keeps the current run', async () => {
    const h = harness();
    await h.send(initialize);
    await h.send({ type: 'step' });
    await h.send({ type: 'reset', config: { ...config, learningRate: 50 } });
    expect(h.ofType('failed').at(-1)?.message).toContain('learningRate');
    expect(h.lastStatus()).toBe('paused');
    await h.send({ type: 'step' });
    expect(h.losses()).toHaveLength(2);
  });

  it('keeps the current run when a reset’s data fails to load', async () => {
    const h = harness(async (url) => {
      if (url.includes('/mnist/')) throw new DatasetError('train-images-idx3-ubyte.gz', 'missing (HTTP 404)');
      return dataset;
    });
    await h.send(initialize);
    await h.send({ type: 'step' });
    await h.send({ type: 'reset', config: { ...config, dataset: 'mnist' } });
    expect(h.ofType('failed').at(-1)?.message).toContain('missing (HTTP 404)');
    expect(h.lastStatus()).toBe('paused');
    await h.send({ type: 'step' });
    expect(h.losses()).toHaveLength(2);
  });

  it('redraws only the views a new request changes', async () => {
    const h = harness();
    await h.send(initialize);
    expect(h.ofType('latentDecoded')).toHaveLength(0);
    const before = h.events.length;
    await h.send(setViews({ evalNoiseLevel: 0.8, latentPoint: { x: 0.5, y: -0.5 } }));
    const redrawn = h.events.slice(before);
    expect(redrawn.map((e) => e.type)).toEqual(['reconstructionsComputed', 'latentDecoded']);
    expect(h.grids().at(-1)?.noiseLevels).toEqual(Array(8).fill(0.8));
    expect(h.ofType('latentDecoded')[0]).toMatchObject({ x: 0.5, y: -0.5 });
    expect(h.ofType('latentDecoded')[0].image.length).toBe(IMAGE_PIXELS);
  });

  it('draws the grid at the evaluation noise level: its noisy pixels move further as it rises', async () => {
    const h = harness();
    await h.send(initialize);
    /** Root-mean-square distance of the grid's noisy images from its clean ones, at `level`. */
    const noiseAt = async (level: number) => {
      await h.send(setViews({ evalNoiseLevel: level }));
      const grid = h.grids().at(-1);
      expect(grid?.noiseLevels).toEqual(Array(8).fill(level));
      const { noisy = [], originals = [] } = grid ?? {};
      expect(noisy.length).toBe(8 * IMAGE_PIXELS);
      return Math.sqrt(mean(Array.from(noisy, (value, i) => (value - originals[i]) ** 2)));
    };
    expect(await noiseAt(0)).toBe(0);
    // Gaussian noise of σ = level, clipped to [0, 1]: on these mostly black images clipping
    // removes about half of it, so the distance lies between level/2 and level.
    const low = await noiseAt(0.1);
    expect(low).toBeGreaterThan(0.05);
    expect(low).toBeLessThan(0.1);
    const high = await noiseAt(0.8);
    expect(high).toBeGreaterThan(0.4);
    expect(high).toBeLessThan(0.8);
    expect(high).toBeGreaterThan(3 * low);
  });

  it('applies a request sent once to the views redrawn after every epoch and after a reset', async () => {
    const h = harness();
    await h.send(initialize);
    await h.send(setViews({ gridTestIndices: [3, 4], evalNoiseLevel: 0.6, latentPoint: { x: 1, y: 2 } }));
    await h.send({ type: 'start' });
    await until(() => h.lastStatus() === 'done');
    await h.send({ type: 'reset', config });
    // Each epoch and the reset are followed by the grid and the clicked point from the request.
    const marks = h.events.flatMap((e, i) => (e.type === 'epochEnded' || e.type === 'runReset' ? [i] : []));
    expect(marks).toHaveLength(1 + 2 + 1);
    for (const mark of marks.slice(1)) {
      const after = h.events.slice(mark);
      const grid = after.find((e) => e.type === 'reconstructionsComputed' && e.purpose === 'grid');
      expect(grid).toMatchObject({ testIndices: [3, 4], noiseLevels: [0.6, 0.6] });
      expect(after.find((e) => e.type === 'latentDecoded')).toMatchObject({ x: 1, y: 2 });
    }
    expect(h.ofType('latentDecoded')).toHaveLength(1 + 2 + 1);
  });

  it('never sends a view drawn from an older request after one from a newer', async () => {
    const h = harness();
    await h.send(initialize);
    await h.send({ type: 'start' });
    // Requests arrive while views are being drawn (the handler does not wait for the last one),
    // each level above the last, so any view from an older request shows as a step down.
    const sent: Promise<void>[] = [];
    for (let i = 1; i <= 8; i++) {
      sent.push(h.send(setViews({ evalNoiseLevel: (2 + i) / 10, latentPoint: { x: i, y: 0 } })));
      await until(() => h.losses().length >= i || h.lastStatus() === 'done');
    }
    await Promise.all(sent);
    await until(() => h.lastStatus() === 'done');
    const levels = h.grids().map((e) => e.noiseLevels[0]);
    const points = h.ofType('latentDecoded').map((e) => e.x);
    for (const order of [levels, points]) {
      expect(order).toEqual([...order].sort((a, b) => a - b));
    }
    expect(levels.at(-1)).toBe(1);
    expect(points.at(-1)).toBe(8);
  });
});
