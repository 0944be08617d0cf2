import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { LossReadback } from './lossReadback';

beforeAll(() => vi.stubGlobal('GPUMapMode', { READ: 1 }));
afterAll(() => vi.unstubAllGlobals());
afterEach(() => vi.restoreAllMocks());

/** A staging buffer whose map resolves when the test says so, over a ring the test writes. */
function fakeStaging(ringSize: number) {
  const ring = new Float32Array(ringSize);
  const pending: (() => void)[] = [];
  const buffer = {
    mapAsync: () => new Promise<void>((resolve) => pending.push(resolve)),
    getMappedRange: () => ring.buffer,
    unmap: () => undefined,
  };
  const finishGpuWork = async () => {
    pending.splice(0).forEach((resolve) => resolve());
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { ring, buffer: buffer as unknown as GPUBuffer, finishGpuWork };
}

describe('LossReadback', () => {
  it('reads each step once, in order, with its step number, once the copy lands', async () => {
    const { ring, buffer, finishGpuWork } = fakeStaging(8);
    const readback = new LossReadback(buffer, 8);
    expect(readback.wantsCopy(1)).toBe(true);
    ring.set([0.5, 0.375, 0.25]);
    readback.startMapping(3);
    expect(readback.wantsCopy(4)).toBe(false);
    expect(readback.take()).toEqual([]);
    await finishGpuWork();
    expect(readback.take()).toEqual([
      { step: 1, loss: 0.5 },
      { step: 2, loss: 0.375 },
      { step: 3, loss: 0.25 },
    ]);
    expect(readback.completedSteps).toBe(3);
  });

  it('wraps around the ring', async () => {
    const { ring, buffer, finishGpuWork } = fakeStaging(4);
    const readback = new LossReadback(buffer, 4);
    readback.startMapping(3);
    await finishGpuWork();
    readback.take();
    ring.set([0.875, 0.75, 0.25, 0.625]);
    readback.startMapping(6);
    await finishGpuWork();
    expect(readback.take()).toEqual([
      { step: 4, loss: 0.625 },
      { step: 5, loss: 0.875 },
      { step: 6, loss: 0.75 },
    ]);
  });

  it('holds the loop while more steps are queued than allowed, copying the ring if none is on its way', async () => {
    const { buffer, finishGpuWork } = fakeStaging(8);
    const readback = new LossReadback(buffer, 8);
    const copyNow = vi.fn(() => readback.startMapping(3));
    let paced = false;
    const pacing = readback.pace(3, copyNow).then(() => (paced = true));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(copyNow).toHaveBeenCalledTimes(1);
    expect(paced).toBe(false);
    await finishGpuWork();
    await pacing;
    expect(paced).toBe(true);
    expect(readback.completedSteps).toBe(3);
  });

  it('drains every submitted step', async () => {
    const { buffer, finishGpuWork } = fakeStaging(8);
    const readback = new LossReadback(buffer, 8);
    readback.startMapping(2);
    const draining = readback.drain(5, () => readback.startMapping(5));
    await finishGpuWork();
    await finishGpuWork();
    expect((await draining).map((record) => record.step)).toEqual([1, 2, 3, 4, 5]);
  });

  /** Completes steps 1..`steps` one mapping at a time, `msPerStep` apart on a faked clock. */
  async function timedSteps(msPerStep: number, steps: number) {
    const { buffer, finishGpuWork } = fakeStaging(64);
    const readback = new LossReadback(buffer, 64);
    let nowMs = 0;
    // Restored after each test (the clock must not jump back while the test's mappings land).
    vi.spyOn(performance, 'now').mockImplementation(() => nowMs);
    for (let step = 1; step <= steps; step++) {
      readback.startMapping(step);
      nowMs += msPerStep;
      await finishGpuWork();
    }
    return { readback, finishGpuWork };
  }

  async function isHeld(pacing: Promise<void>): Promise<boolean> {
    let paced = false;
    void pacing.then(() => (paced = true));
    await new Promise((resolve) => setTimeout(resolve, 0));
    return !paced;
  }

  it('runs steps slower than the queue target one at a time, so a reset waits for one step only', async () => {
    const { readback, finishGpuWork } = await timedSteps(5_000, 3);
    // Step 4 submitted and unfinished: the loop waits for it before encoding step 5.
    const pacing = readback.pace(4, () => readback.startMapping(4));
    expect(await isHeld(pacing)).toBe(true);
    await finishGpuWork();
    await pacing;
    expect(readback.completedSteps).toBe(4);
  });

  it('lets fast steps queue up to the queue target', async () => {
    const { readback } = await timedSteps(5, 3);
    // 50 ms of 5 ms steps: ten may wait behind the one running.
    expect(await isHeld(readback.pace(3 + 10, () => undefined))).toBe(false);
    expect(await isHeld(readback.pace(3 + 11, () => readback.startMapping(14)))).toBe(true);
  });

  it('runs the first steps one at a time, before any step is timed', async () => {
    const { buffer } = fakeStaging(8);
    const readback = new LossReadback(buffer, 8);
    expect(await isHeld(readback.pace(1, () => readback.startMapping(1)))).toBe(true);
  });
});
