/**
 * The test metrics and the noise-robustness curve are drawn on canvases under Plotly's axes: they
 * follow each epoch, read out under the pointer, and the noise slider moves its mark on the curve
 * without a Plotly redraw.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { PlaygroundPage } from './playgroundPage';

const QUERY = 'backend=wasm&trainSubset=1024&testSubset=256&batchSize=64&seed=1';

async function drawnPoints(panel: Locator): Promise<number> {
  return Number(await panel.locator('canvas.chart-series').getAttribute('data-drawn-points'));
}

/** Moves the pointer to a fraction of the panel's plot area and returns the readout. */
async function readoutAt(page: Page, panel: Locator, fractionX: number): Promise<Locator> {
  await panel.scrollIntoViewIfNeeded();
  const box = await panel.locator('.nsewdrag').boundingBox();
  if (!box) throw new Error('no plot area');
  await page.mouse.move(box.x + box.width * fractionX, box.y + box.height / 2);
  return panel.locator('.chart-hover');
}

test('metrics and robustness follow the epoch on their canvases and read out under the pointer', async ({
  page,
}) => {
  // Counts each chart's Plotly redraws (the User Timing measures the app leaves).
  await page.addInitScript(() => {
    const counts: Record<string, number> = {};
    Reflect.set(window, 'plotlyRedraws', counts);
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) counts[entry.name] = (counts[entry.name] ?? 0) + 1;
    }).observe({ entryTypes: ['measure'] });
  });
  const redraws = (name: string) =>
    page.evaluate((measure) => Number(Reflect.get(Reflect.get(window, 'plotlyRedraws'), measure) ?? 0), name);
  const app = new PlaygroundPage(page);
  await app.trainOneEpochAndPause(QUERY);

  const metrics = page.getByTestId('metrics');
  // One epoch: PSNR, SSIM and the global SSIM, one point each, all inside the axes.
  await expect.poll(() => drawnPoints(metrics), { timeout: 30_000 }).toBe(3);
  await expect(await readoutAt(page, metrics, 0.2)).toContainText(
    /epoch 1: PSNR [\d.]+ dB, SSIM [\d.]+ \(global [\d.]+\)/,
  );

  const robustness = page.getByTestId('robustness');
  // The curve's levels and the slider's mark on it.
  await expect.poll(() => drawnPoints(robustness), { timeout: 30_000 }).toBeGreaterThan(3);
  await expect(await readoutAt(page, robustness, 0.5)).toContainText(/noise 0\.\d\d: [\d.]+ dB/);
  await page.mouse.move(0, 0);
  await expect(robustness.locator('.chart-hover')).toHaveCount(0);

  // The slider moves the mark on the canvas; Plotly's axes stay as they are.
  const canvas = robustness.locator('canvas.chart-series');
  const pixelsOf = () => canvas.evaluate((element) => (element as HTMLCanvasElement).toDataURL());
  const before = await pixelsOf();
  const redrawsBefore = await redraws('plotly-redraw:robustness');
  await page.getByTestId('noise-slider').fill('0.8');
  await expect.poll(pixelsOf, { timeout: 30_000 }).not.toBe(before);
  // The grid's and the strip's refresh for the new level has come back (the panels are idle again).
  await page.waitForTimeout(2000);
  expect(await redraws('plotly-redraw:robustness')).toBe(redrawsBefore);
});
