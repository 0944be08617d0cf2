/** Issue 8: saved runs resume after a reload, files export and import, a lost device or crash recovers. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { PlaygroundPage } from './playgroundPage';

const FAST = 'backend=wasm&trainSubset=256&testSubset=256&seed=1';

async function lastSave(app: PlaygroundPage, atLeastStep = 1) {
  await expect
    .poll(async () => (await app.snapshot()).lastSave?.step ?? 0, { timeout: 120_000 })
    .toBeGreaterThanOrEqual(atLeastStep);
  const saved = (await app.snapshot()).lastSave;
  if (!saved) throw new Error('no save');
  return saved;
}

/** Clicks a button that downloads `count` files; returns their paths. */
async function downloads(page: Page, testId: string, count: number, dir: string): Promise<string[]> {
  const seen: Promise<string>[] = [];
  const all = new Promise<void>((resolve) => {
    page.on('download', (download) => {
      const path = `${dir}/${download.suggestedFilename()}`;
      seen.push(download.saveAs(path).then(() => path));
      if (seen.length === count) resolve();
    });
  });
  await page.getByTestId(testId).click();
  await all;
  page.removeAllListeners('download');
  return Promise.all(seen);
}

test('a reloaded page resumes the saved run: its epoch, curves and rate, and trains on', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.open(`${FAST}&epochs=40&patience=0`);
  await app.waitForStatus('idle');
  await page.getByTestId('start').click();
  const saved = await lastSave(app, 5);
  const before = await app.snapshot();
  expect(before.lastSave?.bytes).toBeGreaterThan(10_000_000);

  await page.reload();
  await app.waitForStatus('idle');
  const resume = page.getByTestId('resume');
  await expect(resume).toContainText(`epoch ${saved.epoch}, step ${saved.step}`);
  await resume.click();
  await expect
    .poll(async () => (await app.snapshot()).step, { timeout: 60_000 })
    .toBeGreaterThanOrEqual(saved.step);
  const resumed = await app.snapshot();
  expect(resumed.epoch).toBeGreaterThanOrEqual(saved.epoch);
  // The curves up to the save are the ones the first page drew.
  expect(resumed.valLoss.slice(0, saved.epoch)).toEqual(before.valLoss.slice(0, saved.epoch));
  expect(resumed.learningRates.slice(0, saved.epoch)).toEqual(before.learningRates.slice(0, saved.epoch));
  expect(resumed.trainLoss.slice(0, saved.step)).toEqual(before.trainLoss.slice(0, saved.step));
  await app.waitForStepAtLeast(saved.step + 4, 120_000);
  await app.waitForStatus('training');
  const later = await app.snapshot();
  expect(later.trainLoss.length).toBe(later.step);
  await page.getByTestId('pause').click();
});

