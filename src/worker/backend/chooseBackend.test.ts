import { describe, expect, it } from 'vitest';
import type { BackendName } from '../../shared/config';
import {
  chooseBackend,
  TIMING_BUDGET_MS,
  type AcceleratorProbes,
  type BackendRuntime,
  type StepTiming,
} from './chooseBackend';
import type { AcceleratorKind } from './acceleratorKind';
import type { AcceleratorProbe } from './probeAdapters';

const probe = (kind: AcceleratorKind, description: string, shortName = description): AcceleratorProbe => ({
  available: true,
  kind,
  description,
  shortName,
});
const missing = (description: string): AcceleratorProbe => ({
  available: false,
  kind: 'unknown',
  description,
  shortName: '',
});

const hardwareGpu = probe('hardware', 'nvidia hopper');
const swiftShaderGpu = probe('software', 'google swiftshader', 'SwiftShader');
const noGpu = missing('this browser offers no WebGPU adapter');
const hardwareGl = probe('hardware', 'ANGLE (NVIDIA, H100)');
const swiftShaderGl = probe(
  'software',
  'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)), SwiftShader driver)',
  'SwiftShader',
);
const maskedGl = probe('unknown', 'WebKit WebGL');
const noGl = missing('WebGL2 is unavailable in workers');

interface FakeBackend {
  starts: boolean;
  /** null: the timing fails. */
  msPerStep?: number | null;
  overBudget?: boolean;
}

/** A runtime whose backends start (or not) and time as told, and which records what was asked. */
function fakeRuntime(backends: Partial<Record<BackendName, FakeBackend>>) {
  const log = {
    /** Every backend asked to start, in order, whether it started or not. */
    tried: [] as BackendName[],
    activated: [] as BackendName[],
    timed: [] as Array<[BackendName, number]>,
    released: [] as BackendName[],
  };
  const runtime: BackendRuntime = {
    async activate(backend) {
      const ok = backends[backend]?.starts ?? true;
      log.tried.push(backend);
      if (ok) log.activated.push(backend);
      return ok;
    },
    async timeStep(backend, budgetMs): Promise<StepTiming | null> {
      log.timed.push([backend, budgetMs]);
      const fake = backends[backend] ?? { starts: true };
      if (!fake.starts || fake.msPerStep === null) return null;
      return { msPerStep: fake.msPerStep ?? 100, overBudget: fake.overBudget ?? false };
    },
    release(backend) {
      log.released.push(backend);
    },
    describe: async (backend) => (backend === 'wasm' ? 'SIMD, 2 threads' : null),
  };
  return { runtime, log };
}

/** Probes that count how often they are asked. */
let probeCount = 0;
const probes =
  (webGpu: AcceleratorProbe, webGl: AcceleratorProbe) => async (): Promise<AcceleratorProbes> => {
    probeCount++;
    return { webGpu, webGl };
  };

