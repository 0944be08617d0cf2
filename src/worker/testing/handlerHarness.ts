/** Drives the command handler as the worker would, on synthetic data, recording every event. */
import { DEFAULT_CONFIG, type TrainingConfig } from '../../shared/config';
import type { WorkerCommand, WorkerEvent } from '../../shared/protocol';
import { DEFAULT_VIEW_REQUEST, type ViewRequest } from '../../shared/viewRequest';
import { createCommandHandler, type HandlerDependencies } from '../commandHandler';
import type { LoadedDataset } from '../data/loadDataset';
import { syntheticSplit } from '../training/syntheticImages';

export const dataset: LoadedDataset = { train: syntheticSplit(64), test: syntheticSplit(30) };

export const config: TrainingConfig = {
  ...DEFAULT_CONFIG,
  batchSize: 16,
  epochs: 2,
  seed: 5,
  trainSubset: 64,
  testSubset: 30,
};

export function harness(loadDataset: HandlerDependencies['loadDataset'] = async () => dataset) {
  const events: WorkerEvent[] = [];
  const handle = createCommandHandler({
    selectBackend: async () => ({ backend: 'cpu', reason: 'test', adapterDescription: null }),
    loadDataset,
    yieldToEvents: () => new Promise((resolve) => setImmediate(resolve)),
    watchDeviceLoss: () => undefined,
  });
  /** Called with each event as it is emitted, so a test can send a command at an exact moment. */
  const hooks: ((event: WorkerEvent) => void)[] = [];
  const send = (command: WorkerCommand) =>
    handle(command, (event) => {
      events.push(event);
      hooks.forEach((hook) => hook(event));
    });
  const ofType = <T extends WorkerEvent['type']>(type: T) =>
    events.filter((e): e is Extract<WorkerEvent, { type: T }> => e.type === type);
  const lastStatus = () => ofType('statusChanged').at(-1)?.status;
  const losses = () => ofType('batchesTrained').flatMap((e) => e.losses);
  const grids = () => ofType('reconstructionsComputed').filter((e) => e.purpose === 'grid');
  return { events, send, ofType, lastStatus, losses, grids, hooks };
}

export function mean(values: number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

export async function until(condition: () => boolean, timeoutMs = 60_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export const initialize: WorkerCommand = {
  type: 'initialize',
  config,
  views: DEFAULT_VIEW_REQUEST,
  dataBaseUrl: 'http://localhost/',
};

export const setViews = (change: Partial<ViewRequest>): WorkerCommand => ({
  type: 'setViews',
  views: { ...DEFAULT_VIEW_REQUEST, ...change },
});
