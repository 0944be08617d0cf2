import { describe, expect, it } from 'vitest';
import type { RunStatus, WorkerEvent } from '../../shared/protocol';
import { canTransition, RunStatusMachine } from './runStatusMachine';

function machineAt(path: RunStatus[]) {
  const events: WorkerEvent[] = [];
  const machine = new RunStatusMachine();
  const emit = (event: WorkerEvent) => events.push(event);
  for (const status of path) expect(machine.to(status, emit)).toBe(true);
  return { machine, events, emit };
}

describe('run status machine', () => {
  it('follows a run: loading → idle → training ⇄ paused → done, announcing each change once', () => {
    const { machine, events } = machineAt(['idle', 'training', 'paused', 'training', 'done']);
    expect(machine.status).toBe('done');
    expect(events).toEqual(
      ['idle', 'training', 'paused', 'training', 'done'].map((status) => ({ type: 'statusChanged', status })),
    );
  });

  it('refuses illegal moves and announces nothing for them', () => {
    const { machine, events, emit } = machineAt(['idle', 'training', 'done']);
    const announced = events.length;
    // Nothing trains after the end, and a finished run cannot pause.
    expect(machine.to('training', emit)).toBe(false);
    expect(machine.to('paused', emit)).toBe(false);
    expect(machine.to('idle', emit)).toBe(false);
    expect(machine.status).toBe('done');
    expect(events).toHaveLength(announced);
  });

  it('treats staying put as a silent no-op', () => {
    const { machine, events, emit } = machineAt(['idle']);
    expect(machine.to('idle', emit)).toBe(true);
    expect(machine.status).toBe('idle');
    expect(events).toHaveLength(1);
  });

  it('leaves failed only through a reset, and any status can fail', () => {
    const all: RunStatus[] = ['loading', 'idle', 'training', 'paused', 'done'];
    expect(all.every((from) => canTransition(from, 'failed'))).toBe(true);
    expect(all.filter((to) => canTransition('failed', to))).toEqual(['loading']);
    expect(canTransition('idle', 'paused')).toBe(false);
    expect(canTransition('idle', 'done')).toBe(false);
  });
});
