import { describe, expect, it } from 'vitest';
import { frameThrottle } from './frameThrottle';

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
