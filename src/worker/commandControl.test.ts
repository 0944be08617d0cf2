/**
 * Controls under pressure: commands serialised (double reset, bursts), the status a legal walk,
 * pause stopping the epoch-end refresh, a NaN loss stopping the run, restores keeping history.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { WorkerEvent } from '../shared/protocol';
import { canTransition } from './control/runStatusMachine';
import { config, harness, initialize, setViews, until } from './testing/handlerHarness';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Every announced status follows from the one before (the machine starts at `loading`). */
function expectLegalWalk(events: WorkerEvent[]) {
  const statuses = events.flatMap((e) => (e.type === 'statusChanged' ? [e.status] : []));
  let from = 'loading' as (typeof statuses)[number];
  for (const to of statuses) {
    expect(canTransition(from, to), `${from} → ${to}`).toBe(true);
    from = to;
  }
}

const index = (events: WorkerEvent[], found: (e: WorkerEvent) => boolean) => events.findIndex(found);

describe('serialised commands', () => {
  it('runs two resets sent at once while training one after the other, with no error', async () => {
    const h = harness();
    await h.send(initialize);
    await h.send({ type: 'start' });
    await until(() => h.losses().length >= 2);
    await Promise.all([h.send({ type: 'reset', config }), h.send({ type: 'reset', config })]);
    expect(h.ofType('failed')).toEqual([]);
    expect(h.lastStatus()).toBe('idle');
    expect(h.ofType('runReset')).toHaveLength(3);
    expectLegalWalk(h.events);
    // The last run is whole: it trains.
    await h.send({ type: 'step' });
    expect(h.ofType('failed')).toEqual([]);
    expect(h.lastStatus()).toBe('paused');
  });

  it('survives bursts of start, pause, step and slider moves, ending in a status that fits', async () => {
    const h = harness();
    await h.send(initialize);
    const burst = [];
    for (let i = 0; i < 5; i++) {
      burst.push(h.send({ type: 'start' }), h.send(setViews({ evalNoiseLevel: i / 10 })));
      burst.push(h.send({ type: 'pause' }), h.send({ type: 'step' }), h.send({ type: 'resume' }));
    }
    burst.push(h.send({ type: 'pause' }));
    await Promise.all(burst);
    expect(h.ofType('failed')).toEqual([]);
    expect(['paused', 'done']).toContain(h.lastStatus());
    expectLegalWalk(h.events);
    const steps = h.losses().length;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(h.losses()).toHaveLength(steps);
    // The last slider move is the grid shown.
    await until(() => h.grids().at(-1)?.noiseLevels[0] === 0.4);
  });

  it('announces done once, after the last losses, and nothing trains after it', async () => {
    const h = harness();
    await h.send(initialize);
    await h.send({ type: 'start' });
    await until(() => h.lastStatus() === 'done');
    await h.send({ type: 'start' });
    await h.send({ type: 'step' });
    const done = index(h.events, (e) => e.type === 'statusChanged' && e.status === 'done');
    expect(h.ofType('statusChanged').filter((e) => e.status === 'done')).toHaveLength(1);
    expect(
      h.events.slice(done + 1).some((e) => e.type === 'batchesTrained' || e.type === 'statusChanged'),
    ).toBe(false);
    expectLegalWalk(h.events);
  });

  it('shows the untrained model’s views before announcing idle', async () => {
    const h = harness();
    await h.send(initialize);
    const idle = index(h.events, (e) => e.type === 'statusChanged' && e.status === 'idle');
    expect(index(h.events, (e) => e.type === 'latentCodesComputed')).toBeLessThan(idle);
    expect(index(h.events, (e) => e.type === 'reconstructionsComputed')).toBeLessThan(idle);
  });
});

