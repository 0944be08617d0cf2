/** Finds out, before tfjs touches anything, which accelerators this worker really has. */
import { identifyWebGlRenderer, identifyWebGpuAdapter, type AcceleratorKind } from './acceleratorKind';

export interface AcceleratorProbe {
  available: boolean;
  /** Meaningful only when available. */
  kind: AcceleratorKind;
  /** The device as the browser names it, or why there is none. */
  description: string;
  /** The name a person recognises, for the reason line. */
  shortName: string;
}

const NONE = (description: string): AcceleratorProbe => ({
  available: false,
  kind: 'unknown',
  description,
  shortName: '',
});

export async function probeWebGpu(): Promise<AcceleratorProbe> {
  if (!('gpu' in navigator) || !navigator.gpu) return NONE('this browser exposes no WebGPU');
  let adapter: GPUAdapter | null;
  try {
    adapter = await navigator.gpu.requestAdapter({ powerPreference: 'high-performance' });
  } catch (error) {
    return NONE(`requesting a WebGPU adapter failed (${String(error)})`);
  }
  if (!adapter) return NONE('this browser offers no WebGPU adapter');
  const { vendor, architecture, description } = adapter.info;
  const identity = identifyWebGpuAdapter({
    vendor,
    architecture,
    description,
    isFallbackAdapter: isFallback(adapter),
  });
  const name = [vendor, architecture, description].filter(Boolean).join(' ') || 'unknown';
  return { available: true, ...identity, description: name };
}

function isFallback(adapter: GPUAdapter): boolean {
  // `isFallbackAdapter` moved from the adapter to its info; older browsers have it on the adapter.
  const onAdapter = 'isFallbackAdapter' in adapter && adapter.isFallbackAdapter === true;
  return onAdapter || adapter.info.isFallbackAdapter === true;
}

export function probeWebGl2(): AcceleratorProbe {
  if (typeof OffscreenCanvas === 'undefined') return NONE('this browser has no OffscreenCanvas in workers');
  const gl = new OffscreenCanvas(1, 1).getContext('webgl2');
  if (!gl) return NONE('WebGL2 is unavailable in workers');
  const masked = String(gl.getParameter(gl.RENDERER) ?? '');
  // Chromium masks RENDERER ("WebKit WebGL"); the real name needs this extension.
  const debugInfo = gl.getExtension('WEBGL_debug_renderer_info');
  const unmasked = debugInfo ? String(gl.getParameter(debugInfo.UNMASKED_RENDERER_WEBGL) ?? '') : null;
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  const identity = identifyWebGlRenderer(masked, unmasked);
  return { available: true, ...identity, description: unmasked || masked };
}
