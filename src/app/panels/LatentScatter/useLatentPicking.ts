/**
 * The scatter's pointer interactions, on the plot element itself (Plotly no longer holds the
 * points): a click anywhere on the plane decodes that point, a click on a point also selects its
 * image, hovering a point shows that test image (from the page's copy).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PlotlyHTMLElement } from 'plotly.js-dist-min';
import { nearestPointIndex, type HiddenLabels, type PlaneView } from '../../charts/latentPlane';
import { isDragRelease, isRepeatedClick, planePointAt } from '../../charts/planePicking';
import type { LatentPoint } from '../../../shared/protocol';
import { usePlayground } from '../../store';
import {
  selectDecodedPoint,
  selectLatentPoint,
  selectSelectTestIndex,
  selectSetLatentPoint,
} from '../../store/selectors';
import type { ViewsSlice } from '../../store/viewsSlice';
import { CLIENT_ORIGIN, isOnPlane, planeViewOf } from '../../charts/planeView';

export interface HoveredPoint extends LatentPoint {
  testIndex: number;
  className: string;
}

interface PickTargets {
  latent: ViewsSlice['latent'];
  hidden: HiddenLabels;
  onPlanePoint: (point: LatentPoint) => void;
  onPointClick: (testIndex: number) => void;
  onHover: (testIndex: number | null) => void;
}

/** The test index of the shown point under the pointer, or null. */
function pointUnder(view: PlaneView | null, targets: PickTargets, event: MouseEvent): number | null {
  if (!view || !targets.latent) return null;
  const { codes, labels } = targets.latent;
  return nearestPointIndex(codes, labels, targets.hidden, view, event.clientX, event.clientY);
}

const listeningPlots = new WeakSet<HTMLElement>();

/**
 * Listens on the plot (once per element) for clicks inside its plot area (the `.nsewdrag` drag
 * layer's box, whatever is drawn on top, except the mode bar) and for the pointer moving over it.
 */
function listenForPointer(plot: HTMLElement, targets: { current: PickTargets }): void {
  if (listeningPlots.has(plot)) return;
  listeningPlots.add(plot);
  let down: { clientX: number; clientY: number } | null = null;
  let previous: { clientX: number; clientY: number; timeMs: number } | null = null;
  // Capture phase: Plotly's own handlers must not hide where a drag began.
  // Set once the pressed pointer strays: a lasso that ends where it began is still a drag. Watched
  // on the window, since Plotly covers the page with its own drag layer while a button is down.
  let dragged = false;
  plot.addEventListener(
    'mousedown',
    (event) => {
      const start = { clientX: event.clientX, clientY: event.clientY };
      down = start;
      dragged = false;
      const onMove = (move: MouseEvent) => {
        if (isDragRelease(start, move)) dragged = true;
      };
      window.addEventListener('mousemove', onMove, true);
      window.addEventListener('mouseup', () => window.removeEventListener('mousemove', onMove, true), {
        once: true,
        capture: true,
      });
    },
    true,
  );
  plot.addEventListener('click', (event) => {
    const view = planeViewOf(plot, CLIENT_ORIGIN);
    if (!view || !isOnPlane(view, event) || dragged || isDragRelease(down, event)) return;
    const click = { clientX: event.clientX, clientY: event.clientY, timeMs: performance.now() };
    const repeated = isRepeatedClick(previous, click);
    previous = click;
    if (repeated) return;
    const fractionX = (event.clientX - view.left) / view.width;
    const fractionY = (event.clientY - view.top) / view.height;
    targets.current.onPlanePoint(planePointAt(fractionX, fractionY, view.x, view.y));
    const testIndex = pointUnder(view, targets.current, event);
    if (testIndex !== null) targets.current.onPointClick(testIndex);
  });
  plot.addEventListener('mousemove', (event) =>
    targets.current.onHover(pointUnder(planeViewOf(plot, CLIENT_ORIGIN), targets.current, event)),
  );
  plot.addEventListener('mouseleave', () => targets.current.onHover(null));
}

export function useLatentPicking(
  latent: ViewsSlice['latent'],
  classNames: readonly string[],
  hidden: HiddenLabels,
) {
  // The worker decodes the clicked point again after every epoch, from the store's request.
  const clickTarget = usePlayground(selectLatentPoint);
  const decodedPoint = usePlayground(selectDecodedPoint);
  const setLatentPoint = usePlayground(selectSetLatentPoint);
  const selectTestIndex = usePlayground(selectSelectTestIndex);
  const [hoveredIndex, setHoveredIndex] = useState<number | null>(null);

  const targets = useRef<PickTargets>({
    latent,
    hidden,
    onPlanePoint: setLatentPoint,
    onPointClick: selectTestIndex,
    onHover: setHoveredIndex,
  });
  useEffect(() => {
    targets.current = {
      latent,
      hidden,
      onPlanePoint: setLatentPoint,
      onPointClick: selectTestIndex,
      onHover: setHoveredIndex,
    };
  }, [latent, hidden, setLatentPoint, selectTestIndex]);

  const onReady = useCallback((plot: PlotlyHTMLElement) => listenForPointer(plot, targets), []);

  const hovered: HoveredPoint | null =
    latent && hoveredIndex !== null && hoveredIndex < latent.labels.length
      ? {
          x: latent.codes[2 * hoveredIndex],
          y: latent.codes[2 * hoveredIndex + 1],
          testIndex: hoveredIndex,
          className: classNames[latent.labels[hoveredIndex]] ?? `class ${latent.labels[hoveredIndex]}`,
        }
      : null;

  return { clickTarget, hovered, clicked: decodedPoint, onReady };
}
