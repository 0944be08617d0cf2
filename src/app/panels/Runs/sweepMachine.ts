/**
 * A sweep: several runs that differ in one setting, trained one after another and kept. This is
 * its state machine, pure: the worker's events go in, the actions to send come out. Each run
 * goes reset → (idle) start → (done) keep → (kept) the next run's reset.
 */
import type { TrainingConfig } from '../../../shared/config';
import { LATENT_SIZES, MODEL_PRESETS, TRAINING_MODES, usesLatentSize } from '../../../shared/modelOptions';
import type { WorkerEvent } from '../../../shared/protocol';

export const SWEEP_KINDS = ['latentSize', 'trainNoiseLevel', 'trainingMode', 'preset'] as const;
export type SweepKind = (typeof SWEEP_KINDS)[number];

export const SWEEP_LABELS: Record<SweepKind, string> = {
  latentSize: 'latent size',
  trainNoiseLevel: 'training noise level',
  trainingMode: 'basic vs denoising',
  preset: 'model preset',
};

/** The values each sweep offers; the user may leave some out. */
export const SWEEP_VALUES: Record<SweepKind, readonly (string | number)[]> = {
  latentSize: LATENT_SIZES,
  trainNoiseLevel: [0.1, 0.2, 0.4, 0.6],
  trainingMode: TRAINING_MODES,
  preset: MODEL_PRESETS,
};

export interface SweepRun {
  name: string;
  config: TrainingConfig;
}

export type SweepPhase = 'resetting' | 'starting' | 'training' | 'keeping';

export interface SweepState {
  kind: SweepKind;
  runs: SweepRun[];
  /** The run in progress. */
  index: number;
  phase: SweepPhase;
}

export type SweepAction =
  | { type: 'reset'; config: TrainingConfig }
  | { type: 'start' }
  | { type: 'pause' }
  | { type: 'keep'; name: string };

export interface SweepStep {
  state: SweepState | null;
  actions: SweepAction[];
  /** Said to the user when the sweep ends (finished, stopped or cancelled). */
  message: string | null;
}

/** Why this sweep cannot run from `base`, or null when it can. */
export function sweepProblem(kind: SweepKind, base: TrainingConfig): string | null {
  if (kind === 'latentSize' && !usesLatentSize(base.preset)) {
    return 'Only the dense-3 and dense-5 presets take a latent size: choose one first.';
  }
  if (kind === 'trainNoiseLevel' && base.trainingMode === 'basic') {
    return 'Basic training sees clean inputs: choose denoising to sweep its noise level.';
  }
  return null;
}

function sweepRun(kind: SweepKind, value: string | number, base: TrainingConfig): SweepRun {
  switch (kind) {
    case 'latentSize':
      return {
        name: `latent ${value}`,
        config: { ...base, latentSize: value as TrainingConfig['latentSize'] },
      };
    case 'trainNoiseLevel':
      return {
        name: `train noise ${Number(value).toFixed(2)}`,
        config: { ...base, trainNoiseLevel: Number(value) },
      };
    case 'trainingMode':
      return {
        name: String(value),
        config: { ...base, trainingMode: value as TrainingConfig['trainingMode'] },
      };
    case 'preset':
      return { name: String(value), config: { ...base, preset: value as TrainingConfig['preset'] } };
  }
}

/** Each run is `base` with the swept setting changed, and nothing else. */
export function planSweep(
  kind: SweepKind,
  values: readonly (string | number)[],
  base: TrainingConfig,
): SweepRun[] {
  const offered = SWEEP_VALUES[kind];
  return offered.filter((value) => values.includes(value)).map((value) => sweepRun(kind, value, base));
}

export function startSweep(kind: SweepKind, runs: SweepRun[]): SweepStep {
  if (runs.length === 0) return { state: null, actions: [], message: 'Choose at least one value to sweep.' };
  return {
    state: { kind, runs, index: 0, phase: 'resetting' },
    actions: [{ type: 'reset', config: runs[0].config }],
    message: null,
  };
}

const stay = (state: SweepState): SweepStep => ({ state, actions: [], message: null });
const to = (state: SweepState, phase: SweepPhase, actions: SweepAction[] = []): SweepStep => ({
  state: { ...state, phase },
  actions,
  message: null,
});

/** Kept runs stay kept whatever ends the sweep. */
function keptSoFar(state: SweepState, kept: number): string {
  return `${kept} of ${state.runs.length} runs kept`;
}

export function advanceSweep(state: SweepState, event: WorkerEvent): SweepStep {
  if (event.type === 'failed') {
    const message = `Sweep stopped (${keptSoFar(state, state.index)}): ${event.message}`;
    return { state: null, actions: [], message };
  }
  const run = state.runs[state.index];
  switch (state.phase) {
    case 'resetting':
      return event.type === 'runReset' ? to(state, 'starting') : stay(state);
    case 'starting':
      return event.type === 'statusChanged' && event.status === 'idle'
        ? to(state, 'training', [{ type: 'start' }])
        : stay(state);
    case 'training':
      if (event.type !== 'statusChanged') return stay(state);
      if (event.status === 'done') return to(state, 'keeping', [{ type: 'keep', name: run.name }]);
      if (event.status === 'paused' || event.status === 'failed') {
        return { state: null, actions: [], message: `Sweep stopped: its run ${event.status}.` };
      }
      return stay(state);
    case 'keeping': {
      if (event.type !== 'runKept') return stay(state);
      const index = state.index + 1;
      if (index === state.runs.length) {
        return { state: null, actions: [], message: `Sweep finished: ${keptSoFar(state, index)}.` };
      }
      const next = { ...state, index, phase: 'resetting' as const };
      return { state: next, actions: [{ type: 'reset', config: state.runs[index].config }], message: null };
    }
  }
}

/** Stops the run in training; the runs already kept stay. */
export function cancelSweep(state: SweepState): SweepStep {
  const kept = state.phase === 'keeping' ? state.index + 1 : state.index;
  return {
    state: null,
    actions: state.phase === 'training' ? [{ type: 'pause' }] : [],
    message: `Sweep cancelled (${keptSoFar(state, kept)}).`,
  };
}
