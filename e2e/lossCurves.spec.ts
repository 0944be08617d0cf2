/**
 * The loss chart's training curves, drawn on a canvas under Plotly's axes: every step's loss is on
 * screen, the legend switches the curves, the pointer reads a step out, and the axes follow a zoom.
 */
import { expect, test, type Locator } from '@playwright/test';
import { PlaygroundPage } from './playgroundPage';

const QUERY = 'backend=wasm&trainSubset=1024&testSubset=256&batchSize=64&seed=1';

async function drawnPoints(canvas: Locator): Promise<number> {
  return Number(await canvas.getAttribute('data-drawn-points'));
}

test('the training curves follow the run, the legend, the pointer and the zoom', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.trainOneEpochAndPause(QUERY);
  const chart = page.getByTestId('loss-chart');
  const canvas = chart.locator('canvas.loss-curves');
  const steps = (await app.snapshot()).step;
  expect(steps).toBeGreaterThanOrEqual(16);
  // Raw and smoothed: two points a step.
  await expect.poll(() => drawnPoints(canvas), { timeout: 30_000 }).toBe(2 * steps);

  // The legend switches the raw curve off and on again.
  await chart.getByRole('button', { name: /train \(raw\)/ }).click();
  await expect.poll(() => drawnPoints(canvas)).toBe(steps);
  await chart.getByRole('button', { name: /train \(raw\)/ }).click();
  await expect.poll(() => drawnPoints(canvas)).toBe(2 * steps);

  // The pointer over the plot area reads out the nearest step.
  const area = chart.locator('.nsewdrag');
  const box = await area.boundingBox();
  if (!box) throw new Error('no plot area');
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5);
  await expect(chart.locator('.loss-hover')).toContainText(/step \d+: [\d.e-]+ \(smoothed [\d.e-]+\)/);
  await page.mouse.move(box.x + box.width + 40, box.y - 40);
  await expect(chart.locator('.loss-hover')).toHaveCount(0);

  // A zoom into the first half leaves the later steps off screen; a double-click brings them back.
  await page.mouse.move(box.x + 2, box.y + 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height - 2, { steps: 5 });
  await page.mouse.up();
  await expect.poll(() => drawnPoints(canvas)).toBeLessThan(2 * steps);
  await area.dblclick();
  await expect.poll(() => drawnPoints(canvas)).toBe(2 * steps);
});
