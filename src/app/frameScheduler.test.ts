import { describe, expect, it } from 'vitest';
import { createFrameScheduler, type SchedulerHost } from './frameScheduler';

/** A host whose frames, tasks and clock the test drives by hand. */
function fakeHost() {
  const frames: (() => void)[] = [];
  const tasks: (() => void)[] = [];
  const errors: unknown[] = [];
  let nowMs = 0;
  const host: SchedulerHost = {
    requestFrame: (callback) => frames.push(callback),
    runTask: (callback) => tasks.push(callback),
    now: () => nowMs,
    reportError: (error) => errors.push(error),
  };
  /** Draws one frame, then runs the tasks it queued. */
  const frame = () => {
    frames.splice(0).forEach((callback) => callback());
    tasks.splice(0).forEach((callback) => callback());
  };
  return { host, frame, errors, frames, advance: (ms: number) => (nowMs += ms) };
}

describe('createFrameScheduler', () => {
  it('runs nothing until a frame, then runs queued jobs in order in one task', () => {
    const { host, frame, frames } = fakeHost();
    const scheduler = createFrameScheduler(host, 8);
    const ran: string[] = [];
    scheduler.schedule({}, () => ran.push('a'));
    scheduler.schedule({}, () => ran.push('b'));
    expect(ran).toEqual([]);
    expect(frames).toHaveLength(1);
    frame();
    expect(ran).toEqual(['a', 'b']);
    expect(scheduler.pendingCount).toBe(0);
    expect(frames).toHaveLength(0);
  });

  it('keeps only the latest job of a key, in the place of the first', () => {
    const { host, frame } = fakeHost();
    const scheduler = createFrameScheduler(host, 8);
    const [chart, canvas] = [{}, {}];
    const ran: string[] = [];
    scheduler.schedule(chart, () => ran.push('chart v1'));
    scheduler.schedule(canvas, () => ran.push('canvas'));
    scheduler.schedule(chart, () => ran.push('chart v2'));
    frame();
    expect(ran).toEqual(['chart v2', 'canvas']);
  });

  it('spreads jobs over frames once a task has spent its budget', () => {
    const { host, frame, advance } = fakeHost();
    const scheduler = createFrameScheduler(host, 8);
    const ran: string[] = [];
    const heavy = (name: string) => () => {
      ran.push(name);
      advance(30);
    };
    const light = (name: string) => () => {
      ran.push(name);
      advance(1);
    };
    scheduler.schedule({}, heavy('latent'), 'heavy');
    scheduler.schedule({}, heavy('loss'), 'heavy');
    for (let i = 0; i < 10; i++) scheduler.schedule({}, light(`canvas ${i}`));
    frame();
    expect(ran).toEqual(['latent']);
    frame();
    expect(ran).toEqual(['latent', 'loss']);
    frame();
    expect(ran).toHaveLength(2 + 8);
    frame();
    expect(ran).toHaveLength(12);
    expect(scheduler.pendingCount).toBe(0);
  });

  it('never runs two heavy jobs in one frame, however quick they are', () => {
    const { host, frame } = fakeHost();
    const scheduler = createFrameScheduler(host, 8);
    const ran: string[] = [];
    for (const chart of ['latent', 'loss', 'metrics']) scheduler.schedule({}, () => ran.push(chart), 'heavy');
    frame();
    expect(ran).toEqual(['latent']);
    frame();
    expect(ran).toEqual(['latent', 'loss']);
    frame();
    expect(ran).toEqual(['latent', 'loss', 'metrics']);
  });

  it('runs a heavy job in a task of its own, never after light jobs', () => {
    const { host, frame } = fakeHost();
    const scheduler = createFrameScheduler(host, 8);
    const ran: string[] = [];
    scheduler.schedule({}, () => ran.push('canvas 1'));
    scheduler.schedule({}, () => ran.push('latent'), 'heavy');
    scheduler.schedule({}, () => ran.push('canvas 2'));
    frame();
    // The light jobs go first, together; the redraw waits for the next frame's task.
    expect(ran).toEqual(['canvas 1', 'canvas 2']);
    scheduler.schedule({}, () => ran.push('canvas 3'));
    frame();
    expect(ran).toEqual(['canvas 1', 'canvas 2', 'latent']);
    frame();
    expect(ran).toEqual(['canvas 1', 'canvas 2', 'latent', 'canvas 3']);
    expect(scheduler.pendingCount).toBe(0);
  });

  it('drops cancelled jobs and keeps going after a job throws', () => {
    const { host, frame, errors } = fakeHost();
    const scheduler = createFrameScheduler(host, 8);
    const unmounted = {};
    const ran: string[] = [];
    scheduler.schedule(unmounted, () => ran.push('gone'));
    scheduler.schedule({}, () => {
      throw new Error('bad figure');
    });
    scheduler.schedule({}, () => ran.push('next'));
    scheduler.cancel(unmounted);
    frame();
    expect(ran).toEqual(['next']);
    expect(errors).toHaveLength(1);
  });
});
