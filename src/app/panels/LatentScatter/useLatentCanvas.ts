/**
 * Keeps the points' canvas in step with Plotly's axes: redraws it (a light job of the frame
 * scheduler, a few ms) when the scene changes, after every Plotly plot (new ranges, a zoom, a
 * resize), and live while a pan or zoom is in progress.
 */
import { useCallback, useEffect, useRef } from 'react';
import type { PlotlyHTMLElement } from 'plotly.js-dist-min';
import { drawLatentPlane, type LatentScene } from '../../charts/drawLatentPlane';
import { currentAxisRanges, type AxisRange } from '../../charts/planePicking';
import { drawScheduler } from '../../frameScheduler';
import { planeViewOf, rangesOfRelayout } from './planeView';

const listeningPlots = new WeakSet<HTMLElement>();
const CANVAS_MEASURE = 'canvas-draw:latent-points';

export function useLatentCanvas(scene: LatentScene | null) {
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
      canvas.dataset.drawnPoints = String(drawLatentPlane(context, sceneRef.current, view, pixelRatio));
      canvas.dataset.epoch = String(sceneRef.current?.epoch ?? '');
      // Timed like the Plotly redraws, so the main-thread bench reports it beside them.
      performance.measure(CANVAS_MEASURE, { start: startMs, end: performance.now() });
      performance.clearMeasures(CANVAS_MEASURE);
    });
  }, []);

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
