/**
 * The loss chart's hover readout: the batch nearest the pointer's step, raw and smoothed, and the
 * epoch that step belongs to, with its validation loss and learning rate once the epoch has ended.
 */
import { bestRecord } from '../../charts/drawEpochMarks';
import type { LossCurves } from '../../charts/drawLossCurves';
import { useNearestXHover, type PointerHover } from '../../charts/useNearestXHover';
import type { EpochRecord } from '../../store/lossSlice';

export interface LossHover extends PointerHover {
  step: number;
  raw: number;
  smoothed: number;
  /** The ended epoch the step belongs to (the first whose last step is at or after it), if any. */
  epoch: EpochRecord | null;
  /** Whether that epoch holds the best checkpoint. */
  epochIsBest: boolean;
}

export function useLossHover(curves: LossCurves | null, epochRecords: readonly EpochRecord[]) {
  const { hover, onReady } = useNearestXHover(curves?.steps ?? null);
  if (!hover || !curves) return { hover: null, onReady };
  const step = curves.steps[hover.index];
  const epoch = epochRecords.find((record) => record.step >= step) ?? null;
  const read: LossHover = {
    ...hover,
    step,
    raw: curves.raw[hover.index],
    smoothed: curves.smoothed[hover.index],
    epoch,
    epochIsBest: epoch !== null && epoch === bestRecord(epochRecords),
  };
  return { hover: read, onReady };
}
