/** Finds out, before tfjs touches anything, which accelerators this worker really has. */

export interface AcceleratorProbe {
  available: boolean;
  /** A software rasteriser (SwiftShader, a fallback adapter): runs, but slower than WASM. */
  software: boolean;
  description: string;
}

const NONE = (description: string): AcceleratorProbe => ({ available: false, software: false, description });

export async function probeWebGpu(): Promise<AcceleratorProbe> {
  if (!('gpu' in navigator) || !navigator.gpu) return NONE('this browser exposes no WebGPU');
  let adapter: GPUAdapter | null;
  try {
    adapter = await navigator.gpu.requestAdapter({ powerPreference: 'high-performance' });
  } catch (error) {
    return NONE(`requesting a WebGPU adapter failed: ${String(error)}`);
  }
  if (!adapter) return NONE('no WebGPU adapter is available');
  const info = adapter.info;
  const software = info.architecture === 'swiftshader' || isFallback(adapter);
  const description =
    [info.vendor, info.architecture, info.description].filter(Boolean).join(' ') || 'unknown';
  return { available: true, software, description };
}

function isFallback(adapter: GPUAdapter): boolean {
  // `isFallbackAdapter` moved from the adapter to its info; accept either.
  const onAdapter = (adapter as GPUAdapter & { isFallbackAdapter?: boolean }).isFallbackAdapter;
  const onInfo = (adapter.info as GPUAdapterInfo & { isFallbackAdapter?: boolean }).isFallbackAdapter;
  return onAdapter === true || onInfo === true;
}

export function probeWebGl2(): AcceleratorProbe {
  if (typeof OffscreenCanvas === 'undefined') return NONE('no OffscreenCanvas in workers');
  const gl = new OffscreenCanvas(1, 1).getContext('webgl2');
  if (!gl) return NONE('WebGL2 is unavailable in workers');
  const renderer = String(gl.getParameter(gl.RENDERER) ?? '');
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return {
    available: true,
    software: /swiftshader|llvmpipe|software/i.test(renderer),
    description: renderer,
  };
}
