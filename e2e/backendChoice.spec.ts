/** Without ?backend= the app never trains on a software adapter when WASM is faster, and says why. */
import { expect, test } from '@playwright/test';
import { PlaygroundPage, SUBSET } from './playgroundPage';

test('skips SwiftShader WebGPU and WebGL for WASM and names them in the reason', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.open(SUBSET);
  await app.waitForStatus('idle');
  // The test browser's WebGPU adapter is SwiftShader (--use-webgpu-adapter=swiftshader).
  const reason = page.getByTestId('backend-reason');
  await expect(reason).toContainText('WebGPU is SwiftShader, a software adapter');
  await expect(page.getByTestId('backend')).not.toHaveText('webgpu');
  if ((await page.getByTestId('backend').textContent()) === 'wasm') {
    await expect(reason).toContainText('WASM runs');
    await expect(page.locator('.adapter')).toContainText('thread');
  }
});

test('the preview server makes the page cross-origin isolated, so WASM can use threads', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.open(`backend=wasm&${SUBSET}`);
  await app.waitForStatus('idle');
  expect(await page.evaluate(() => window.crossOriginIsolated)).toBe(true);
  await expect(page.locator('.adapter')).toContainText('logical cores');
});
