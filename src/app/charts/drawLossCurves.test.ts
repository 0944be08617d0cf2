import { describe, expect, it } from 'vitest';
import { drawLossCurves, lossPixelY, nearestStepIndex, type LossCurves } from './drawLossCurves';
import { canvasStub } from './canvasStub';
import type { PlaneView } from './latentPlane';

/** A 2-D context that records the polylines stroked, with their colour and width. */
function recordingContext() {
  const strokes: { color: string; width: number; points: [number, number][] }[] = [];
  let path: [number, number][] = [];
  const context = {
    ...canvasStub(200, 100),
    beginPath() {
      path = [];
    },
    moveTo(x: number, y: number) {
      path.push([x, y]);
    },
    lineTo(x: number, y: number) {
      path.push([x, y]);
    },
    stroke() {
      strokes.push({ color: String(context.strokeStyle), width: context.lineWidth, points: path });
    },
  };
  return { context: context as unknown as CanvasRenderingContext2D, strokes };
}

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

describe('drawLossCurves', () => {
  it('maps steps and losses through the axes, a log axis in powers of ten', () => {
    const { context, strokes } = recordingContext();
    expect(drawLossCurves(context, curves(), logView, 1)).toBe(6);
    expect(strokes[0].points).toEqual([
      [0, 0],
      [50, 50],
      [100, 100],
    ]);
    expect(strokes[1]).toMatchObject({ color: '#1f77b4', width: 2 });
  });

  it('draws only the curves the legend shows, and nothing without curves', () => {
    const { context, strokes } = recordingContext();
    expect(drawLossCurves(context, curves({ showRaw: false }), logView, 1)).toBe(3);
    expect(strokes).toHaveLength(1);
    expect(drawLossCurves(context, null, logView, 1)).toBe(0);
    // Zoomed into the first half: the last step is off screen.
    expect(drawLossCurves(context, curves({ showRaw: false }), { ...logView, x: [0, 60] }, 1)).toBe(2);
  });

  it('breaks the line at a loss the axis cannot show', () => {
    const { context, strokes } = recordingContext();
    drawLossCurves(context, curves({ raw: [1, NaN, 0.01], showSmoothed: false }), logView, 1);
    expect(strokes[0].points).toHaveLength(2);
    expect(lossPixelY(logView, 0, true)).toBeNaN();
    expect(lossPixelY({ ...logView, y: [0, 1] }, 0.25, false)).toBe(75);
  });

  it('draws a pixel column of many steps as its first, lowest, highest and last point', () => {
    const { context, strokes } = recordingContext();
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

describe('nearestStepIndex', () => {
  it('finds the nearest step in ascending steps', () => {
    expect(nearestStepIndex([10, 20, 30], 24)).toBe(1);
    expect(nearestStepIndex([10, 20, 30], 26)).toBe(2);
    expect(nearestStepIndex([10, 20, 30], -5)).toBe(0);
    expect(nearestStepIndex([10, 20, 30], 99)).toBe(2);
    expect(nearestStepIndex([], 5)).toBe(-1);
    expect(nearestStepIndex([1], NaN)).toBe(-1);
  });
});
