/** The one store, built from typed slices (zustand's slices pattern). */
import { create } from 'zustand';
import { configFromSearch } from '../../shared/urlConfig';
import type { WorkerEvent } from '../../shared/protocol';
import { applyWorkerEvents } from './applyWorkerEvents';
import { createLossSlice, type LossSlice } from './lossSlice';
import { createPersistenceSlice, type PersistenceSlice } from './persistenceSlice';
import { createRunSlice, type RunSlice } from './runSlice';
import { createRunsSlice, type RunsSlice } from './runsSlice';
import { createViewsSlice, type ViewsSlice } from './viewsSlice';

export type PlaygroundState = RunSlice &
  LossSlice &
  ViewsSlice &
  RunsSlice &
  PersistenceSlice & { applyEvents(events: WorkerEvent[]): void };

const fromUrl = configFromSearch(typeof location === 'undefined' ? '' : location.search);

export const usePlayground = create<PlaygroundState>()((...args) => ({
  ...createRunSlice(fromUrl.config, fromUrl.problems)(...args),
  ...createLossSlice(...args),
  ...createViewsSlice(...args),
  ...createRunsSlice(...args),
  ...createPersistenceSlice(...args),
  applyEvents: (events) => args[0]((state) => applyWorkerEvents(state, events)),
}));
