/**
 * A panel's PNG button saves a picture of the panel: a real PNG, the panel's size, with its chart
 * in it, under the page's Content-Security-Policy, and no error.
 */
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { PlaygroundPage } from './playgroundPage';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** The robustness curve's colour (#1f77b4). */
const CURVE_RGB = [31, 119, 180];

test('the PNG button saves the noise-robustness panel with its curve', async ({ page }, info) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  const app = new PlaygroundPage(page);
  await app.open('backend=wasm&trainSubset=256&testSubset=256&seed=1');
  await app.waitForStatus('idle');
  const panel = page.getByTestId('robustness');
  // The untrained model's curve is drawn before the status says idle.
  await expect(panel.locator('.js-plotly-plot .scatterlayer .trace')).not.toHaveCount(0);

  const saved = page.waitForEvent('download', { timeout: 30_000 });
  await panel.getByTestId('panel-png').click();
  const download = await saved;
  expect(download.suggestedFilename()).toBe('noise-robustness.png');
  const path = info.outputPath(download.suggestedFilename());
  await download.saveAs(path);
  const bytes = await readFile(path);
  expect([...bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);

  // Decoded in the page (createImageBitmap reads the bytes, no URL), then its pixels counted.
  const picture = await page.evaluate(
    async ({ data, curve }) => {
      const bitmap = await createImageBitmap(new Blob([new Uint8Array(data)], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d');
      if (!context) throw new Error('no 2-D context');
      context.drawImage(bitmap, 0, 0);
      const pixels = context.getImageData(0, 0, bitmap.width, bitmap.height).data;
      let curvePixels = 0;
      for (let i = 0; i < pixels.length; i += 4) {
        const near = [0, 1, 2].every((c) => Math.abs(pixels[i + c] - curve[c]) < 24);
        if (near) curvePixels += 1;
      }
      const box = document.querySelector('[data-testid="robustness"]')?.getBoundingClientRect();
      const scale = window.devicePixelRatio || 1;
      return {
        width: bitmap.width,
        height: bitmap.height,
        expectedWidth: Math.ceil((box?.width ?? 0) * scale),
        expectedHeight: Math.ceil((box?.height ?? 0) * scale),
        curvePixels,
      };
    },
    { data: [...bytes], curve: CURVE_RGB },
  );
  expect(picture.width).toBe(picture.expectedWidth);
  expect(picture.height).toBe(picture.expectedHeight);
  // A line across the plot, not a blank frame with a title.
  expect(picture.curvePixels).toBeGreaterThan(100);
  await expect(page.getByTestId('error')).toHaveCount(0);
  expect(violations).toEqual([]);
});
