#!/usr/bin/env node
/* global window */
/**
 * Trains in the real app (production build, real worker, real data) in Debian's headless
 * Chromium and prints one JSON line per finished epoch: losses, metrics, epoch time.
 * Usage: node scripts/train-in-browser.mjs [query] [epochs]   (needs `npm run build` first)
 * e.g.   node scripts/train-in-browser.mjs "backend=wasm&seed=0" 5
 */
import { spawn } from 'node:child_process';
import { chromium } from '@playwright/test';

const query = process.argv[2] ?? 'backend=wasm&seed=0';
const epochs = Number(process.argv[3] ?? 1);
const port = Number(process.env.PORT ?? 4199);

const server = spawn('npx', ['vite', 'preview', '--port', String(port), '--strictPort'], { stdio: 'ignore' });
const stopServer = () => server.kill();
process.on('exit', stopServer);
await new Promise((resolve) => setTimeout(resolve, 3000));

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--enable-unsafe-webgpu', '--use-webgpu-adapter=swiftshader', '--disable-background-networking'],
});
const page = await browser.newPage();
await page.goto(`http://127.0.0.1:${port}/?${query}&epochs=${epochs}`);
const snapshot = () => page.evaluate(() => window.playground.snapshot());
const waitFor = async (predicate, timeoutMs) => {
  const started = Date.now();
  for (;;) {
    const state = await snapshot();
    if (predicate(state)) return state;
    if (Date.now() - started > timeoutMs)
      throw new Error(`timed out; last state ${JSON.stringify(state.status)}`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
};
const ready = await waitFor((s) => s.status === 'idle' || s.status === 'failed', 300_000);
if (ready.status === 'failed') throw new Error(ready.errorMessage);
console.log(JSON.stringify({ backend: ready.backend, query, epochs }));
const startedMs = Date.now();
await page.getByTestId('start').click();
let reported = 0;
let stepsPerEpoch = 0;
const mean = (values) => values.reduce((sum, v) => sum + v, 0) / values.length;
while (reported < epochs) {
  const state = await waitFor((s) => s.metricsHistory.length > reported || s.status === 'failed', 3_600_000);
  if (state.status === 'failed') throw new Error(state.errorMessage);
  stepsPerEpoch ||= state.step / state.valLoss.length;
  for (; reported < state.metricsHistory.length; reported++) {
    console.log(
      JSON.stringify({
        epoch: reported + 1,
        wallS: Math.round((Date.now() - startedMs) / 1000),
        trainLoss: mean(state.trainLoss.slice(reported * stepsPerEpoch, (reported + 1) * stepsPerEpoch)),
        valLoss: state.valLoss[reported],
        learningRate: state.learningRates[reported],
        metrics: state.metricsHistory[reported],
        step: state.step,
        numTensors: state.numTensors,
      }),
    );
  }
}
await page.screenshot({ path: process.env.SCREENSHOT ?? 'trained-app.png', fullPage: false });
await browser.close();
stopServer();
