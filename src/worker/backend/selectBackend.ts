/**
 * Picks the tfjs backend: a real WebGPU adapter first, then real WebGL2, then WASM, then CPU.
 * Software adapters are skipped in the automatic choice (they are slower than WASM) but can be
 * forced with ?backend=, which the end-to-end tests do.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlainUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import type { BackendName } from '../../shared/config';
import { probeWebGl2, probeWebGpu } from './probeAdapters';

export interface BackendChoice {
  backend: BackendName;
  reason: string;
  adapterDescription: string | null;
}

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

export async function selectBackend(forced: BackendName | null): Promise<BackendChoice> {
  const webGpu = await probeWebGpu();
  const webGl = probeWebGl2();
  const describe = (name: BackendName) =>
    name === 'webgpu' ? webGpu.description : name === 'webgl' ? webGl.description : null;

  if (forced) {
    if (await activate(forced)) {
      return {
        backend: forced,
        reason: `forced by ?backend=${forced}`,
        adapterDescription: describe(forced),
      };
    }
    const fallback = await selectBackend(null);
    return { ...fallback, reason: `?backend=${forced} could not start here; ${fallback.reason}` };
  }

  const skipped: string[] = [];
  if (webGpu.available && !webGpu.software) {
    if (await activate('webgpu')) {
      return {
        backend: 'webgpu',
        reason: 'a hardware WebGPU adapter',
        adapterDescription: webGpu.description,
      };
    }
    skipped.push('WebGPU failed to start');
  } else {
    skipped.push(
      webGpu.available ? `WebGPU is a software adapter (${webGpu.description})` : webGpu.description,
    );
  }
  if (webGl.available && !webGl.software && (await activate('webgl'))) {
    return { backend: 'webgl', reason: skipped.join('; '), adapterDescription: webGl.description };
  }
  skipped.push(webGl.available ? `WebGL2 is software (${webGl.description})` : webGl.description);
  if (await activate('wasm'))
    return { backend: 'wasm', reason: skipped.join('; '), adapterDescription: null };
  skipped.push('WASM failed to start');
  await activate('cpu');
  return { backend: 'cpu', reason: skipped.join('; '), adapterDescription: null };
}

/** Resolves with a message if the WebGPU device is lost; tfjs itself never watches for this. */
export function watchDeviceLoss(onLost: (message: string) => void): void {
  if (tf.getBackend() !== 'webgpu') return;
  const backend = tf.backend() as unknown as { device?: GPUDevice };
  void backend.device?.lost.then((info) => {
    if (info.reason !== 'destroyed') onLost(`The GPU device was lost (${info.message || info.reason}).`);
  });
}
