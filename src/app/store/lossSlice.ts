/** Loss history: every batch loss and one record per finished epoch. */
import type { StateCreator } from 'zustand';
import type { EpochRecord } from '../../shared/protocol';

export type { EpochRecord };

export interface LossSlice {
  batchSteps: number[];
  batchLosses: number[];
  epochRecords: EpochRecord[];
}

export const createLossSlice: StateCreator<LossSlice, [], [], LossSlice> = () => ({
  batchSteps: [],
  batchLosses: [],
  epochRecords: [],
});
