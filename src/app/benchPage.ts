/**
 * bench.html: runs the speed benchmark in the app's own training worker and lists the rows.
 * `window.benchResult` holds the result for `npm run bench`; with `?post=1` it is also POSTed to
 * `/result` (then `/done`), for a static server that collects it on a machine without Playwright.
 * Parameters: backends=webgpu,wasm warmup=N rounds=N steps=N batchSize=N trainSubset=N profile=1.
 */
import type { BenchmarkRequest, BenchmarkResult } from '../shared/speedBenchmark';
import { BACKEND_NAMES, type BackendName } from '../shared/config';
import type { WorkerCommand, WorkerEvent } from '../shared/protocol';

export interface BenchPageState {
  finished: boolean;
  result: BenchmarkResult | null;
  error: string | null;
  log: string[];
}

declare global {
  interface Window {
    benchResult: BenchPageState;
  }
}

const params = new URLSearchParams(location.search);
const count = (name: string, fallback: number) =>
  Math.max(1, Math.round(Number(params.get(name) ?? fallback)) || fallback);
const backends = (params.get('backends') ?? 'webgpu,wasm')
  .split(',')
  .filter((name): name is BackendName => BACKEND_NAMES.some((known) => known === name));
const request: BenchmarkRequest = {
  backends,
  batchSize: count('batchSize', 128),
  warmupSteps: count('warmup', 2),
  rounds: count('rounds', 3),
  stepsPerRound: count('steps', 3),
  trainSubset: count('trainSubset', 4096),
  profile: params.get('profile') === '1',
};

window.benchResult = { finished: false, result: null, error: null, log: [] };
const status = document.getElementById('status');
const table = document.getElementById('results');
const say = (message: string) => {
  window.benchResult.log.push(message);
  if (status) status.textContent = message;
};

async function post(path: string, body: unknown): Promise<void> {
  if (params.get('post') !== '1') return;
  await fetch(path, { method: 'POST', body: JSON.stringify(body) }).catch(() => undefined);
}

function show(result: BenchmarkResult): void {
  const header = [
    'impl',
    'backend',
    'ms/step',
    'samples/s',
    'dispatches',
    'submits',
    'WebGPU calls',
    'encode ms',
  ];
  const rows = result.rows.map((row) => [
    row.impl,
    row.backend,
    row.msPerStep.toFixed(1),
    row.samplesPerSec.toFixed(0),
    row.dispatchesPerStep.toFixed(0),
    row.submitsPerStep.toFixed(1),
    row.apiCallsPerStep.toFixed(0),
    row.encodeMsPerStep.toFixed(2),
  ]);
  for (const cells of [header, ...rows]) {
    const tr = document.createElement('tr');
    for (const text of cells) {
      const td = document.createElement('td');
      td.textContent = text;
      tr.append(td);
    }
    table?.append(tr);
  }
}

const worker = new Worker(new URL('../worker/training.worker.ts', import.meta.url), { type: 'module' });
worker.onmessage = ({ data }: MessageEvent<WorkerEvent>) => {
  if (data.type === 'benchmarkProgressed') say(data.message);
  if (data.type === 'benchmarkFinished') {
    window.benchResult = { ...window.benchResult, finished: true, result: data.result };
    say(`finished on ${data.result.adapter}`);
    show(data.result);
    void post('/result', data.result).then(() => post('/done', {}));
  }
  if (data.type === 'failed') {
    window.benchResult = { ...window.benchResult, finished: true, error: data.message };
    say(`failed: ${data.message}`);
    void post('/result', { error: data.message }).then(() => post('/done', {}));
  }
};
say(`measuring ${backends.join(', ')}…`);
const command: WorkerCommand = { type: 'runBenchmark', request, dataBaseUrl: document.baseURI };
worker.postMessage(command);
