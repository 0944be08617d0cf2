/**
 * The one Plotly wrapper: figures come from pure builders; this queues a redraw on change (drawn
 * after the next frame, in a task of its own, one chart a frame, the latest figure only) and
 * purges on unmount. Plotly (1.4 MB) is loaded lazily so the page is usable at once.
 */
import { useEffect, useRef, useState } from 'react';
import type {
  Config,
  Data,
  Layout,
  PlotlyHTMLElement,
  PlotMouseEvent,
  PlotSelectionEvent,
} from 'plotly.js-dist-min';
import { drawScheduler } from '../frameScheduler';
import type { AxesView } from './axesView';
import { figureShape, rangeOnlyUpdate, type FigureShape } from './rangeOnlyChange';
import { USER_VIEW_CONFIG, useUserView } from './useUserView';

type PlotlyModule = typeof import('plotly.js-strict-dist-min').default;
let plotlyPromise: Promise<PlotlyModule> | null = null;
export function loadPlotly(): Promise<PlotlyModule> {
  // The strict bundle: the default one compiles scattergl's WebGL code with `new Function`.
  plotlyPromise ??= import('plotly.js-strict-dist-min').then((module) => module.default);
  return plotlyPromise;
}

export interface Figure {
  data: Data[];
  layout: Partial<Layout>;
}

/** Prefix of the User Timing measure each redraw leaves, so a bench can time every chart. */
export const REDRAW_MEASURE_PREFIX = 'plotly-redraw:';

interface PlotlyChartProps {
  /** Names the chart's redraw measures (`plotly-redraw:<name>`). */
  name: string;
  figure: Figure;
  className?: string;
  onClick?: (event: PlotMouseEvent) => void;
  onHover?: (event: PlotMouseEvent) => void;
  onUnhover?: () => void;
  onSelected?: (event: PlotSelectionEvent | undefined) => void;
  /** Gets the plot element once drawn, e.g. to map a click anywhere on the plane to data units. */
  onReady?: (element: PlotlyHTMLElement) => void;
  /**
   * A zoomable chart's frame, which its axes show until the user zooms or pans (useUserView);
   * null before there is one. Left out, the figure's own axes hold.
   */
  view?: AxesView | null;
}

const CONFIG: Partial<Config> = { displaylogo: false, responsive: true };

export function PlotlyChart({
  name,
  figure,
  className,
  onClick,
  onHover,
  onUnhover,
  onSelected,
  onReady,
  view,
}: PlotlyChartProps) {
  const elementRef = useRef<HTMLDivElement>(null);
  const [plotly, setPlotly] = useState<PlotlyModule | null>(null);
  const handlers = useRef({ onClick, onHover, onUnhover, onSelected });
  useEffect(() => {
    handlers.current = { onClick, onHover, onUnhover, onSelected };
  });

  useEffect(() => {
    let alive = true;
    void loadPlotly().then((module) => alive && setPlotly(() => module));
    return () => {
      alive = false;
    };
  }, []);

  const { figureToDraw, followUser, resets } = useUserView(view);
  // A chart is zoomable or not for its whole life.
  const configRef = useRef(view === undefined ? CONFIG : { ...CONFIG, ...USER_VIEW_CONFIG });
  const listening = useRef(false);
  // What is on screen, read before Plotly wrote its computed ranges into the figure.
  const shownShape = useRef<FigureShape | null>(null);
  const drawnResets = useRef(0);
  useEffect(() => {
    const element = elementRef.current;
    if (!plotly || !element) return;
    // A redraw is a full Plotly replot (tens of ms): queued, it gets a task of its own.
    drawScheduler().schedule(
      element,
      () => {
        // A double-click left the user's view, which Plotly drew and `shownShape` does not know.
        if (drawnResets.current !== resets) shownShape.current = null;
        drawnResets.current = resets;
        const drawnFigure = figureToDraw(figure);
        const shape = figureShape(drawnFigure);
        const rangeUpdate = rangeOnlyUpdate(shownShape.current, shape);
        // The same figure again (a re-render that rebuilt it): nothing to draw.
        if (rangeUpdate && Object.keys(rangeUpdate).length === 0) {
          onReady?.(element as unknown as PlotlyHTMLElement);
          return;
        }
        shownShape.current = shape;
        const startMs = performance.now();
        // New ranges alone redraw the ticks alone, a third of a full redraw's time.
        const drawn = rangeUpdate
          ? // Plotly's types leave out its dotted attribute paths ('yaxis.range').
            plotly.relayout(element, rangeUpdate as unknown as Partial<Layout>)
          : plotly.react(element, drawnFigure.data, drawnFigure.layout, configRef.current);
        // The synchronous part is what holds the main thread.
        performance.measure(REDRAW_MEASURE_PREFIX + name, { start: startMs, end: performance.now() });
        // Observers have the entry already; the page's own buffer would otherwise grow all run long.
        performance.clearMeasures(REDRAW_MEASURE_PREFIX + name);
        void drawn.then((plot) => {
          // Plotly.react keeps listeners on the same element, so attach them once.
          if (!listening.current) {
            listening.current = true;
            plot.on('plotly_click', (event) => handlers.current.onClick?.(event));
            plot.on('plotly_hover', (event) => handlers.current.onHover?.(event));
            plot.on('plotly_unhover', () => handlers.current.onUnhover?.());
            plot.on('plotly_selected', (event) => handlers.current.onSelected?.(event));
            plot.on('plotly_deselect', () => handlers.current.onSelected?.(undefined));
          }
          followUser(plot);
          onReady?.(plot);
        });
      },
      'heavy',
    );
  }, [plotly, figure, onReady, name, figureToDraw, followUser, resets]);

  useEffect(() => {
    const element = elementRef.current;
    if (!plotly || !element) return;
    return () => {
      drawScheduler().cancel(element);
      plotly.purge(element);
      shownShape.current = null;
    };
  }, [plotly]);

  return <div ref={elementRef} className={className ?? 'plotly-chart'} />;
}
