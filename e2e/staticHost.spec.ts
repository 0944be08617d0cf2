/**
 * dist/ on a host that sends no COOP/COEP headers: our service worker adds them, so the page
 * becomes cross-origin isolated after one reload and WASM loads its threaded build.
 */
import { expect, test } from '@playwright/test';
import { PlaygroundPage, SUBSET } from './playgroundPage';
import { serveDist, type StaticHost } from './staticHost';

let host: StaticHost | null = null;
test.afterEach(async () => {
  await host?.close();
  host = null;
});

test('the page reloads once, comes back isolated and trains on threaded WASM', async ({ page }) => {
  host = await serveDist('/class/playground/');
  let loads = 0;
  page.on('load', () => loads++);
  await page.goto(`${host.url}?backend=wasm&${SUBSET}`);
  const app = new PlaygroundPage(page);
  await app.waitForStatus('idle');
  expect(loads).toBe(2);
  expect(await page.evaluate(() => window.crossOriginIsolated)).toBe(true);
  expect(host.requested).toContainEqual(expect.stringMatching(/tfjs-backend-wasm-threaded-simd-.*\.wasm$/));
  await expect(page.locator('.adapter')).toContainText('logical cores');
  await page.getByTestId('start').click();
  await app.waitForStepAtLeast(2, 60_000);
  await page.getByTestId('pause').click();
});

test('a service worker that cannot isolate costs one reload, never a loop', async ({ page }) => {
  const passThrough =
    "self.addEventListener('install', () => self.skipWaiting());" +
    "self.addEventListener('activate', (e) => e.waitUntil(self.clients.claim()));" +
    "self.addEventListener('fetch', (e) => e.respondWith(fetch(e.request)));";
  host = await serveDist('/class/playground/', { 'isolation-sw.js': passThrough });
  let loads = 0;
  page.on('load', () => loads++);
  await page.goto(`${host.url}?backend=wasm&${SUBSET}`);
  await new PlaygroundPage(page).waitForStatus('idle');
  expect(await page.evaluate(() => window.crossOriginIsolated)).toBe(false);
  await expect(page.locator('.adapter')).toContainText('not cross-origin isolated');
  await page.waitForTimeout(1000);
  expect(loads).toBe(2);
});