test('an exported model imports back with the same test metrics; bad files are refused by name', async ({
  page,
}, info) => {
  const app = new PlaygroundPage(page);
  await app.open(`${FAST}&epochs=1`);
  await app.waitForStatus('idle');
  await page.getByTestId('start').click();
  await app.waitForStatus('done', 120_000);
  await expect.poll(async () => (await app.snapshot()).metrics, { timeout: 60_000 }).not.toBeNull();
  const trained = (await app.snapshot()).metrics;
  const [modelJson, weights] = (await downloads(page, 'export-model', 2, info.outputDir)).sort();
  expect(modelJson).toMatch(/autoencoder\.json$/);
  const [runFile] = await downloads(page, 'export-run', 1, info.outputDir);
  const [csv] = await downloads(page, 'export-csv', 1, info.outputDir);
  expect(readFileSync(csv, 'utf8').split('\n')[0]).toMatch(/^kind,epoch,step,batch_loss/);
  expect(JSON.parse(readFileSync(runFile, 'utf8')).config.seed).toBe(1);

  await page.getByTestId('reset').click();
  await app.waitForStatus('idle');
  expect((await app.snapshot()).metrics).toBeNull();
  await page.getByTestId('import-model').setInputFiles([modelJson, weights]);
  await expect.poll(async () => (await app.snapshot()).metrics, { timeout: 60_000 }).not.toBeNull();
  const imported = (await app.snapshot()).metrics;
  for (const key of ['mse', 'psnr', 'ssim'] as const)
    expect(imported?.[key]).toBeCloseTo(trained?.[key] ?? NaN, 6);

  const error = page.getByTestId('error');
  const truncated = `${info.outputDir}/truncated.bin`;
  writeFileSync(truncated, readFileSync(weights).subarray(0, 1000));
  const topology = JSON.parse(readFileSync(modelJson, 'utf8'));
  topology.modelTopology.config.layers.at(-1).config.activation = 'relu';
  const wrongJson = `${info.outputDir}/wrong.json`;
  writeFileSync(wrongJson, JSON.stringify(topology));
  const badRun = `${info.outputDir}/bad-run.json`;
  writeFileSync(badRun, '{"format": "autoencoder-playground-run", "version": 1, "config": {');
  const cases: [string, string[], RegExp][] = [
    [
      'import-model',
      [wrongJson, weights],
      /Wrong architecture: layer 50 is Dense with 784 units and relu activation/,
    ],
    ['import-model', [runFile], /not a tfjs layers model/],
    ['import-model', [modelJson], /weights file autoencoder\.weights\.bin is missing/],
    ['import-run', [badRun], /Not a usable run file: it is not JSON/],
    ['import-run', [modelJson], /Not a usable run file: its "format"/],
  ];
  const untouched = await app.snapshot();
  for (const [testId, files, message] of cases) {
    await page.getByTestId(testId).setInputFiles(files);
    await expect(error).toContainText(message);
    await error.getByRole('button', { name: 'dismiss' }).click();
  }
  // A truncated weights file under the right name.
  const truncatedDir = `${info.outputDir}/truncated`;
  mkdirSync(truncatedDir, { recursive: true });
  const truncatedWeights = `${truncatedDir}/autoencoder.weights.bin`;
  writeFileSync(truncatedWeights, readFileSync(truncated));
  await page.getByTestId('import-model').setInputFiles([modelJson, truncatedWeights]);
  await expect(error).toContainText(/The weights file is truncated: 1000 of \d+ bytes/);
  const after = await app.snapshot();
  expect(after.metrics).toEqual(untouched.metrics);
  expect(after.status).toBe(untouched.status);

  // The run file brings back the configuration and the curves.
  await page.getByTestId('import-run').setInputFiles(runFile);
  await expect.poll(async () => (await app.snapshot()).valLoss.length, { timeout: 60_000 }).toBe(1);
  expect(page.url()).toContain('epochs=1');
});

test('loseDevice() on WASM crashes the worker; a new one resumes the last save and trains on', async ({
  page,
}) => {
  const app = new PlaygroundPage(page);
  await app.open(`${FAST}&epochs=40`);
  await app.waitForStatus('idle');
  await page.getByTestId('start').click();
  const saved = await lastSave(app, 3);
  await page.evaluate(() => window.playground.debug.loseDevice());
  await expect(page.getByTestId('error')).toContainText('crashed');
  await expect(page.getByTestId('error')).toContainText(
    /Resumed from the last save \(epoch \d+, step \d+\)/,
    { timeout: 120_000 },
  );
  await app.waitForStatus('training');
  await app.waitForStepAtLeast(saved.step + 2, 120_000);
  expect((await app.snapshot()).backend).toBe('wasm');
  await page.getByTestId('pause').click();
});

test('loseDevice() on WebGPU destroys the device; the run resumes from its last save', async ({ page }) => {
  test.skip(!process.env.E2E_WEBGPU, 'minutes on SwiftShader: set E2E_WEBGPU=1');
  const app = new PlaygroundPage(page);
  await app.open('backend=webgpu&trainSubset=256&testSubset=64&seed=1&epochs=40');
  await app.waitForStatus('idle');
  await page.getByTestId('start').click();
  const saved = await lastSave(app, 2);
  await page.evaluate(() => window.playground.debug.loseDevice());
  await expect(page.getByTestId('error')).toContainText('The GPU device was lost');
  await expect(page.getByTestId('error')).toContainText(/Resumed from the last save/, { timeout: 300_000 });
  await app.waitForStepAtLeast(saved.step + 1, 300_000);
  expect((await app.snapshot()).backend).toBe('webgpu');
  await page.getByTestId('pause').click();
});
