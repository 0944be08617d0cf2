/**
 * Controls answer within a training step even while the epoch-end refresh runs; quick double
 * resets leave no error; a non-finite loss stops training with a plain message and no NaN drawn.
 */
import { expect, test, type Page } from '@playwright/test';
import { PlaygroundPage } from './playgroundPage';

// Two steps an epoch, so the epoch-end refresh (validation, metrics, latent codes, manifold,
// robustness curve over 512 test images) starts after the second step.
const EPOCH_END = 'trainSubset=256&testSubset=512&seed=1';
// A control waits for the step on the device at most (a GPU cannot recall submitted work): the
// limit is one and a half of the steps measured in the run, and at least these. WebGPU on
// SwiftShader takes 5–12 s a step on a busy 2-core machine; WASM well under one.
const LATENCY_FLOOR_MS = { webgpu: 15_000, wasm: 3_000 } as const;

async function msUntil(page: Page, testId: string, text: string, timeout: number): Promise<number> {
  const startedMs = Date.now();
  await expect(page.getByTestId(testId)).toHaveText(text, { timeout });
  return Date.now() - startedMs;
}

/** Opens the app on `backend` and starts training. */
async function startTraining(page: Page, backend: 'webgpu' | 'wasm'): Promise<PlaygroundPage> {
  const app = new PlaygroundPage(page);
  await app.open(`backend=${backend}&${EPOCH_END}`);
  await expect(page.getByTestId('backend')).toHaveText(backend, { timeout: 120_000 });
  await app.waitForStatus('idle');
  await page.getByTestId('start').click();
  await app.waitForStatus('training', 30_000);
  return app;
}

for (const backend of ['webgpu', 'wasm'] as const) {
  test(`pause and reset answer quickly during the epoch-end refresh on ${backend}`, async ({ page }) => {
    const app = await startTraining(page, backend);
    await app.waitForStepAtLeast(1, 300_000);
    const firstStepShownMs = Date.now();
    // The second step's loss is shown: the epoch end is under way.
    await app.waitForStepAtLeast(2, 300_000);
    const limitMs = Math.max(LATENCY_FLOOR_MS[backend], 1.5 * (Date.now() - firstStepShownMs));
    await page.getByTestId('pause').click();
    const pauseMs = await msUntil(page, 'status', 'paused', 120_000);
    const pausedAt = await app.stepCount();
    await page.waitForTimeout(2_000);
    expect(await app.stepCount()).toBe(pausedAt);

    await page.getByTestId('start').click();
    await app.waitForStatus('training', 30_000);
    await app.waitForStepAtLeast(pausedAt + 1, 300_000);
    await page.getByTestId('reset').click();
    const resetMs = await msUntil(page, 'step', '0', 120_000);
    await app.waitForStatus('idle');
    console.info(
      `${backend}: pause answered in ${pauseMs} ms, reset reached step 0 in ${resetMs} ms (limit ${limitMs} ms)`,
    );
    expect(pauseMs).toBeLessThan(limitMs);
    expect(resetMs).toBeLessThan(limitMs);
    await expect(page.getByTestId('error')).toHaveCount(0);
  });
}

test('two resets within 300 ms while training leave no error', async ({ page }) => {
  const app = await startTraining(page, 'wasm');
  await app.waitForStepAtLeast(2, 120_000);
  // Clicked in the page itself: the second click lands before the first reset's status returns.
  await page.evaluate(() => {
    const reset = document.querySelector<HTMLButtonElement>('[data-testid="reset"]');
    reset?.click();
    setTimeout(() => reset?.click(), 150);
  });
  await page.waitForTimeout(300);
  await app.waitForStatus('idle', 120_000);
  await expect(page.getByTestId('step')).toHaveText('0');
  await expect(page.getByTestId('error')).toHaveCount(0);
  // The new run trains.
  await page.getByTestId('start').click();
  await app.waitForStepAtLeast(1, 60_000);
  await expect(page.getByTestId('error')).toHaveCount(0);
});

test('a NaN loss stops training, says why and draws no NaN', async ({ page }) => {
  const app = await startTraining(page, 'wasm');
  await app.waitForEpochAtLeast(1, 120_000);
  await page.evaluate(() => window.playground.debug.injectNonFinite());
  await expect(page.getByTestId('error')).toContainText('NaN', { timeout: 60_000 });
  await expect(page.getByTestId('error')).toContainText('epoch');
  await expect(page.getByTestId('status')).not.toHaveText('training');
  const snapshot = await app.snapshot();
  expect(snapshot.status).not.toBe('training');
  expect(snapshot.trainLoss.length).toBeGreaterThan(0);
  expect(snapshot.trainLoss.every(Number.isFinite)).toBe(true);
  expect(snapshot.valLoss.every(Number.isFinite)).toBe(true);
});
