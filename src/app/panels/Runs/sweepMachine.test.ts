import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type TrainingConfig } from '../../../shared/config';
import type { WorkerEvent } from '../../../shared/protocol';
import type { KeptRunSummary } from '../../../shared/runs';
import {
  advanceSweep,
  cancelSweep,
  planSweep,
  startSweep,
  sweepProblem,
  type SweepAction,
  type SweepState,
} from './sweepMachine';

const base: TrainingConfig = { ...DEFAULT_CONFIG, preset: 'dense-3', epochs: 2 };
const status = (next: 'idle' | 'training' | 'paused' | 'done' | 'failed' | 'loading'): WorkerEvent => ({
  type: 'statusChanged',
  status: next,
});
const runReset = (config = base): WorkerEvent => ({
  type: 'runReset',
  config,
  trainStep: 'tfjs',
  trainStepReason: '',
  numTensors: 0,
});
const runKept: WorkerEvent = { type: 'runKept', run: { runId: 'x' } as KeptRunSummary };

/** Feeds events in order; returns every action sent and the last state and message. */
function feed(state: SweepState | null, events: WorkerEvent[]) {
  const actions: SweepAction[] = [];
  let message: string | null = null;
  for (const event of events) {
    if (!state) break;
    const step = advanceSweep(state, event);
    actions.push(...step.actions);
    ({ state, message } = step);
  }
  return { state, actions, message };
}

/** What the worker emits for one sweep run, reset to kept. */
const oneRun = (config = base): WorkerEvent[] => [
  status('loading'),
  runReset(config),
  status('idle'),
  status('training'),
  status('done'),
  runKept,
];

describe('the sweep machine', () => {
  it('plans one run per chosen value, in the offered order, changing only the swept setting', () => {
    const runs = planSweep('latentSize', [100, 15], base);
    expect(runs.map((run) => run.name)).toEqual(['latent 15', 'latent 100']);
    expect(runs[1].config).toEqual({ ...base, latentSize: 100 });
    expect(planSweep('trainingMode', ['basic', 'denoising'], base).map((r) => r.config.trainingMode)).toEqual(
      ['denoising', 'basic'],
    );
    expect(planSweep('preset', ['conv'], base)[0].config).toEqual({ ...base, preset: 'conv' });
  });

  it('says why a sweep cannot run from the current settings', () => {
    expect(sweepProblem('latentSize', { ...base, preset: 'reference' })).toMatch(/dense-3 and dense-5/);
    expect(sweepProblem('trainNoiseLevel', { ...base, trainingMode: 'basic' })).toMatch(/denoising/);
    expect(sweepProblem('latentSize', base)).toBeNull();
  });

  it('resets, starts, keeps each run in turn and ends once all are kept', () => {
    const runs = planSweep('trainNoiseLevel', [0.1, 0.6], base);
    const started = startSweep('trainNoiseLevel', runs);
    expect(started.actions).toEqual([{ type: 'reset', config: runs[0].config }]);
    const first = feed(started.state, oneRun(runs[0].config));
    expect(first.actions).toEqual([
      { type: 'start' },
      { type: 'keep', name: 'train noise 0.10' },
      { type: 'reset', config: runs[1].config },
    ]);
    expect(first.state).toMatchObject({ index: 1, phase: 'resetting' });
    const second = feed(first.state, oneRun(runs[1].config));
    expect(second.actions.map((a) => a.type)).toEqual(['start', 'keep']);
    expect(second.state).toBeNull();
    expect(second.message).toBe('Sweep finished: 2 of 2 runs kept.');
  });

  it('waits for its own reset: an idle before the new run is built starts nothing', () => {
    const { state } = startSweep('trainingMode', planSweep('trainingMode', ['basic'], base));
    expect(feed(state, [status('idle')]).actions).toEqual([]);
    expect(feed(state, [status('loading'), runReset(), status('idle')]).actions).toEqual([{ type: 'start' }]);
  });

  it('stops at a failure, keeping what it kept', () => {
    const runs = planSweep('latentSize', [15, 30, 50], base);
    const { state } = feed(startSweep('latentSize', runs).state, oneRun());
    const failed = feed(state, [status('loading'), { type: 'failed', message: 'Settings out of range' }]);
    expect(failed.state).toBeNull();
    expect(failed.message).toBe('Sweep stopped (1 of 3 runs kept): Settings out of range');
  });

  it('cancels by pausing the run in training; runs already kept stay', () => {
    const runs = planSweep('latentSize', [15, 30], base);
    const training = feed(startSweep('latentSize', runs).state, [...oneRun(), runReset(), status('idle')]);
    expect(training.state).toMatchObject({ index: 1, phase: 'training' });
    const cancelled = cancelSweep(training.state as SweepState);
    expect(cancelled).toEqual({
      state: null,
      actions: [{ type: 'pause' }],
      message: 'Sweep cancelled (1 of 2 runs kept).',
    });
    // Cancelled while its reset loads: nothing to pause, nothing started later.
    const resetting = startSweep('latentSize', runs).state as SweepState;
    expect(cancelSweep(resetting).actions).toEqual([]);
  });

  it('refuses an empty sweep', () => {
    expect(startSweep('preset', [])).toMatchObject({ state: null, actions: [] });
  });
});
