#!/usr/bin/env node
/* global window */
/**
 * Leak check under load: trains the built app (run `npm run build` first) for N steps with every
 * panel on screen and an epoch end every few seconds, and samples the worker's tensor count and
 * the memory of the page and of its workers (WebAssembly memory included). Flat after warm-up means nothing accumulates.
 * Usage: node scripts/bench/long-run.mjs [steps=2000]
 * Env: PORT (4415), QUERY (backend=wasm&trainSubset=4096&testSubset=1000&seed=1), OUT_DIR (dist),
 * CHROMIUM_PATH. Prints one JSON line per sample, then a summary line.
 */
import { chromium } from '@playwright/test';
import { preview } from 'vite';

const steps = Number(process.argv[2] ?? 2000);
const port = Number(process.env.PORT ?? 4415);
const query = process.env.QUERY ?? 'backend=wasm&trainSubset=4096&testSubset=1000&seed=1';
const server = await preview({
  preview: { port, strictPort: true },
  build: { outDir: process.env.OUT_DIR ?? 'dist' },
  logLevel: 'warn',
});
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    // Measures at once instead of at the next garbage collection (up to 20 s later).
    '--enable-blink-features=ForceEagerMeasureMemory',
    '--disable-background-networking',
    '--no-first-run',
  ],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1800 } });
  await page.goto(`http://127.0.0.1:${port}/?${query}&epochs=1000`);
  await page
    .getByTestId('status')
    .filter({ hasText: /^(idle|failed)$/ })
    .waitFor({ timeout: 300_000 });
  await page.getByTestId('start').click();
  const samples = [];
  const startedMs = Date.now();
  for (;;) {
    await page.waitForTimeout(15_000);
    const snapshot = await page.evaluate(() => window.playground.snapshot());
    // The page is cross-origin isolated, so the browser can measure the page and its workers apart.
    const { pageBytes, workerBytes } = await page.evaluate(async () => {
      const result = await performance.measureUserAgentSpecificMemory();
      let pageBytes = 0;
      let workerBytes = 0;
      for (const entry of result.breakdown)
        for (const { scope } of entry.attribution)
          if (scope === 'Window') pageBytes += entry.bytes;
          else if (scope === 'DedicatedWorkerGlobalScope') workerBytes += entry.bytes;
      return { pageBytes, workerBytes };
    });
    const pageHeapMb = pageBytes / 2 ** 20;
    const workerHeapMb = workerBytes / 2 ** 20;
    const sample = {
      seconds: Math.round((Date.now() - startedMs) / 1000),
      step: snapshot.step,
      epoch: snapshot.epoch,
      status: snapshot.status,
      numTensors: snapshot.numTensors,
      pageHeapMb: Number(pageHeapMb.toFixed(1)),
      workerHeapMb: Number(workerHeapMb.toFixed(1)),
    };
    samples.push(sample);
    console.log(JSON.stringify(sample));
    if (snapshot.status === 'failed') throw new Error(snapshot.errorMessage ?? 'the run failed');
    if (snapshot.step >= steps) break;
  }
  const warm = samples.slice(Math.floor(samples.length / 4));
  const range = (key) => [Math.min(...warm.map((s) => s[key])), Math.max(...warm.map((s) => s[key]))];
  console.log(
    JSON.stringify({
      summary: `after warm-up (last ${warm.length} of ${samples.length} samples)`,
      numTensors: range('numTensors'),
      pageHeapMb: range('pageHeapMb'),
      workerHeapMb: range('workerHeapMb'),
    }),
  );
} finally {
  await browser.close();
  await server.close();
}
