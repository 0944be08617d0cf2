import { afterEach, describe, expect, it, vi } from 'vitest';
import { frameThrottle, HIDDEN_TAB_DELAY_MS, nextFrameOrDelay } from './frameThrottle';

function manualFrames() {
  const callbacks: (() => void)[] = [];
  return {
    schedule: (callback: () => void) => callbacks.push(callback),
    runFrame: () => callbacks.splice(0).forEach((callback) => callback()),
    pendingCount: () => callbacks.length,
  };
}

describe('frameThrottle', () => {
  it('delivers only the latest value of a frame', () => {
    const frames = manualFrames();
    const delivered: number[] = [];
    const throttled = frameThrottle<number>((v) => delivered.push(v), frames.schedule);
    throttled(0.1);
    throttled(0.2);
    throttled(0.3);
    expect(frames.pendingCount()).toBe(1);
    expect(delivered).toEqual([]);
    frames.runFrame();
    expect(delivered).toEqual([0.3]);
  });

  it('schedules again after a frame has delivered', () => {
    const frames = manualFrames();
    const delivered: number[] = [];
    const throttled = frameThrottle<number>((v) => delivered.push(v), frames.schedule);
    throttled(1);
    frames.runFrame();
    throttled(2);
    frames.runFrame();
    frames.runFrame();
    expect(delivered).toEqual([1, 2]);
  });
});

describe('nextFrameOrDelay', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  /** Animation frames that run only when the test says so, as in a hidden tab. */
  function stubFrames() {
    const frames = new Map<number, () => void>();
    let nextId = 1;
    vi.stubGlobal('requestAnimationFrame', (callback: () => void) => {
      frames.set(nextId, callback);
      return nextId++;
    });
    vi.stubGlobal('cancelAnimationFrame', (id: number) => frames.delete(id));
    return { runFrames: () => [...frames.values()].forEach((callback) => callback()) };
  }

  it('delivers in a hidden tab, where no frame comes, after the delay, and only once', () => {
    vi.useFakeTimers();
    const frames = stubFrames();
    const delivered: number[] = [];
    const throttled = frameThrottle<number>((v) => delivered.push(v), nextFrameOrDelay);
    throttled(0.4);
    vi.advanceTimersByTime(HIDDEN_TAB_DELAY_MS - 1);
    expect(delivered).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(delivered).toEqual([0.4]);
    frames.runFrames();
    expect(delivered).toEqual([0.4]);
  });

  it('delivers at the frame when one comes first, and the timer then does nothing', () => {
    vi.useFakeTimers();
    const frames = stubFrames();
    const delivered: number[] = [];
    const throttled = frameThrottle<number>((v) => delivered.push(v), nextFrameOrDelay);
    throttled(0.7);
    frames.runFrames();
    expect(delivered).toEqual([0.7]);
    vi.advanceTimersByTime(HIDDEN_TAB_DELAY_MS * 2);
    expect(delivered).toEqual([0.7]);
  });
});
