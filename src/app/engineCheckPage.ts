/**
 * engine-check.html: runs the fused engine's checks (parity with PyTorch and the tfjs step, the
 * GPU's random numbers, call counts) in a worker on this browser's WebGPU and lists the results.
 * `window.engineCheck` holds them for the end-to-end test.
 */
import type { CheckMessage, CheckResult } from '../shared/engineCheck';

export interface EngineCheckState {
  finished: boolean;
  results: CheckResult[];
  error: string | null;
}

declare global {
  interface Window {
    engineCheck: EngineCheckState;
  }
}

window.engineCheck = { finished: false, results: [], error: null };
const table = document.getElementById('results');
const status = document.getElementById('status');

function addRow(result: CheckResult): void {
  const row = document.createElement('tr');
  for (const text of [
    result.passed ? 'pass' : 'FAIL',
    result.name,
    result.worstError === null ? '' : result.worstError.toExponential(2),
    result.detail,
  ]) {
    const cell = document.createElement('td');
    cell.textContent = text;
    row.append(cell);
  }
  table?.append(row);
}

const worker = new Worker(new URL('../worker/engine/check/engineCheck.worker.ts', import.meta.url), {
  type: 'module',
});
worker.onmessage = ({ data }: MessageEvent<CheckMessage>) => {
  if (data.type === 'progress') {
    window.engineCheck.results.push(data.result);
    addRow(data.result);
    return;
  }
  window.engineCheck.finished = true;
  if (data.type === 'error') window.engineCheck.error = data.message;
  if (status) status.textContent = data.type === 'error' ? `error: ${data.message}` : 'finished';
};
worker.onerror = (event) => {
  window.engineCheck = { ...window.engineCheck, finished: true, error: event.message || 'worker crashed' };
};
