/* global window */
/**
 * Drives the real app (production build in `dist/`, real worker, real data) in Debian's headless
 * Chromium: serves the build, opens a page with a run's URL parameters, presses start, and reports
 * each finished epoch from `window.playground.snapshot()`. Shared by train-in-browser.mjs and
 * experiments/compare.mjs, so both measure the app the same way.
 */
import { spawn } from 'node:child_process';
import { chromium } from '@playwright/test';

const POLL_MS = 1000;
const LOAD_TIMEOUT_MS = 300_000;
const EPOCH_TIMEOUT_MS = 3_600_000;

/** `vite preview` of `dist/` on 127.0.0.1:port; call the returned function to stop it. */
export async function startPreview(port) {
  // Its own process group: npx starts vite as a child, and killing npx alone leaves vite serving.
  const server = spawn('npx', ['vite', 'preview', '--port', String(port), '--strictPort'], {
    stdio: 'ignore',
    detached: true,
  });
  let stopped = false;
  const stop = () => {
    if (stopped || server.exitCode !== null) return;
    stopped = true;
    process.kill(-server.pid);
  };
  process.on('exit', stop);
  await new Promise((resolve) => setTimeout(resolve, 3000));
  return stop;
}

/** Headless Chromium with WebGPU on SwiftShader, as the end-to-end tests run it. */
export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--enable-unsafe-webgpu', '--use-webgpu-adapter=swiftshader', '--disable-background-networking'],
  });
}

const mean = (values) => values.reduce((sum, v) => sum + v, 0) / values.length;

async function waitForState(page, predicate, timeoutMs) {
  const started = Date.now();
  for (;;) {
    const state = await page.evaluate(() => window.playground.snapshot());
    if (predicate(state)) return state;
    if (Date.now() - started > timeoutMs)
      throw new Error(`timed out; last status ${JSON.stringify(state.status)}`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

function failedOn(state) {
  return state.status === 'failed' ? new Error(state.errorMessage ?? 'failed') : null;
}

/**
 * Trains `epochs` epochs of the run `query` describes in a new page of `browser`, calls
 * `onEpoch(record)` as each epoch's test metrics arrive, and resolves with the records and the
 * last snapshot (its robustnessCurve belongs to the final weights). A failed run rejects with the
 * app's own message, so the caller can report it.
 */
export async function trainRun({ browser, port, query, epochs, onReady = () => {}, onEpoch = () => {} }) {
  const page = await browser.newPage();
  try {
    await page.goto(`http://127.0.0.1:${port}/?${query}&epochs=${epochs}`);
    const ready = await waitForState(
      page,
      (s) => s.status === 'idle' || s.status === 'failed',
      LOAD_TIMEOUT_MS,
    );
    if (failedOn(ready)) throw failedOn(ready);
    onReady(ready);
    const startedMs = Date.now();
    await page.getByTestId('start').click();
    const records = [];
    const epochEndWallS = [];
    const metricsOf = (state, epoch) => state.metricsHistory.find((record) => record.epoch === epoch);
    let last = ready;
    while (records.length < epochs) {
      const epoch = records.length + 1;
      last = await waitForState(
        page,
        (s) => {
          // The loss reaches the page before the metrics: the epoch's end is timed on the loss.
          while (epochEndWallS.length < s.valLoss.length) epochEndWallS.push((Date.now() - startedMs) / 1000);
          return metricsOf(s, epoch) !== undefined || s.status === 'failed';
        },
        EPOCH_TIMEOUT_MS,
      );
      if (failedOn(last)) throw failedOn(last);
      const stepsPerEpoch = last.step / last.valLoss.length;
      const record = {
        epoch,
        wallS: Math.round(epochEndWallS[epoch - 1]),
        trainLoss: mean(last.trainLoss.slice((epoch - 1) * stepsPerEpoch, epoch * stepsPerEpoch)),
        valLoss: last.valLoss[epoch - 1],
        learningRate: last.learningRates[epoch - 1],
        metrics: metricsOf(last, epoch),
        step: last.step,
        numTensors: last.numTensors,
      };
      records.push(record);
      onEpoch(record);
    }
    last = await waitForState(
      page,
      (s) => s.robustnessCurve?.epoch === epochs || s.status === 'failed',
      EPOCH_TIMEOUT_MS,
    );
    if (failedOn(last)) throw failedOn(last);
    return { records, epochEndWallS, last, page };
  } catch (error) {
    await page.close();
    throw error;
  }
}
