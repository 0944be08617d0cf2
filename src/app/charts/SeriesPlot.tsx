/**
 * A chart of a few series that change at every epoch end: Plotly draws the axes (framed on nice
 * ranges, so it redraws only when the data crosses one), a canvas under it draws the series
 * (drawSeries), and the nearest x is read out under the pointer.
 */
import type { ReactNode } from 'react';
import { drawSeries, type SeriesScene } from './drawSeries';
import { PlotlyChart, type Figure } from './PlotlyChart';
import { hoverPlacement, useNearestXHover } from './useNearestXHover';
import { useBothOnReady, usePlotCanvas, type PlotCanvasDrawer } from './usePlotCanvas';

const drawScene: PlotCanvasDrawer<SeriesScene> = (context, scene, view, pixelRatio) => ({
  drawnPoints: String(drawSeries(context, scene, view, pixelRatio)),
});

interface SeriesPlotProps {
  /** Names the chart's redraw and canvas-draw measures. */
  name: string;
  /** The axes: ranges fixed, series empty (they name the legend's items). */
  figure: Figure;
  scene: SeriesScene;
  /** The x values the pointer snaps to, ascending. */
  hoverXs: readonly number[];
  /** What the readout says at one of `hoverXs`. */
  readout: (index: number) => ReactNode;
  /** Sizes the plot. */
  className: string;
}

export function SeriesPlot({ name, figure, scene, hoverXs, readout, className }: SeriesPlotProps) {
  const { canvasRef, onPlotReady } = usePlotCanvas(scene, name, drawScene);
  const { hover, onReady: hoverReady } = useNearestXHover(hoverXs);
  const onReady = useBothOnReady(onPlotReady, hoverReady);
  return (
    <div className="chart-plane">
      <canvas ref={canvasRef} className="chart-series" aria-label={`${name} series`} />
      <PlotlyChart name={name} figure={figure} className={`plotly-chart ${className}`} onReady={onReady} />
      {hover && (
        <div className="chart-hover" style={hoverPlacement(hover)}>
          {readout(hover.index)}
        </div>
      )}
    </div>
  );
}
