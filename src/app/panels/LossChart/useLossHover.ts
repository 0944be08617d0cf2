/** The training curves' hover readout: the batch nearest the pointer's step, raw and smoothed. */
import type { LossCurves } from '../../charts/drawLossCurves';
import { useNearestXHover, type PointerHover } from '../../charts/useNearestXHover';

export interface LossHover extends PointerHover {
  step: number;
  raw: number;
  smoothed: number;
}

export function useLossHover(curves: LossCurves | null) {
  const { hover, onReady } = useNearestXHover(curves?.steps ?? null);
  const read: LossHover | null =
    hover && curves
      ? {
          ...hover,
          step: curves.steps[hover.index],
          raw: curves.raw[hover.index],
          smoothed: curves.smoothed[hover.index],
        }
      : null;
  return { hover: read, onReady };
}
