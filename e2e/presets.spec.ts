/** Issue 7 through the UI: model presets with their recipes, noise types, basic vs denoising, the PCA latent. */
import { expect, test, type Page } from '@playwright/test';
import { PlaygroundPage } from './playgroundPage';

const QUERY = 'backend=wasm&trainSubset=256&testSubset=256&seed=1';

async function trainOneEpoch(app: PlaygroundPage): Promise<void> {
  await app.page.getByTestId('start').click();
  await app.waitForEpochAtLeast(1, 300_000);
  await expect.poll(async () => (await app.snapshot()).metrics, { timeout: 120_000 }).not.toBeNull();
  await app.page.getByTestId('pause').click();
  const snapshot = await app.snapshot();
  expect(snapshot.trainLoss.length).toBeGreaterThan(0);
  expect(snapshot.trainLoss.every(Number.isFinite)).toBe(true);
  expect(snapshot.valLoss.every(Number.isFinite)).toBe(true);
  const { mse, psnr, ssim } = snapshot.metrics ?? { mse: NaN, psnr: NaN, ssim: NaN };
  expect([mse, psnr, ssim].every(Number.isFinite)).toBe(true);
}

/** Resets with the draft; the status is already idle before the worker hears of it, so wait for the run's preset. */
async function applyAndWaitIdle(page: Page, app: PlaygroundPage, preset: string): Promise<void> {
  await page.getByTestId('reset').click();
  await expect.poll(async () => (await app.snapshot()).preset, { timeout: 120_000 }).toBe(preset);
  await app.waitForStatus('idle');
}

test('dense-3 with latent 15, dropout and masking noise trains and shows its latent as a PCA projection', async ({
  page,
}) => {
  const app = new PlaygroundPage(page);
  await app.open(QUERY);
  await app.waitForStatus('idle');
  expect((await app.snapshot()).preset).toBe('reference');
  await expect(page.getByTestId('feature-maps')).toHaveCount(0);
  await page.getByTestId('model-preset').selectOption('dense-3');
  // The recipe comes with the preset: Adam and plain MSE.
  await expect(page.getByTestId('config-optimizer')).toHaveValue('adam');
  await expect(page.getByTestId('config-l1Weight')).toHaveValue('0');
  await expect(page.getByTestId('dropout')).toHaveValue('off');
  await page.getByTestId('latent-size').selectOption('15');
  await page.getByTestId('noise-type').selectOption('masking');
  // Regularisation by dropout, which the lab's recipe leaves off.
  await page.getByTestId('dropout').selectOption('on');
  await applyAndWaitIdle(page, app, 'dense-3');
  await expect(page).toHaveURL(/preset=dense-3/);
  await expect(page).toHaveURL(/latent=15/);
  await expect(page).toHaveURL(/dropout=on/);
  await trainOneEpoch(app);
  const latent = page.getByTestId('latent-scatter');
  await expect(latent).toContainText('PCA projection');
  await expect(latent).toContainText('15-D');
});

test('minimal from the URL brings its recipe; basic mode trains on clean inputs', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.open(`${QUERY}&preset=minimal&mode=basic`);
  await app.waitForStatus('idle');
  expect((await app.snapshot()).preset).toBe('minimal');
  await expect(page.getByTestId('noise-type')).toHaveValue('uniform-positive');
  await expect(page.getByTestId('config-batchSize')).toHaveValue('32');
  await expect(page.getByTestId('training-mode')).toHaveValue('basic');
  await trainOneEpoch(app);
});

test('conv with BCE and Gaussian noise trains on MNIST with tfjs ops', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.open(QUERY);
  await app.waitForStatus('idle');
  await page.getByTestId('model-preset').selectOption('conv');
  await expect(page.getByTestId('config-bceWeight')).toHaveValue('1');
  // Its source trains on MNIST digits, so choosing it switches the data set too.
  await expect(page.getByTestId('dataset')).toHaveValue('mnist');
  await page.getByTestId('noise-type').selectOption('gaussian');
  await applyAndWaitIdle(page, app, 'conv');
  const snapshot = await app.snapshot();
  expect(snapshot.preset).toBe('conv');
  expect(snapshot.dataset).toBe('mnist');
  expect(snapshot.trainStep).toBe('tfjs');
  await trainOneEpoch(app);
  await expect(page.getByTestId('latent-scatter')).toContainText('392-D');
  // The 8 bottleneck maps of the grid's first image.
  await expect(page.getByTestId('feature-maps').locator('canvas')).toHaveCount(8);
});

test('minimal trains on WebGPU with the fused engine (ReLU latent, no BatchNorm, GPU uniform-positive noise)', async ({
  page,
}) => {
  const app = new PlaygroundPage(page);
  await app.open('backend=webgpu&trainSubset=64&testSubset=64&seed=1&preset=minimal');
  await expect(page.getByTestId('backend')).toHaveText('webgpu', { timeout: 120_000 });
  await app.waitForStatus('idle');
  const snapshot = await app.snapshot();
  expect(snapshot.preset).toBe('minimal');
  expect(snapshot.trainStep).toBe('engine');
  await trainOneEpoch(app);
});

test('on WebGPU, a latent L1 penalty falls back to tfjs ops with the reason shown; BCE trains there', async ({
  page,
}) => {
  const app = new PlaygroundPage(page);
  await app.open(
    'backend=webgpu&trainSubset=128&testSubset=64&seed=1&preset=dense-3&batchSize=64&mseWeight=0&bceWeight=1&latentL1=0.001',
  );
  await expect(page.getByTestId('backend')).toHaveText('webgpu', { timeout: 120_000 });
  await app.waitForStatus('idle');
  const snapshot = await app.snapshot();
  expect(snapshot.preset).toBe('dense-3');
  expect(snapshot.trainStep).toBe('tfjs');
  await expect(page.getByTestId('train-step')).toHaveAttribute('title', /L1 penalty on the latent code/);
  await trainOneEpoch(app);
  // BCE's gradient is written out: tfjs-webgpu would differentiate the clamped log to 0 and stall.
  const { trainLoss } = await app.snapshot();
  expect(trainLoss.length).toBeGreaterThanOrEqual(2);
  expect(trainLoss[trainLoss.length - 1]).toBeLessThan(trainLoss[0]);
});
