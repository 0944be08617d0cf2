/**
 * Box and lasso brushes, drawn with the pointer on the plot area (Plotly's drag is off in those
 * modes): the brush is a polygon in data coordinates, drawn on the points' canvas, and the test
 * images inside it, re-found after every epoch's new codes, filter the reconstruction grid. A
 * click without a drag clears it, as does the grid's "clear brush".
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { PlotlyHTMLElement } from 'plotly.js-dist-min';
import type { LatentDragMode } from '../../charts/latentFigure';
import { boxPolygon, indicesInPolygon, type HiddenLabels, type Polygon } from '../../charts/latentPlane';
import { planePointAt } from '../../charts/planePicking';
import { usePlayground } from '../../store';
import { selectBrushedTestIndices, selectSetBrushedTestIndices } from '../../store/selectors';
import type { ViewsSlice } from '../../store/viewsSlice';
import { CLIENT_ORIGIN, isOnPlane, planeViewOf } from '../../charts/planeView';

interface BrushTargets {
  mode: LatentDragMode;
  onDrawing: (polygon: Polygon | null) => void;
  onDrawn: (polygon: Polygon | null) => void;
}

/** A press that moves less than this is a click. */
const CLICK_TOLERANCE_PX = 4;

const clampUnit = (value: number) => Math.min(1, Math.max(0, value));

const listeningPlots = new WeakSet<HTMLElement>();

function listenForBrush(plot: HTMLElement, targets: { current: BrushTargets }): void {
  if (listeningPlots.has(plot)) return;
  listeningPlots.add(plot);
  plot.addEventListener(
    'mousedown',
    (down) => {
      const { mode } = targets.current;
      const view = planeViewOf(plot, CLIENT_ORIGIN);
      if ((mode !== 'select' && mode !== 'lasso') || down.button !== 0 || !view) return;
      if (!isOnPlane(view, down)) return;
      down.preventDefault();
      // Points outside the area count at its edge, as a drag past it would mean.
      const dataAt = (event: MouseEvent) =>
        planePointAt(
          clampUnit((event.clientX - view.left) / view.width),
          clampUnit((event.clientY - view.top) / view.height),
          view.x,
          view.y,
        );
      const path = [dataAt(down)];
      // How far the pointer got from where it was pressed: a lasso ends near its start.
      let farthestPx = 0;
      const polygon = (): Polygon =>
        mode === 'select'
          ? boxPolygon(path[0], path[path.length - 1])
          : { xs: path.map((point) => point.x), ys: path.map((point) => point.y) };
      const onMove = (event: MouseEvent) => {
        farthestPx = Math.max(
          farthestPx,
          Math.hypot(event.clientX - down.clientX, event.clientY - down.clientY),
        );
        path.push(dataAt(event));
        targets.current.onDrawing(polygon());
      };
      const onUp = () => {
        window.removeEventListener('mousemove', onMove);
        targets.current.onDrawing(null);
        targets.current.onDrawn(farthestPx > CLICK_TOLERANCE_PX ? polygon() : null);
      };
      window.addEventListener('mousemove', onMove);
      window.addEventListener('mouseup', onUp, { once: true });
    },
    true,
  );
}

function sameIndices(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((index, i) => index === b[i]);
}

export function useLatentBrush(latent: ViewsSlice['latent'], hidden: HiddenLabels, mode: LatentDragMode) {
  const brushedTestIndices = usePlayground(selectBrushedTestIndices);
  const setBrushedTestIndices = usePlayground(selectSetBrushedTestIndices);
  const [brush, setBrush] = useState<Polygon | null>(null);
  const [drawing, setDrawing] = useState<Polygon | null>(null);
  // What this hook last put in the store: a null there afterwards means a clear from elsewhere.
  const pushed = useRef<readonly number[] | null>(null);

  const onDrawn = useCallback(
    (polygon: Polygon | null) => {
      setBrush(polygon);
      if (!polygon) {
        pushed.current = null;
        setBrushedTestIndices(null);
      }
    },
    [setBrushedTestIndices],
  );
  const targets = useRef<BrushTargets>({ mode, onDrawing: setDrawing, onDrawn });
  useEffect(() => {
    targets.current = { mode, onDrawing: setDrawing, onDrawn };
  }, [mode, onDrawn]);
  const onReady = useCallback((plot: PlotlyHTMLElement) => listenForBrush(plot, targets), []);

  const indices = useMemo(
    () => (latent && brush ? indicesInPolygon(latent.codes, latent.labels, hidden, brush) : null),
    [latent, hidden, brush],
  );
  useEffect(() => {
    if (brushedTestIndices === null && pushed.current && pushed.current.length > 0) {
      pushed.current = null;
      setBrush(null);
    } else if (indices && !sameIndices(indices, brushedTestIndices ?? [])) {
      pushed.current = indices;
      setBrushedTestIndices(indices);
    }
  }, [indices, brushedTestIndices, setBrushedTestIndices]);

  return { outline: drawing ?? brush, brushedTestIndices, onReady };
}
