/**
 * Picks and starts the tfjs backend (chooseBackend decides; this file talks to tfjs). ?backend=
 * forces one, software adapters included, which the end-to-end tests do.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import { getThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlainUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import type { BackendName } from '../../shared/config';
import type { BackendChoice } from '../../shared/protocol';
import { chooseBackend, type BackendRuntime } from './chooseBackend';
import { probeWebGl2, probeWebGpu } from './probeAdapters';
import { timeTrainingStep } from './timeTrainingStep';

// tfjs loads the threaded build when the page is cross-origin isolated (SharedArrayBuffer).
setWasmPaths({
  'tfjs-backend-wasm.wasm': wasmPlainUrl,
  'tfjs-backend-wasm-simd.wasm': wasmSimdUrl,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedUrl,
});

async function activate(backend: BackendName): Promise<boolean> {
  try {
    const ok = await tf.setBackend(backend);
    await tf.ready();
    return ok && tf.getBackend() === backend;
  } catch {
    return false;
  }
}

/** Thread count and why, for the status bar; known once the WASM backend has started. */
async function describeWasm(): Promise<string> {
  const simd = (await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')) === true ? 'SIMD' : 'no SIMD';
  if (!self.crossOriginIsolated) return `${simd}, 1 thread: the page is not cross-origin isolated`;
  let threads = 1;
  try {
    threads = getThreadsCount();
  } catch {
    // Not started: nothing more to say than the single-threaded default.
  }
  // tfjs-wasm uses half the logical cores (capped at 8), so 2-core machines get 1 thread.
  const cores = navigator.hardwareConcurrency;
  return `${simd}, ${threads} thread${threads === 1 ? '' : 's'} on ${cores} logical cores`;
}

const runtime: BackendRuntime = {
  activate,
  async timeStep(backend, budgetMs) {
    if (!(await activate(backend))) return null;
    try {
      return await timeTrainingStep(budgetMs);
    } catch {
      return null;
    }
  },
  release(backend) {
    // Frees a losing GPU context; never the backend in use.
    if (tf.getBackend() !== backend && tf.findBackend(backend)) tf.removeBackend(backend);
  },
  describe: async (backend) => (backend === 'wasm' ? describeWasm() : null),
};

export async function selectBackend(forced: BackendName | null): Promise<BackendChoice> {
  const probeAccelerators = async () => ({ webGpu: await probeWebGpu(), webGl: probeWebGl2() });
  return chooseBackend(forced, probeAccelerators, runtime);
}
