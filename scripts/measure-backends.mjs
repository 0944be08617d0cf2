#!/usr/bin/env node
/* global window, document, self */
/**
 * Measures, in the production build in Debian's headless Chromium: which backend the app picks on
 * its own and why (with and without a WebGPU adapter, and, unless `auto`, with WebGL's renderer
 * name hidden), and
 * WASM training speed single-threaded vs threaded, interleaved so machine load hits both alike.
 * Usage: [DIST_DIR=dist] node scripts/measure-backends.mjs [select|auto|threads|all] [rounds]   (needs `npm run build`)
 */
import { spawn } from 'node:child_process';
import { chromium } from '@playwright/test';

const mode = process.argv[2] ?? 'all';
const rounds = Number(process.argv[3] ?? 2);
const port = Number(process.env.PORT ?? 4311);
const origin = `http://127.0.0.1:${port}`;
const SUBSET = 'trainSubset=2048&testSubset=256&seed=1';
const WEBGPU_FLAGS = ['--enable-unsafe-webgpu', '--use-webgpu-adapter=swiftshader'];
/** Steps timed after the first one (which includes warm-up): two epochs of the 2048-image subset. */
const TIMED_STEPS = 32;

/** DIST_DIR measures another build (e.g. an older commit's) with the same preview server. */
const previewArgs = [
  'preview',
  '--port',
  String(port),
  '--strictPort',
  '--outDir',
  process.env.DIST_DIR ?? 'dist',
];
const server = spawn('node', ['node_modules/vite/bin/vite.js', ...previewArgs], { stdio: 'ignore' });
process.on('exit', () => server.kill());
await new Promise((resolve) => setTimeout(resolve, 3000));

/** Prepended to the training worker's script to change what tfjs and the backend probe see. */
const WORKER_PATCHES = {
  hideRendererName: `{const g=WebGL2RenderingContext.prototype.getExtension;WebGL2RenderingContext.prototype.getExtension=function(n){return n==='WEBGL_debug_renderer_info'?null:g.call(this,n)};}`,
  // tfjs-wasm uses hardwareConcurrency / 2 threads; claiming 4 cores gets 2 threads on 2 cores.
  twoWasmThreads: `Object.defineProperty(WorkerNavigator.prototype,'hardwareConcurrency',{get:()=>4});`,
};

/** Opens the app in a fresh context; `isolated: false` strips COOP/COEP from the responses. */
async function openApp(browser, query, { isolated = true, patches = [] } = {}) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const problems = [];
  page.on('requestfailed', (request) => problems.push(`failed ${request.url()}`));
  page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
  await page.route('**/*', async (route) => {
    const request = route.request();
    const isWorker = request.url().includes('training.worker');
    if (request.resourceType() !== 'document' && !isWorker) return route.continue();
    const response = await route.fetch();
    const headers = { ...response.headers() };
    if (!isolated) {
      delete headers['cross-origin-opener-policy'];
      delete headers['cross-origin-embedder-policy'];
    }
    const prefix = isWorker ? patches.map((name) => WORKER_PATCHES[name]).join('\n') + '\n' : '';
    const body = Buffer.concat([Buffer.from(prefix), await response.body()]);
    await route.fulfill({ response, headers, body });
  });
  const workerIsolated = new Promise((resolve) =>
    page.on('worker', (worker) => resolve(worker.evaluate(() => self.crossOriginIsolated).catch(() => null))),
  );
  const openedMs = Date.now();
  await page.goto(`${origin}/?${query}`);
  // The backend shows before the data loads: this is worker start-up plus the backend choice.
  await page.waitForFunction(
    () => (document.querySelector('[data-testid=backend]')?.textContent ?? '…') !== '…',
    null,
    {
      timeout: 300_000,
      polling: 50,
    },
  );
  const backendS = (Date.now() - openedMs) / 1000;
  await page.waitForFunction(() => ['idle', 'failed'].includes(window.playground?.snapshot().status), null, {
    timeout: 300_000,
    polling: 100,
  });
  const readyS = (Date.now() - openedMs) / 1000;
  const failure = await page.evaluate(() => window.playground.snapshot().errorMessage);
  if (failure) throw new Error(`${failure}; ${problems.join('; ')}`);
  const facts = await page.evaluate(() => ({
    backend: document.querySelector('[data-testid=backend]')?.textContent,
    adapter: document.querySelector('.adapter')?.textContent?.trim() ?? null,
    reason: document.querySelector('[data-testid=backend-reason]')?.textContent ?? null,
    pageIsolated: window.crossOriginIsolated,
  }));
  return {
    page,
    context,
    problems,
    backendS,
    readyS,
    facts: { ...facts, workerIsolated: await workerIsolated },
  };
}

async function stepsPerSecond(page) {
  const step = () => page.evaluate(() => window.playground.snapshot().step);
  const clickedMs = Date.now();
  await page.getByTestId('start').click();
  await page.waitForFunction(() => window.playground.snapshot().step >= 1, null, {
    polling: 50,
    timeout: 300_000,
  });
  const firstStepS = (Date.now() - clickedMs) / 1000;
  const firstMs = Date.now();
  await page.waitForFunction((n) => window.playground.snapshot().step >= n, 1 + TIMED_STEPS, {
    polling: 50,
    timeout: 300_000,
  });
  const rate = ((await step()) - 1) / ((Date.now() - firstMs) / 1000);
  return { firstStepS, stepsPerS: Number(rate.toFixed(2)) };
}

/** Opens the app, trains TIMED_STEPS steps and prints one JSON line. */
async function measureRun(browser, query, options, labels) {
  const app = await openApp(browser, query, options);
  const speed = await stepsPerSecond(app.page);
  console.log(
    JSON.stringify({
      ...labels,
      backendS: app.backendS,
      readyS: app.readyS,
      ...app.facts,
      ...speed,
      problems: app.problems,
    }),
  );
  await app.context.close();
}

async function measureSelection() {
  for (const [label, args] of [
    ['no WebGPU flag', []],
    ['SwiftShader WebGPU', WEBGPU_FLAGS],
  ]) {
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args });
    for (const patches of mode === 'auto' ? [[]] : [[], ['hideRendererName']]) {
      await measureRun(browser, SUBSET, { patches }, { label, patches });
    }
    await browser.close();
  }
}

async function measureThreads() {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
  for (let round = 1; round <= rounds; round++) {
    for (const [isolated, patches] of [
      [false, []],
      [true, []],
      [true, ['twoWasmThreads']],
    ]) {
      await measureRun(
        browser,
        `backend=wasm&${SUBSET}`,
        { isolated, patches },
        { round, isolated, patches },
      );
    }
  }
  await browser.close();
}

if (['select', 'auto', 'all'].includes(mode)) await measureSelection();
if (mode === 'threads' || mode === 'all') await measureThreads();
server.kill();
