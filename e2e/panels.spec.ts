/** Issue 3 through the UI: every panel draws, the slider re-runs, the scatter decodes, panels link. */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { PlaygroundPage } from './playgroundPage';

const ARTIFACTS = 'e2e/artifacts';

/** A fingerprint of every canvas under `root`: the sum of its pixels, read in the page. */
function canvasSums(root: Locator): Promise<number[]> {
  return root.locator('canvas').evaluateAll((canvases) =>
    (canvases as HTMLCanvasElement[]).map((canvas) => {
      const context = canvas.getContext('2d');
      if (!context) return -1;
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
      let sum = 0;
      for (let i = 0; i < data.length; i += 4) sum += data[i] + data[i + 1] + data[i + 2];
      return sum;
    }),
  );
}

/** 64 steps on WASM: enough for reconstructions that depend on the input (4 steps are flat grey). */
const PANELS_QUERY = 'backend=wasm&trainSubset=4096&testSubset=256&batchSize=64&seed=1';

async function trainOneEpoch(page: Page): Promise<PlaygroundPage> {
  const app = new PlaygroundPage(page);
  await app.trainOneEpochAndPause(PANELS_QUERY);
  await expect.poll(async () => (await app.snapshot()).metrics !== null, { timeout: 120_000 }).toBe(true);
  return app;
}

test('after one epoch every panel has drawn, metrics are in range, and screenshots are kept', async ({
  page,
}) => {
  const app = await trainOneEpoch(page);
  const grid = page.getByTestId('recon-grid');
  await expect(grid.locator('canvas')).toHaveCount(24);
  expect((await canvasSums(grid)).every((sum) => sum > 0)).toBe(true);
  const errorMaps = page.getByTestId('error-maps');
  expect((await canvasSums(errorMaps)).filter((sum) => sum > 0).length).toBeGreaterThanOrEqual(6);
  expect((await canvasSums(page.getByTestId('robustness'))).some((sum) => sum > 0)).toBe(true);
  await expect(
    page.getByTestId('robustness').locator('.js-plotly-plot .scatterlayer .trace'),
  ).not.toHaveCount(0);
  const scatter = page.getByTestId('latent-scatter');
  await expect(scatter.locator('.legendtext')).toHaveCount(10);
  await expect(scatter.locator('.legendtext').first()).toHaveText('T-shirt/top');
  expect((await app.snapshot()).latentPoints).toBe(256);
  // The points are drawn on a 2-D canvas under Plotly's axes, every one inside the plot area.
  await expect(scatter.locator('canvas.latent-points')).toHaveAttribute('data-drawn-points', '256', {
    timeout: 30_000,
  });

  const snapshot = await app.snapshot();
  const metrics = snapshot.metrics;
  expect(metrics).not.toBeNull();
  const mse = Number(await page.getByTestId('metric-mse').textContent());
  const psnr = Number(await page.getByTestId('metric-psnr').textContent());
  const ssim = Number(await page.getByTestId('metric-ssim').textContent());
  expect(mse).toBeGreaterThan(0);
  expect(mse).toBeLessThan(1);
  expect(psnr).toBeGreaterThan(0);
  expect(ssim).toBeGreaterThanOrEqual(0);
  expect(ssim).toBeLessThanOrEqual(1);
  expect(psnr).toBeCloseTo(metrics?.psnr ?? NaN, 1);

  // The projector layout: controls, loss, grid and scatter fit 1280×720 without scrolling.
  for (const id of ['start', 'loss-chart', 'recon-grid', 'latent-scatter']) {
    const box = await page.getByTestId(id).boundingBox();
    expect(box, id).not.toBeNull();
    expect((box?.y ?? 0) + (box?.height ?? 0), id).toBeLessThanOrEqual(720);
    expect((box?.x ?? 0) + (box?.width ?? 0), id).toBeLessThanOrEqual(1280);
  }
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: `${ARTIFACTS}/app-1280x720.png` });
  for (const id of [
    'loss-chart',
    'recon-grid',
    'error-maps',
    'robustness',
    'latent-scatter',
    'metrics',
    'manifold',
  ]) {
    await page.getByTestId(id).screenshot({ path: `${ARTIFACTS}/panel-${id}.png` });
  }
});

test('the noise slider re-runs the grid; a click on the plane decodes; selection links panels', async ({
  page,
}) => {
  const app = await trainOneEpoch(page);
  const rows = page.getByTestId('recon-grid').locator('[role=row]');
  const noisyBefore = await canvasSums(rows.nth(1));
  const reconstructedBefore = await canvasSums(rows.nth(2));
  await page.getByTestId('noise-slider').fill('0.8');
  await expect.poll(() => canvasSums(rows.nth(1)), { timeout: 30_000 }).not.toEqual(noisyBefore);
  await expect.poll(() => canvasSums(rows.nth(2)), { timeout: 30_000 }).not.toEqual(reconstructedBefore);
  // The rows say which noise is the test's (the slider) and which the model trained on.
  await expect(rows.nth(1)).toContainText('test noise gaussian 0.80', { useInnerText: true });
  await expect(page.getByTestId('grid-noise-note')).toContainText('trained on gaussian noise 0.25');

  const decoded = page.getByTestId('latent-decoded');
  await expect(decoded).toHaveAttribute('data-state', 'empty');
  const plotArea = page.getByTestId('latent-scatter').locator('.nsewdrag').first();
  const box = await plotArea.boundingBox();
  expect(box).not.toBeNull();
  await page.mouse.click((box?.x ?? 0) + (box?.width ?? 0) * 0.3, (box?.y ?? 0) + (box?.height ?? 0) * 0.6);
  await expect(decoded).toHaveAttribute('data-state', 'decoded', { timeout: 30_000 });
  await expect.poll(async () => (await canvasSums(decoded))[0] ?? 0, { timeout: 30_000 }).toBeGreaterThan(0);

  // Selecting image #2 in the grid highlights it in the error maps and the scatter.
  await rows.nth(0).locator('canvas[data-test-index="2"]').click();
  await expect(page.getByTestId('error-maps').locator('canvas[data-test-index="2"]').first()).toHaveAttribute(
    'data-highlighted',
    'true',
  );
  expect((await app.snapshot()).selectedTestIndex).toBe(2);
  // And selecting in the error maps moves the highlight in the grid.
  await page.getByTestId('error-maps').locator('canvas[data-test-index="4"]').first().click();
  await expect(rows.nth(0).locator('canvas[data-test-index="4"]')).toHaveAttribute(
    'data-highlighted',
    'true',
  );
  await expect(rows.nth(0).locator('canvas[data-test-index="2"]')).not.toHaveAttribute(
    'data-highlighted',
    'true',
  );
});
