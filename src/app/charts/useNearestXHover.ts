/**
 * The hover readout of a chart drawn on a canvas under Plotly's axes: Plotly cannot hover what it
 * did not draw, so the pointer's x is read from Plotly's axes and the nearest of the chart's x
 * values (ascending) is found; the chart reads its values out beside the pointer.
 */
import { useCallback, useEffect, useRef, useState, type CSSProperties } from 'react';
import type { PlotlyHTMLElement } from 'plotly.js-dist-min';
import { nearestAscendingIndex, planePointAt } from './planePicking';
import { CLIENT_ORIGIN, isOnPlane, planeViewOf } from './planeView';

export interface PointerHover {
  /** Index of the nearest x value. */
  index: number;
  /** The pointer, in CSS pixels from the plot's top-left, and the plot's width. */
  left: number;
  top: number;
  plotWidth: number;
}

/** Beside the pointer, on its left over the right half of the plot so the readout stays inside. */
export function hoverPlacement({ left, top, plotWidth }: PointerHover): CSSProperties {
  return left > plotWidth / 2
    ? { right: plotWidth - left + 12, top: top + 8 }
    : { left: left + 12, top: top + 8 };
}

const listeningPlots = new WeakSet<HTMLElement>();

export function useNearestXHover(xs: readonly number[] | null) {
  const [hover, setHover] = useState<PointerHover | null>(null);
  const xsRef = useRef(xs);
  useEffect(() => {
    xsRef.current = xs;
  }, [xs]);

  const onReady = useCallback((plot: PlotlyHTMLElement) => {
    if (listeningPlots.has(plot)) return;
    listeningPlots.add(plot);
    plot.addEventListener('mousemove', (event) => {
      const view = planeViewOf(plot, CLIENT_ORIGIN);
      const shown = xsRef.current;
      if (!view || !shown || !isOnPlane(view, event)) return setHover(null);
      const fractionX = (event.clientX - view.left) / view.width;
      const index = nearestAscendingIndex(shown, planePointAt(fractionX, 0, view.x, view.y).x);
      if (index < 0) return setHover(null);
      const box = plot.getBoundingClientRect();
      setHover({ index, left: event.clientX - box.left, top: event.clientY - box.top, plotWidth: box.width });
    });
    plot.addEventListener('mouseleave', () => setHover(null));
  }, []);

  // An index from before the data changed is dropped rather than read out of range.
  const current = hover && xs && hover.index < xs.length ? hover : null;
  return { hover: current, onReady };
}
