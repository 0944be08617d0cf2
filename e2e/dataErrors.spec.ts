/** Bad data stops loading with a message that names the file and the problem. */
import { expect, test } from '@playwright/test';
import { PlaygroundPage, SUBSET } from './playgroundPage';

test('a missing data file shows an error naming it', async ({ page }) => {
  await page.route('**/train-labels-idx1-ubyte.gz', (route) =>
    route.fulfill({ status: 404, body: 'not found' }),
  );
  const app = new PlaygroundPage(page);
  await app.open(`backend=cpu&${SUBSET}`);
  await expect(page.getByTestId('error')).toContainText('train-labels-idx1-ubyte.gz');
  await expect(page.getByTestId('error')).toContainText('404');
  await app.waitForStatus('failed', 10_000);
  await expect(page.getByTestId('start')).toBeDisabled();
});

test('a truncated gzip file shows an error naming it', async ({ page }) => {
  await page.route('**/t10k-images-idx3-ubyte.gz', async (route) => {
    const response = await route.fetch();
    const body = await response.body();
    await route.fulfill({ response, body: body.subarray(0, body.length >> 1) });
  });
  const app = new PlaygroundPage(page);
  await app.open(`backend=cpu&${SUBSET}`);
  await expect(page.getByTestId('error')).toContainText('t10k-images-idx3-ubyte.gz');
  await app.waitForStatus('failed', 10_000);
});

test('absurd settings are refused with a message and lose nothing', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.open(`backend=wasm&${SUBSET}`);
  await app.waitForStatus('idle');
  await page.getByTestId('config-learningRate').fill('50');
  await page.getByTestId('reset').click();
  await expect(page.getByTestId('config-problems')).toContainText('learningRate');
  await expect(page.getByTestId('status')).toHaveText('idle');
});
