import { describe, expect, it } from 'vitest';
import { drawLossChart, type LossCurves } from './drawLossCurves';
import { lossPixelY } from './lossAxes';
import { recordingCanvas } from './canvasStub';
import type { PlaneView } from './latentPlane';

// Steps 0..100 across 100 px; a log axis from 0.01 to 1 (Plotly keeps log ranges in powers of ten).
const logView: PlaneView = { x: [0, 100], y: [-2, 0], left: 0, top: 0, width: 100, height: 100 };

const curves = (change: Partial<LossCurves> = {}): LossCurves => ({
  steps: [0, 50, 100],
  raw: [1, 0.1, 0.01],
  smoothed: [1, 0.2, 0.05],
  showRaw: true,
  showSmoothed: true,
  logScale: true,
  ...change,
});

const noMarks = { records: [], showValidation: true, showBest: true, logScale: true };

/** The training curves' points on screen. */
function drawLossCurves(
  context: CanvasRenderingContext2D,
  drawn: LossCurves | null,
  view: PlaneView,
  pixelRatio: number,
): number {
  return drawLossChart(context, { curves: drawn, marks: noMarks }, view, pixelRatio).curvePoints;
}

describe('drawLossChart', () => {
  it('maps steps and losses through the axes, a log axis in powers of ten', () => {
    const { context, strokes } = recordingCanvas();
    expect(drawLossCurves(context, curves(), logView, 1)).toBe(6);
    expect(strokes[0].points).toEqual([
      [0, 0],
      [50, 50],
      [100, 100],
    ]);
    expect(strokes[1]).toMatchObject({ color: '#1f77b4', width: 2 });
  });

  it('draws only the curves the legend shows, and nothing without curves', () => {
    const { context, strokes } = recordingCanvas();
    expect(drawLossCurves(context, curves({ showRaw: false }), logView, 1)).toBe(3);
    expect(strokes).toHaveLength(1);
    expect(drawLossCurves(context, null, logView, 1)).toBe(0);
    // Zoomed into the first half: the last step is off screen.
    expect(drawLossCurves(context, curves({ showRaw: false }), { ...logView, x: [0, 60] }, 1)).toBe(2);
  });

  it('breaks the line at a loss the axis cannot show', () => {
    const { context, strokes } = recordingCanvas();
    drawLossCurves(context, curves({ raw: [1, NaN, 0.01], showSmoothed: false }), logView, 1);
    expect(strokes[0].points).toHaveLength(2);
    expect(lossPixelY(logView, 0, true)).toBeNaN();
    expect(lossPixelY({ ...logView, y: [0, 1] }, 0.25, false)).toBe(75);
  });

  it('draws a pixel column of many steps as its first, lowest, highest and last point', () => {
    const { context, strokes } = recordingCanvas();
    const steps = Array.from({ length: 10_000 }, (_, i) => i / 100);
    const raw = steps.map((_, i) => (i % 2 === 0 ? 0.1 : 0.2));
    const drawn = drawLossCurves(context, curves({ steps, raw, showSmoothed: false }), logView, 1);
    expect(drawn).toBe(10_000);
    const points = strokes[0].points;
    expect(points.length).toBeLessThanOrEqual(4 * 101);
    const top = lossPixelY(logView, 0.2, true);
    const bottom = lossPixelY(logView, 0.1, true);
    expect(Math.min(...points.map(([, y]) => y))).toBeCloseTo(top);
    expect(Math.max(...points.map(([, y]) => y))).toBeCloseTo(bottom);
  });
});
