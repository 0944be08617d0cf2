/** Runs kept side by side: keep a run, its row's metrics, comparing reconstructions, a sweep, a reload. */
import { expect, test, type Page } from '@playwright/test';
import { PlaygroundPage } from './playgroundPage';

const TINY = 'backend=wasm&trainSubset=256&testSubset=64&epochs=1&seed=1';

/** The MSE, PSNR and SSIM cells of each row, as numbers (NaN while a row is being scored). */
async function rowMetrics(page: Page): Promise<number[][]> {
  const rows = page.getByTestId('runs-table').locator('tbody tr');
  const metrics: number[][] = [];
  for (let i = 0; i < (await rows.count()); i++) {
    const cells = ['MSE', 'PSNR (dB)', 'SSIM'].map((column) =>
      rows.nth(i).locator(`td[data-column="${column}"]`).textContent(),
    );
    metrics.push((await Promise.all(cells)).map(Number));
  }
  return metrics;
}

async function expectScoredRows(page: Page, count: number): Promise<number[][]> {
  await expect(page.getByTestId('runs-table').locator('tbody tr')).toHaveCount(count, { timeout: 240_000 });
  await expect
    .poll(async () => (await rowMetrics(page)).flat().every(Number.isFinite), { timeout: 120_000 })
    .toBe(true);
  return rowMetrics(page);
}

test('keeps a finished dense-3 run trained on salt-and-pepper noise with finite test metrics, and compares it', async ({
  page,
}) => {
  const app = new PlaygroundPage(page);
  await app.open(TINY);
  await app.waitForStatus('idle');
  // A student's choice through the controls: another preset and another noise, applied by reset.
  await page.getByTestId('model-preset').selectOption('dense-3');
  await page.getByTestId('noise-type').selectOption('salt-and-pepper');
  await page.getByTestId('reset').click();
  await expect.poll(async () => (await app.snapshot()).preset, { timeout: 120_000 }).toBe('dense-3');
  await app.waitForStatus('idle');
  await expect(page.getByTestId('keep-run')).toBeDisabled();
  await page.getByTestId('start').click();
  await app.waitForStatus('done');
  await page.getByTestId('keep-run').click();

  const [[mse, psnr, ssim]] = await expectScoredRows(page, 1);
  expect(mse).toBeGreaterThan(0);
  expect(psnr).toBeGreaterThan(0);
  expect(ssim).toBeLessThanOrEqual(1);
  expect((await app.snapshot()).keptRuns).toBe(1);
  // The same run, unchanged, is not kept twice.
  await expect(page.getByTestId('keep-run')).toBeDisabled();
  await expect(page.getByTestId('runs-table').locator('tbody tr').first()).toContainText('dense-3');
  await expect(page.getByTestId('runs-table').locator('tbody tr').first()).toContainText('salt-and-pepper');
  await expect(page.getByTestId('runs-progress')).toContainText('gaussian 0.25');

  // Another evaluation noise scores the row again, at that noise.
  await page.getByTestId('runs-noise-level').selectOption('0.6');
  await expect(page.getByTestId('runs-progress')).toContainText('at gaussian 0.60 noise', {
    timeout: 120_000,
  });
  await expectScoredRows(page, 1);

  await page.getByTestId('compare-run-a').selectOption({ label: 'current run' });
  await page.getByTestId('compare-run-b').selectOption({ label: 'Run 1' });
  const rows = page.getByTestId('compare-row');
  await expect(rows).toHaveCount(2, { timeout: 120_000 });
  await expect(rows.nth(0)).toContainText('current run: PSNR');
  await expect(rows.nth(1)).toContainText('Run 1: PSNR');
  await expect(rows.nth(1).locator('canvas')).toHaveCount(8);

  await page.getByTestId('delete-kept-run').click();
  await expect(page.getByTestId('runs-table').locator('tbody tr')).toHaveCount(0);
  expect((await app.snapshot()).keptRuns).toBe(0);
  await expect(page.getByTestId('compare-row')).toHaveCount(1);
});

test('a sweep of basic vs denoising keeps one run per value, and they survive a reload', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.open(TINY);
  await app.waitForStatus('idle');
  await page.getByTestId('sweep-kind').selectOption('trainingMode');
  await page.getByTestId('run-sweep').click();
  await expect(page.getByTestId('sweep-progress')).toContainText(/run \d of 2/);
  await expect(page.getByTestId('sweep-message')).toHaveText('Sweep finished: 2 of 2 runs kept.', {
    timeout: 300_000,
  });
  const metrics = await expectScoredRows(page, 2);
  expect(metrics).toHaveLength(2);
  const modes = await page
    .getByTestId('runs-table')
    .locator('tbody td[data-column="Training"]')
    .allTextContents();
  expect(modes).toEqual(['denoising', 'basic']);
  expect((await app.snapshot()).keptRuns).toBe(2);

  // Kept runs are stored: after a reload the rows come back, scored again.
  await page.reload();
  await app.waitForStatus('idle');
  expect(await expectScoredRows(page, 2)).toEqual(metrics);
  expect((await app.snapshot()).keptRuns).toBe(2);
});
