import { describe, expect, it } from 'vitest';
import { identifyWebGlRenderer, identifyWebGpuAdapter } from './acceleratorKind';

// Read in headless Chromium 156 on a machine without a GPU, in a dedicated worker.
const CHROMIUM_SWIFTSHADER =
  'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)';

describe('identifyWebGlRenderer', () => {
  it('sees SwiftShader behind the masked "WebKit WebGL"', () => {
    expect(identifyWebGlRenderer('WebKit WebGL', CHROMIUM_SWIFTSHADER)).toEqual({
      kind: 'software',
      shortName: 'SwiftShader',
    });
  });

  it.each([
    ['ANGLE (Mesa, llvmpipe (LLVM 15.0.6, 256 bits), OpenGL 4.5)', 'llvmpipe'],
    [
      'ANGLE (Microsoft, Microsoft Basic Render Driver Direct3D11 vs_5_0 ps_5_0)',
      'Microsoft Basic Render Driver',
    ],
    ['Google SwiftShader', 'SwiftShader'],
    ['Mesa lavapipe', 'lavapipe'],
    ['Software Rasterizer', 'a software renderer'],
  ])('calls %s software', (unmasked, shortName) => {
    expect(identifyWebGlRenderer('WebKit WebGL', unmasked)).toEqual({ kind: 'software', shortName });
  });

  it('trusts a software name in the masked string when the extension is missing', () => {
    expect(identifyWebGlRenderer('llvmpipe', null).kind).toBe('software');
  });

  it('calls a named GPU hardware', () => {
    const nvidia = 'ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)';
    expect(identifyWebGlRenderer('WebKit WebGL', nvidia)).toEqual({ kind: 'hardware', shortName: nvidia });
    expect(identifyWebGlRenderer('WebKit WebGL', 'Apple GPU').kind).toBe('hardware');
  });

  it('cannot tell without the extension, or when the unmasked name is masked too', () => {
    expect(identifyWebGlRenderer('WebKit WebGL', null)).toEqual({
      kind: 'unknown',
      shortName: 'WebKit WebGL',
    });
    expect(identifyWebGlRenderer('Mozilla', 'Mozilla').kind).toBe('unknown');
    expect(identifyWebGlRenderer('WebKit WebGL', '').kind).toBe('unknown');
    expect(identifyWebGlRenderer('', null)).toEqual({ kind: 'unknown', shortName: 'an unnamed renderer' });
  });
});

describe('identifyWebGpuAdapter', () => {
  const facts = { vendor: '', architecture: '', description: '', isFallbackAdapter: false };

  it("calls Chromium's SwiftShader adapter software", () => {
    const swiftShader = { ...facts, vendor: 'google', architecture: 'swiftshader', isFallbackAdapter: true };
    expect(identifyWebGpuAdapter(swiftShader)).toEqual({ kind: 'software', shortName: 'SwiftShader' });
  });

  it('calls any fallback adapter software, and llvmpipe too', () => {
    expect(identifyWebGpuAdapter({ ...facts, vendor: 'mesa', isFallbackAdapter: true }).kind).toBe(
      'software',
    );
    expect(identifyWebGpuAdapter({ ...facts, vendor: 'mesa', description: 'llvmpipe' }).kind).toBe(
      'software',
    );
  });

  it('calls a named adapter hardware and an unnamed one unknown', () => {
    expect(identifyWebGpuAdapter({ ...facts, vendor: 'nvidia', architecture: 'hopper' })).toEqual({
      kind: 'hardware',
      shortName: 'nvidia hopper',
    });
    expect(identifyWebGpuAdapter(facts).kind).toBe('unknown');
  });
});
