#!/usr/bin/env node
/**
 * Main-thread long tasks while the real app trains with every panel on screen (10,000-point
 * latent scatter, full test set): serves `dist/` (run `npm run build` first), opens the app in
 * Debian's headless Chromium, clicks start, waits for the first epoch, then measures.
 * Usage: node scripts/bench/main-thread.mjs [seconds=120]
 * Env: PORT (4412), QUERY (backend=wasm&trainSubset=1024&seed=1), CHROMIUM_PATH, VIEWPORT (1280x1800),
 * DIST (dist: the build to serve, so two builds can be measured back to back).
 * Prints one JSON object: measureMainThread's result plus the epochs trained meanwhile and the
 * machine's 1-minute load average before and after (other processes stretch every task's wall time).
 */
import { loadavg } from 'node:os';
import { chromium } from '@playwright/test';
import { preview } from 'vite';
import { measureTrainingApp } from './mainThread.mjs';

const seconds = Number(process.argv[2] ?? 120);
const port = Number(process.env.PORT ?? 4412);
const query = process.env.QUERY ?? 'backend=wasm&trainSubset=1024&seed=1';
// Tall enough that the below-the-fold panels (metrics, error maps, robustness, manifold) are on screen.
const [width, height] = (process.env.VIEWPORT ?? '1280x1800').split('x').map(Number);

// In-process, so the server always ends with this script (an `npx` child can outlive it).
const server = await preview({
  preview: { port, strictPort: true },
  build: { outDir: process.env.DIST ?? 'dist' },
  logLevel: 'warn',
});
const url = `http://127.0.0.1:${port}/`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const loadBefore = loadavg()[0];
  const result = await measureTrainingApp(browser, url, { query, seconds, viewport: { width, height } });
  console.log(
    JSON.stringify({
      query,
      viewport: `${width}x${height}`,
      loadAverage: [loadBefore, loadavg()[0]].map((load) => Number(load.toFixed(2))),
      ...result,
    }),
  );
} finally {
  await browser.close();
  await server.close();
}
