/** Tells software renderers from real GPUs by the names browsers report; no browser calls here. */

/** `unknown`: the browser hides the name, so only timing can tell whether it beats WASM. */
export type AcceleratorKind = 'hardware' | 'software' | 'unknown';

export interface AcceleratorIdentity {
  kind: AcceleratorKind;
  /** The name a person recognises ("SwiftShader"), for the reason line. */
  shortName: string;
}

/** Software rasterisers shipped by Chrome, Mesa and Windows, and their usual names. */
const SOFTWARE_RENDERERS: ReadonlyArray<readonly [RegExp, string]> = [
  [/swiftshader/i, 'SwiftShader'],
  [/llvmpipe/i, 'llvmpipe'],
  [/lavapipe/i, 'lavapipe'],
  [/softpipe/i, 'softpipe'],
  [/basic render driver|microsoft basic/i, 'Microsoft Basic Render Driver'],
  [/software/i, 'a software renderer'],
];

/** Names that say nothing about the device: privacy-masked or resist-fingerprinting values. */
const GENERIC_RENDERER = /^\s*(webkit webgl|mozilla|generic renderer|unknown)?\s*$/i;

export function softwareRendererName(name: string): string | null {
  return SOFTWARE_RENDERERS.find(([pattern]) => pattern.test(name))?.[1] ?? null;
}

/**
 * `masked` is WebGL's RENDERER (Chromium says "WebKit WebGL"); `unmasked` comes from
 * WEBGL_debug_renderer_info and is null when that extension is missing.
 */
export function identifyWebGlRenderer(masked: string, unmasked: string | null): AcceleratorIdentity {
  const software = softwareRendererName(unmasked ?? '') ?? softwareRendererName(masked);
  if (software) return { kind: 'software', shortName: software };
  if (unmasked !== null && !GENERIC_RENDERER.test(unmasked)) {
    return { kind: 'hardware', shortName: unmasked.trim() };
  }
  return { kind: 'unknown', shortName: (unmasked ?? masked).trim() || 'an unnamed renderer' };
}

export interface WebGpuAdapterFacts {
  vendor: string;
  architecture: string;
  description: string;
  isFallbackAdapter: boolean;
}

export function identifyWebGpuAdapter(facts: WebGpuAdapterFacts): AcceleratorIdentity {
  const name = [facts.vendor, facts.architecture, facts.description].filter(Boolean).join(' ');
  const software = softwareRendererName(name);
  if (software) return { kind: 'software', shortName: software };
  if (facts.isFallbackAdapter) return { kind: 'software', shortName: name || 'a fallback adapter' };
  if (!name) return { kind: 'unknown', shortName: 'an unnamed adapter' };
  return { kind: 'hardware', shortName: name };
}
