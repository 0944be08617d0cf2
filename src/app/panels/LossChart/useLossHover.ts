/**
 * The training curves' hover readout. They are drawn on a canvas, so Plotly cannot hover them: the
 * pointer's step is found from Plotly's axes, and the nearest batch is read out beside it.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PlotlyHTMLElement } from 'plotly.js-dist-min';
import { nearestStepIndex, type LossCurves } from '../../charts/drawLossCurves';
import { planePointAt } from '../../charts/planePicking';
import { CLIENT_ORIGIN, isOnPlane, planeViewOf } from '../../charts/planeView';

export interface LossHover {
  step: number;
  raw: number;
  smoothed: number;
  /** The pointer, in CSS pixels from the plot's top-left, and the plot's width. */
  left: number;
  top: number;
  plotWidth: number;
}

const listeningPlots = new WeakSet<HTMLElement>();

export function useLossHover(curves: LossCurves | null) {
  const [hover, setHover] = useState<LossHover | null>(null);
  const curvesRef = useRef(curves);
  useEffect(() => {
    curvesRef.current = curves;
  }, [curves]);

  const onReady = useCallback((plot: PlotlyHTMLElement) => {
    if (listeningPlots.has(plot)) return;
    listeningPlots.add(plot);
    plot.addEventListener('mousemove', (event) => {
      const view = planeViewOf(plot, CLIENT_ORIGIN);
      const shown = curvesRef.current;
      if (!view || !shown || !isOnPlane(view, event)) return setHover(null);
      const fractionX = (event.clientX - view.left) / view.width;
      const index = nearestStepIndex(shown.steps, planePointAt(fractionX, 0, view.x, view.y).x);
      if (index < 0) return setHover(null);
      const box = plot.getBoundingClientRect();
      setHover({
        step: shown.steps[index],
        raw: shown.raw[index],
        smoothed: shown.smoothed[index],
        left: event.clientX - box.left,
        top: event.clientY - box.top,
        plotWidth: box.width,
      });
    });
    plot.addEventListener('mouseleave', () => setHover(null));
  }, []);

  return { hover, onReady };
}
