/**
 * The loss chart's training curves, drawn on a canvas under Plotly's axes: every step's loss is on
 * screen with the epoch's validation marker, the legend switches them, the pointer reads a step and
 * its epoch out, and the axes follow a zoom.
 */
import { expect, test, type Locator } from '@playwright/test';
import { PlaygroundPage } from './playgroundPage';

const QUERY = 'backend=wasm&trainSubset=1024&testSubset=256&batchSize=64&seed=1';

/** The x axis's range as Plotly draws it. */
function xRange(chart: Locator): Promise<number[]> {
  return chart
    .locator('.js-plotly-plot')
    .evaluate(
      (plot) => (Reflect.get(Reflect.get(plot, '_fullLayout'), 'xaxis') as { range: number[] }).range,
    );
}

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
  // Raw and smoothed: two points a step; the epoch's validation loss as one marker.
  await expect.poll(() => drawnPoints(canvas), { timeout: 30_000 }).toBe(2 * steps);
  await expect(canvas).toHaveAttribute('data-drawn-validation-points', '1');

  // The legend switches the validation marks and the raw curve off and on again.
  await chart.getByRole('button', { name: /^validation/ }).click();
  await expect(canvas).toHaveAttribute('data-drawn-validation-points', '0');
  await chart.getByRole('button', { name: /^validation/ }).click();
  await expect(canvas).toHaveAttribute('data-drawn-validation-points', '1');
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
  // The step's epoch has ended: its validation loss, learning rate and best checkpoint are read out.
  await expect(chart.locator('.loss-hover')).toContainText(
    /epoch 1: validation [\d.e-]+, lr 1\.0e-3 \(best checkpoint/,
  );
  await page.mouse.move(box.x + box.width + 40, box.y - 40);
  await expect(chart.locator('.loss-hover')).toHaveCount(0);

  // A zoom into the first half leaves the later steps off screen; a double-click brings them back.
  await page.mouse.move(box.x + 2, box.y + 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height - 2, { steps: 5 });
  await page.mouse.up();
  await expect.poll(() => drawnPoints(canvas)).toBeLessThan(2 * steps);
  const zoomed = await xRange(chart);

  // The zoom holds while the run goes on past the axes' box; a double-click shows the whole run.
  await page.getByTestId('start').click();
  await app.waitForStepAtLeast(2 * steps + 4);
  await page.getByTestId('pause').click();
  await app.waitForStatus('paused');
  const later = (await app.snapshot()).step;
  expect(await xRange(chart)).toEqual(zoomed);
  await area.dblclick();
  await expect.poll(() => drawnPoints(canvas)).toBe(2 * later);
  const whole = await xRange(chart);
  expect(whole[0]).toBe(0);
  expect(whole[1]).toBeGreaterThanOrEqual(later);
});
