#!/usr/bin/env node
/* global window */
/**
 * `npm run bench`: trains the reference model at batch 128 in headless Chromium, in the app's own
 * worker (bench.html), every step implementation side by side on each backend, then measures the
 * main thread with the real UI training and every panel live, and, where Debian's python3-torch is
 * installed, PyTorch's CPU step on this machine. Prints a table and writes bench-results.json.
 *
 * Options: --backend wasm,webgl,webgpu   --warmup N --rounds N --steps N   --main-thread-seconds N
 *          --profile (where the tfjs step's time goes)   --real-gpu (no SwiftShader flag: use the
 *          machine's GPU)   --port N   --out FILE
 * Needs a production build (`npm run bench` builds first).
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { chromium } from '@playwright/test';
import { preview } from 'vite';
import { measureTrainingApp } from './mainThread.mjs';
import { printReport } from './report.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 && args[index + 1] !== undefined ? args[index + 1] : fallback;
};
const flag = (name) => args.includes(`--${name}`);

// WebGPU last: tfjs moves kept constants between backends, and reading back from SwiftShader's
// WebGPU synchronously would lose its device.
const ORDER = ['cpu', 'wasm', 'webgl', 'webgpu'];
const backends = option('backend', 'wasm,webgl,webgpu')
  .split(',')
  .filter((name) => ORDER.includes(name))
  .sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b));
const port = Number(option('port', 4599));
const out = option('out', 'bench-results.json');
const mainThreadSeconds = Number(option('main-thread-seconds', 120));
const query = new URLSearchParams({
  backends: backends.join(','),
  warmup: option('warmup', '2'),
  rounds: option('rounds', '3'),
  steps: option('steps', '3'),
  batchSize: '128',
  profile: flag('profile') ? '1' : '0',
});

// In-process, so the server always ends with this script.
const server = await preview({ preview: { port, strictPort: true }, logLevel: 'warn' });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--enable-unsafe-webgpu',
    ...(flag('real-gpu') ? ['--enable-gpu', '--ignore-gpu-blocklist'] : ['--use-webgpu-adapter=swiftshader']),
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
  ],
});
const base = `http://127.0.0.1:${port}/`;

async function waitFor(page, read, timeoutMs, onProgress) {
  const started = Date.now();
  for (;;) {
    const state = await page.evaluate(read);
    onProgress?.(state);
    if (state.finished) return state;
    if (Date.now() - started > timeoutMs) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

const benchPage = await browser.newPage();
await benchPage.goto(`${base}bench.html?${query}`);
let logged = 0;
const bench = await waitFor(
  benchPage,
  () => window.benchResult,
  60 * 60_000,
  (state) => {
    for (; logged < state.log.length; logged++) console.error(`bench: ${state.log[logged]}`);
  },
);
if (bench.error) throw new Error(bench.error);
await benchPage.close();

// The main thread, with the UI training and every panel on screen (10,000 scatter points; a small
// train subset, so epochs end every few seconds).
const uiBackend = backends.includes('webgpu') && flag('real-gpu') ? 'webgpu' : 'wasm';
const loadBefore = loadavg()[0];
const mainThread = await measureTrainingApp(browser, base, {
  query: `backend=${uiBackend}&trainSubset=1024&seed=1`,
  seconds: mainThreadSeconds,
});
const loadAverage = [loadBefore, loadavg()[0]].map((load) => Number(load.toFixed(2)));
await browser.close();
await server.close();

let pytorchCpu = null;
try {
  const line = execFileSync('/usr/bin/python3', ['scripts/bench/torch_cpu_step.py', '40', '2'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const match = /ms\/step=([\d.]+)/.exec(line);
  if (match) pytorchCpu = { msPerStep: Number(match[1]), description: line.trim() };
} catch {
  console.error('bench: PyTorch is not installed here (Debian: apt-get install python3-torch); skipping it');
}

const results = {
  ...bench.result,
  mainThread: {
    backend: uiBackend,
    seconds: mainThreadSeconds,
    epochsMeasured: mainThread.epochsMeasured,
    latentPoints: mainThread.latentPoints,
    longTasksOver50ms: mainThread.longTasksOver50ms,
    worstTaskMs: mainThread.worstTaskMs,
    longTaskMs: mainThread.tasks.map((task) => task.durationMs),
    slowestScripts: mainThread.slowestScripts,
    redraws: mainThread.redraws,
    loadAverage,
  },
  pytorchCpu,
};
writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
printReport(results);
console.log(`\nwritten to ${out}`);
process.exit(0);