describe('pause during the epoch-end refresh', () => {
  it('answers before the refresh ends, then draws the views it stopped while paused', async () => {
    const h = harness();
    await h.send(initialize);
    let paused: Promise<void> | null = null;
    // The moment the first epoch is recorded, its views start: pause right then.
    h.hooks.push((event) => {
      if (event.type === 'epochEnded' && !paused) paused = h.send({ type: 'pause' });
    });
    await h.send({ type: 'start' });
    await until(() => paused !== null);
    await paused;
    expect(h.lastStatus()).toBe('paused');
    const pausedAt = h.events.length;
    // Views of epoch 1 still to come (the refresh was cut short); they arrive while paused.
    expect(h.ofType('metricsComputed')).toHaveLength(0);
    await until(
      () => h.ofType('metricsComputed').length === 1 && h.ofType('latentCodesComputed').length >= 2,
    );
    expect(h.ofType('metricsComputed')[0].epoch).toBe(1);
    expect(h.events.slice(pausedAt).some((e) => e.type === 'batchesTrained')).toBe(false);
    // And the run goes on from there to the end.
    await h.send({ type: 'resume' });
    await until(() => h.lastStatus() === 'done');
    expect(h.ofType('epochEnded').map((e) => e.epoch)).toEqual([1, 2]);
    expect(h.ofType('failed')).toEqual([]);
    expectLegalWalk(h.events);
  });

  it('lets a reset stop the refresh and start the new run', async () => {
    const h = harness();
    await h.send(initialize);
    let reset: Promise<void> | null = null;
    h.hooks.push((event) => {
      if (event.type === 'epochEnded' && !reset) reset = h.send({ type: 'reset', config });
    });
    await h.send({ type: 'start' });
    await until(() => reset !== null);
    await reset;
    expect(h.lastStatus()).toBe('idle');
    expect(h.ofType('metricsComputed')).toHaveLength(0);
    expect(h.ofType('failed')).toEqual([]);
    expectLegalWalk(h.events);
  });
});

describe('a non-finite loss', () => {
  it('stops training, restores the best checkpoint, says so and charts no NaN', async () => {
    const h = harness();
    await h.send(initialize);
    h.hooks.push((event) => {
      if (event.type === 'epochEnded') void h.send({ type: 'injectNonFinite' });
    });
    await h.send({ type: 'start' });
    await until(() => h.lastStatus() === 'failed');
    const message = h.ofType('failed')[0].message;
    expect(message).toMatch(/The loss became NaN at step \d+/);
    expect(message).toContain('best checkpoint (epoch 1) was restored');
    expect(h.ofType('bestRestored')).toEqual([expect.objectContaining({ epoch: 1 })]);
    expect(h.losses().every((l) => Number.isFinite(l.loss))).toBe(true);
    expect(h.ofType('epochEnded')).toHaveLength(1);
    await h.send({ type: 'start' });
    expect(h.lastStatus()).toBe('failed');
    expectLegalWalk(h.events);
    // A reset starts over.
    await h.send({ type: 'reset', config });
    expect(h.lastStatus()).toBe('idle');
  });

  it('restores the initial weights when no epoch has finished', async () => {
    const h = harness();
    await h.send(initialize);
    const initialGrid = h.grids().at(-1)?.reconstructions;
    await h.send({ type: 'injectNonFinite' });
    await h.send({ type: 'step' });
    expect(h.lastStatus()).toBe('failed');
    expect(h.ofType('failed')[0].message).toContain('the initial weights were restored');
    expect(h.losses()).toEqual([]);
    await until(() => h.grids().length >= 2);
    expect(h.grids().at(-1)?.reconstructions).toEqual(initialGrid);
  });
});

describe('restore-best', () => {
  it('keeps every epoch’s metrics as they were and labels the views with the checkpoint’s epoch', async () => {
    const h = harness();
    await h.send(initialize);
    await h.send({ type: 'start' });
    await until(() => h.lastStatus() === 'done');
    const before = h.events.length;
    await h.send({ type: 'restoreBest' });
    const after = h.events.slice(before);
    const restored = h.ofType('bestRestored')[0];
    expect(after.some((e) => e.type === 'metricsComputed' || e.type === 'epochEnded')).toBe(false);
    const latent = after.find((e) => e.type === 'latentCodesComputed');
    expect(latent).toMatchObject({ epoch: restored.epoch });
    expect(h.lastStatus()).toBe('done');
  });
});
