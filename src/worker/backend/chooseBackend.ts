/**
 * The backend decision, apart from tfjs and the browser so it can be tested with fakes.
 * Order: a hardware WebGPU adapter, hardware WebGL2, WASM, then CPU. Software adapters never win
 * over WASM; an accelerator the browser does not name is timed against WASM instead.
 */
import type { BackendName } from '../../shared/config';
import type { BackendChoice } from '../../shared/protocol';
import type { AcceleratorProbe } from './probeAdapters';

export interface AcceleratorProbes {
  webGpu: AcceleratorProbe;
  webGl: AcceleratorProbe;
}

export interface StepTiming {
  msPerStep: number;
  /** The step had not finished when its budget ran out: msPerStep is a lower bound. */
  overBudget: boolean;
}

/** The tfjs side of the decision; tests pass fakes. */
export interface BackendRuntime {
  activate(backend: BackendName): Promise<boolean>;
  /** Activates `backend` and times one training-like step there; null when it fails. */
  timeStep(backend: BackendName, budgetMs: number): Promise<StepTiming | null>;
  /** Frees a backend that lost the timing (its GPU context, its memory). */
  release(backend: BackendName): void;
  /** A detail of what runs (WASM's threads), or null; asked only of the backend that won. */
  describe(backend: BackendName): Promise<string | null>;
}

/** All timing together stays under this, so start-up is not held up noticeably. */
export const TIMING_BUDGET_MS = 3000;

const LABEL: Record<BackendName, string> = { webgpu: 'WebGPU', webgl: 'WebGL', wasm: 'WASM', cpu: 'CPU' };
const DEVICE: Record<'webgpu' | 'webgl', string> = { webgpu: 'adapter', webgl: 'renderer' };

type Accelerator = 'webgpu' | 'webgl';

export async function chooseBackend(
  forced: BackendName | null,
  probeAccelerators: () => Promise<AcceleratorProbes>,
  runtime: BackendRuntime,
): Promise<BackendChoice> {
  if (forced) {
    if (await runtime.activate(forced)) {
      // Probing takes up to seconds on a busy machine: only a forced GPU backend needs its name.
      const probes = forced === 'webgpu' || forced === 'webgl' ? await probeAccelerators() : null;
      return describeChoice(forced, `forced by ?backend=${forced}`, probes, runtime);
    }
    const fallback = await chooseBackend(null, probeAccelerators, runtime);
    return { ...fallback, reason: `?backend=${forced} could not start here; ${fallback.reason}` };
  }

  const probes = await probeAccelerators();
  const choice = (backend: BackendName, reason: string) => describeChoice(backend, reason, probes, runtime);
  const notes: string[] = [];
  const unnamed: Accelerator[] = [];
  for (const backend of ['webgpu', 'webgl'] as const) {
    const probe = probeOf(probes, backend);
    if (!probe.available) notes.push(probe.description);
    else if (probe.kind === 'software') notes.push(softwareNote(backend, probe));
    else if (probe.kind === 'unknown') unnamed.push(backend);
    else if (await runtime.activate(backend)) {
      return choice(
        backend,
        so(notes, `${LABEL[backend]} runs on ${probe.shortName}, a hardware ${DEVICE[backend]}`),
      );
    } else notes.push(`${LABEL[backend]} failed to start`);
  }

  if (unnamed.length > 0) {
    for (const backend of unnamed) {
      notes.push(
        `${LABEL[backend]}'s ${DEVICE[backend]} is not named (${probeOf(probes, backend).shortName})`,
      );
    }
    const timed = await pickFastest(unnamed, runtime);
    if (timed) return choice(timed.backend, so(notes, timed.verdict));
    notes.push('timing failed');
  }

  const skippedSoftware = [probes.webGpu, probes.webGl].some((p) => p.available && p.kind === 'software');
  if (await runtime.activate('wasm')) {
    return choice(
      'wasm',
      so(notes, skippedSoftware ? 'WASM runs: it is faster here than software rendering' : 'WASM runs'),
    );
  }
  notes.push('WASM failed to start');
  // Measured: software WebGL still trains about twice as fast as tfjs's plain-JavaScript CPU backend.
  if (probes.webGl.available && probes.webGl.kind === 'software' && (await runtime.activate('webgl'))) {
    return choice('webgl', so(notes, `software WebGL runs: it beats the plain-JavaScript CPU backend`));
  }
  await runtime.activate('cpu');
  return choice('cpu', so(notes, 'the plain-JavaScript CPU backend runs (slow)'));
}

async function describeChoice(
  backend: BackendName,
  reason: string,
  probes: AcceleratorProbes | null,
  runtime: BackendRuntime,
): Promise<BackendChoice> {
  const adapterDescription =
    backend === 'webgpu' || backend === 'webgl'
      ? probes && probeOf(probes, backend).description
      : await runtime.describe(backend);
  return { backend, reason, adapterDescription };
}

function probeOf(probes: AcceleratorProbes, backend: Accelerator): AcceleratorProbe {
  return backend === 'webgpu' ? probes.webGpu : probes.webGl;
}

function softwareNote(backend: Accelerator, probe: AcceleratorProbe): string {
  const what = `a software ${DEVICE[backend]}`;
  return probe.shortName.startsWith('a ')
    ? `${LABEL[backend]} is ${what} (${probe.description})`
    : `${LABEL[backend]} is ${probe.shortName}, ${what}`;
}

function so(notes: string[], conclusion: string): string {
  return notes.length === 0 ? conclusion : `${notes.join('; ')}, so ${conclusion}`;
}

/**
 * Times WASM and the unnamed accelerators (within TIMING_BUDGET_MS in all) and activates the
 * fastest that starts. WASM goes first: a GPU step cut off at its deadline keeps the CPU busy.
 */
async function pickFastest(
  accelerators: Accelerator[],
  runtime: BackendRuntime,
): Promise<{ backend: BackendName; verdict: string } | null> {
  const contenders: BackendName[] = ['wasm', ...accelerators];
  const budgetMs = TIMING_BUDGET_MS / contenders.length;
  const timed: Array<{ backend: BackendName; timing: StepTiming }> = [];
  for (const backend of contenders) {
    const timing = await runtime.timeStep(backend, budgetMs);
    if (timing) timed.push({ backend, timing });
  }
  const failed = contenders.filter((backend) => !timed.some((t) => t.backend === backend));
  // On a tie the accelerator wins: it frees the CPU for the page.
  const preference = (backend: BackendName) => (backend === 'wasm' ? 1 : 0);
  const ranked = [...timed].sort(
    (a, b) => a.timing.msPerStep - b.timing.msPerStep || preference(a.backend) - preference(b.backend),
  );
  for (const { backend } of ranked) {
    if (!(await runtime.activate(backend))) continue;
    for (const other of timed) if (other.backend !== backend) runtime.release(other.backend);
    const times = timed.map(({ backend: b, timing }) => `${LABEL[b]} ${formatTiming(timing)}`).join(', ');
    const failures = failed.map((b) => `; ${LABEL[b]} failed`).join('');
    return {
      backend,
      verdict: `a training-like step was timed: ${times}${failures}; ${LABEL[backend]} runs`,
    };
  }
  return null;
}

function formatTiming({ msPerStep, overBudget }: StepTiming): string {
  return `${overBudget ? 'over ' : ''}${Math.round(msPerStep)} ms`;
}
