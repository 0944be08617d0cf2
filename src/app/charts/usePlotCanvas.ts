/**
 * A canvas under a Plotly plot, kept in step with Plotly's axes: Plotly draws the axes, the zoom
 * and whatever changes rarely; the canvas draws what changes often (10,000 latent points, a loss
 * curve growing every step) in a few ms, as a light job of the frame scheduler, instead of a Plotly
 * redraw of tens of ms. It redraws when the scene changes, after every Plotly plot (new ranges, a
 * zoom, a resize), and live while a pan or zoom is in progress.
 */
import { useCallback, useEffect, useRef } from 'react';
import type { PlotlyHTMLElement } from 'plotly.js-dist-min';
import { drawScheduler } from '../frameScheduler';
import type { PlaneView } from './latentPlane';
import { currentAxisRanges, type AxisRange } from './planePicking';
import { planeViewOf, rangesOfRelayout } from './planeView';

/**
 * Draws `scene` on the whole canvas (cleared first by the drawer) for the plot's `view` (CSS
 * pixels from the canvas's top-left); returns data attributes that say what is on screen.
 */
export type PlotCanvasDrawer<Scene> = (
  context: CanvasRenderingContext2D,
  scene: Scene,
  view: PlaneView,
  pixelRatio: number,
) => Record<string, string>;

const listeningPlots = new WeakSet<HTMLElement>();

/** `name` names the draw's User Timing measure (`canvas-draw:<name>`), which the main-thread bench reports. */
export function usePlotCanvas<Scene>(scene: Scene, name: string, draw: PlotCanvasDrawer<Scene>) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const plotRef = useRef<HTMLElement | null>(null);
  const sceneRef = useRef(scene);
  // The ranges of a pan or zoom in progress, which Plotly reports before it stores them.
  const movingRanges = useRef<{ x: AxisRange; y: AxisRange } | null>(null);

  const scheduleDraw = useCallback(() => {
    const canvas = canvasRef.current;
    const plot = plotRef.current;
    if (!canvas || !plot) return;
    drawScheduler().schedule(canvas, () => {
      const startMs = performance.now();
      const box = canvas.getBoundingClientRect();
      const pixelRatio = window.devicePixelRatio || 1;
      const width = Math.round(box.width * pixelRatio);
      const height = Math.round(box.height * pixelRatio);
      if (canvas.width !== width || canvas.height !== height) {
        canvas.width = width;
        canvas.height = height;
      }
      const view = planeViewOf(plot, box, movingRanges.current ?? currentAxisRanges(plot));
      const context = canvas.getContext('2d');
      if (!view || !context) return;
      // Says what is on screen, for tests and for anyone inspecting the page.
      Object.assign(canvas.dataset, draw(context, sceneRef.current, view, pixelRatio));
      const measure = `canvas-draw:${name}`;
      performance.measure(measure, { start: startMs, end: performance.now() });
      performance.clearMeasures(measure);
    });
  }, [draw, name]);

  useEffect(() => {
    sceneRef.current = scene;
    scheduleDraw();
  }, [scene, scheduleDraw]);

  useEffect(() => {
    const canvas = canvasRef.current;
    return () => {
      if (canvas) drawScheduler().cancel(canvas);
    };
  }, []);

  const onPlotReady = useCallback(
    (plot: PlotlyHTMLElement) => {
      plotRef.current = plot;
      if (!listeningPlots.has(plot)) {
        listeningPlots.add(plot);
        plot.on('plotly_afterplot', () => {
          movingRanges.current = null;
          scheduleDraw();
        });
        plot.on('plotly_relayouting', (event) => {
          movingRanges.current = rangesOfRelayout(event, currentAxisRanges(plot));
          scheduleDraw();
        });
      }
      scheduleDraw();
    },
    [scheduleDraw],
  );

  return { canvasRef, onPlotReady };
}

type PlotReady = (plot: PlotlyHTMLElement) => void;

/** One `onReady` for a plot that both a canvas layer and a hover readout follow. */
export function useBothOnReady(first: PlotReady, second: PlotReady): PlotReady {
  return useCallback(
    (plot: PlotlyHTMLElement) => {
      first(plot);
      second(plot);
    },
    [first, second],
  );
}
