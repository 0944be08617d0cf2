/** Issue 2 through the UI: the backend, start, live steps with falling losses, pause, reset. */
import { expect, test } from '@playwright/test';
import { PlaygroundPage, SUBSET } from './playgroundPage';

const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;

// WebGPU on SwiftShader takes seconds a step and tens of seconds of shader compiling at each
// first epoch end, so it runs fewer steps; both cross an epoch boundary (4 steps an epoch).
const STEPS = { wasm: 10, webgpu: 6 } as const;

for (const backend of ['wasm', 'webgpu'] as const) {
  test(`trains, pauses and resets on ${backend}`, async ({ page }) => {
    const app = new PlaygroundPage(page);
    await app.open(`backend=${backend}&${SUBSET}`);
    await expect(page.getByTestId('backend')).toHaveText(backend, { timeout: 120_000 });
    await app.waitForStatus('idle');
    await expect(page.getByTestId('step')).toHaveText('0');
    // WebGPU trains with the fused engine, every other backend with tfjs ops.
    expect((await app.snapshot()).trainStep).toBe(backend === 'webgpu' ? 'engine' : 'tfjs');

    await page.getByTestId('start').click();
    await app.waitForStatus('training', 30_000);
    await app.waitForStepAtLeast(STEPS[backend], 480_000);
    const running = await app.snapshot();
    expect(running.trainLoss.length).toBeGreaterThanOrEqual(STEPS[backend]);
    expect(running.trainLoss.every(Number.isFinite)).toBe(true);
    expect(mean(running.trainLoss.slice(-3))).toBeLessThan(mean(running.trainLoss.slice(0, 3)));
    expect(running.valLoss.length).toBeGreaterThanOrEqual(1);
    expect(running.valLoss.every(Number.isFinite)).toBe(true);

    await page.getByTestId('pause').click();
    await app.waitForStatus('paused', 240_000);
    const pausedAt = await app.stepCount();
    await page.waitForTimeout(3_000);
    expect(await app.stepCount()).toBe(pausedAt);

    // The tensor count stays flat: one more step must not grow it.
    const before = (await app.snapshot()).numTensors;
    await page.getByTestId('step-once').click();
    await expect.poll(() => app.stepCount(), { timeout: 240_000 }).toBe(pausedAt + 1);
    expect((await app.snapshot()).numTensors).toBe(before);

    await page.getByTestId('reset').click();
    await app.waitForStatus('idle');
    await expect(page.getByTestId('step')).toHaveText('0');
    const reset = await app.snapshot();
    expect(reset.trainLoss).toEqual([]);
    expect(reset.backend).toBe(backend);
  });
}