describe('chooseBackend, automatic', () => {
  it('takes a hardware WebGPU adapter at once, without timing anything', async () => {
    const { runtime, log } = fakeRuntime({});
    const choice = await chooseBackend(null, probes(hardwareGpu, swiftShaderGl), runtime);
    expect(choice).toEqual({
      backend: 'webgpu',
      reason: 'WebGPU runs on nvidia hopper, a hardware adapter',
      adapterDescription: 'nvidia hopper',
    });
    expect(log.timed).toEqual([]);
  });

  it('falls back webgpu → webgl → wasm → cpu as each fails to start, and says which failed', async () => {
    const fails = { starts: false };
    const cases: Array<[Partial<Record<BackendName, FakeBackend>>, BackendName, string]> = [
      [
        { webgpu: fails },
        'webgl',
        'WebGPU failed to start, so WebGL runs on ANGLE (NVIDIA, H100), a hardware renderer',
      ],
      [
        { webgpu: fails, webgl: fails },
        'wasm',
        'WebGPU failed to start; WebGL failed to start, so WASM runs',
      ],
      [
        { webgpu: fails, webgl: fails, wasm: fails },
        'cpu',
        'WebGPU failed to start; WebGL failed to start; WASM failed to start, ' +
          'so the plain-JavaScript CPU backend runs (slow)',
      ],
    ];
    const order: BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];
    for (const [backends, expected, reason] of cases) {
      const { runtime, log } = fakeRuntime(backends);
      const choice = await chooseBackend(null, probes(hardwareGpu, hardwareGl), runtime);
      expect(choice).toMatchObject({ backend: expected, reason });
      expect(log.tried).toEqual(order.slice(0, order.indexOf(expected) + 1));
      expect(log.timed).toEqual([]);
    }
  });

  it('says why WebGL runs when there is no WebGPU', async () => {
    const { runtime } = fakeRuntime({});
    const choice = await chooseBackend(null, probes(noGpu, hardwareGl), runtime);
    expect(choice.backend).toBe('webgl');
    expect(choice.reason).toBe(
      'this browser offers no WebGPU adapter, so WebGL runs on ANGLE (NVIDIA, H100), a hardware renderer',
    );
    expect(choice.adapterDescription).toBe('ANGLE (NVIDIA, H100)');
  });

  it('never picks SwiftShader WebGPU or WebGL over WASM, and says so', async () => {
    const { runtime, log } = fakeRuntime({});
    const choice = await chooseBackend(null, probes(swiftShaderGpu, swiftShaderGl), runtime);
    expect(choice).toEqual({
      backend: 'wasm',
      reason:
        'WebGPU is SwiftShader, a software adapter; WebGL is SwiftShader, a software renderer, ' +
        'so WASM runs: it is faster here than software rendering',
      adapterDescription: 'SIMD, 2 threads',
    });
    expect(log.activated).toEqual(['wasm']);
    expect(log.timed).toEqual([]);
  });

  it('names a software renderer it knows only as "software" by its full description', async () => {
    const generic = {
      ...swiftShaderGl,
      shortName: 'a software renderer',
      description: 'Software Rasterizer',
    };
    const { runtime } = fakeRuntime({});
    const choice = await chooseBackend(null, probes(noGpu, generic), runtime);
    expect(choice.reason).toContain('WebGL is a software renderer (Software Rasterizer)');
  });

  it('times a WebGL renderer it cannot name against WASM and keeps the faster', async () => {
    const { runtime, log } = fakeRuntime({
      webgl: { starts: true, msPerStep: 980 },
      wasm: { starts: true, msPerStep: 210 },
    });
    const choice = await chooseBackend(null, probes(noGpu, maskedGl), runtime);
    expect(choice.backend).toBe('wasm');
    expect(choice.reason).toBe(
      "this browser offers no WebGPU adapter; WebGL's renderer is not named (WebKit WebGL), " +
        'so a training-like step was timed: WASM 210 ms, WebGL 980 ms; WASM runs',
    );
    expect(log.timed).toEqual([
      ['wasm', TIMING_BUDGET_MS / 2],
      ['webgl', TIMING_BUDGET_MS / 2],
    ]);
    expect(log.activated.at(-1)).toBe('wasm');
    expect(log.released).toEqual(['webgl']);
  });

  it('keeps an unnamed renderer that turns out faster, and shares the budget among three', async () => {
    const unnamedGpu = probe('unknown', 'unknown', 'an unnamed adapter');
    const { runtime, log } = fakeRuntime({
      webgpu: { starts: true, msPerStep: 30 },
      webgl: { starts: true, msPerStep: 1500, overBudget: true },
      wasm: { starts: true, msPerStep: 210 },
    });
    const choice = await chooseBackend(null, probes(unnamedGpu, maskedGl), runtime);
    expect(choice.backend).toBe('webgpu');
    expect(choice.reason).toContain('WASM 210 ms, WebGPU 30 ms, WebGL over 1500 ms; WebGPU runs');
    expect(log.timed.map(([, budgetMs]) => budgetMs)).toEqual([1000, 1000, 1000]);
    expect(log.released).toEqual(['wasm', 'webgl']);
  });

  it('prefers the accelerator on a tie', async () => {
    const { runtime } = fakeRuntime({
      webgl: { starts: true, msPerStep: 200 },
      wasm: { starts: true, msPerStep: 200 },
    });
    expect((await chooseBackend(null, probes(noGpu, maskedGl), runtime)).backend).toBe('webgl');
  });

  it('drops a contender whose timing fails', async () => {
    const { runtime } = fakeRuntime({
      webgl: { starts: true, msPerStep: null },
      wasm: { starts: true, msPerStep: 210 },
    });
    const choice = await chooseBackend(null, probes(noGpu, maskedGl), runtime);
    expect(choice.backend).toBe('wasm');
    expect(choice.reason).toContain('WASM 210 ms; WebGL failed; WASM runs');
  });

  it('without WASM, prefers software WebGL to the plain-JavaScript CPU backend', async () => {
    const { runtime } = fakeRuntime({ wasm: { starts: false } });
    const choice = await chooseBackend(null, probes(swiftShaderGpu, swiftShaderGl), runtime);
    expect(choice.backend).toBe('webgl');
    expect(choice.reason).toContain('WASM failed to start, so software WebGL runs');
  });

  it('ends on CPU when nothing else starts', async () => {
    const { runtime } = fakeRuntime({ wasm: { starts: false } });
    const choice = await chooseBackend(null, probes(noGpu, noGl), runtime);
    expect(choice).toEqual({
      backend: 'cpu',
      reason:
        'this browser offers no WebGPU adapter; WebGL2 is unavailable in workers; WASM failed to start, ' +
        'so the plain-JavaScript CPU backend runs (slow)',
      adapterDescription: null,
    });
  });
});

describe('chooseBackend, forced by ?backend=', () => {
  it('starts a forced software backend, which the end-to-end tests rely on', async () => {
    const { runtime, log } = fakeRuntime({});
    const choice = await chooseBackend('webgpu', probes(swiftShaderGpu, swiftShaderGl), runtime);
    expect(choice).toEqual({
      backend: 'webgpu',
      reason: 'forced by ?backend=webgpu',
      adapterDescription: 'google swiftshader',
    });
    expect(log.activated).toEqual(['webgpu']);
    expect(log.timed).toEqual([]);
  });

  it('reports WASM threads for a forced WASM, without probing the GPU', async () => {
    const { runtime } = fakeRuntime({});
    probeCount = 0;
    const choice = await chooseBackend('wasm', probes(hardwareGpu, hardwareGl), runtime);
    expect(choice.adapterDescription).toBe('SIMD, 2 threads');
    expect(probeCount).toBe(0);
  });

  it('falls back to the automatic choice when the forced backend cannot start', async () => {
    const { runtime } = fakeRuntime({ webgpu: { starts: false } });
    const choice = await chooseBackend('webgpu', probes(noGpu, swiftShaderGl), runtime);
    expect(choice.backend).toBe('wasm');
    expect(choice.reason).toMatch(
      /^\?backend=webgpu could not start here; this browser offers no WebGPU adapter/,
    );
  });
});
