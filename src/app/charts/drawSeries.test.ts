import { describe, expect, it } from 'vitest';
import { drawSeries, type Series } from './drawSeries';
import { recordingCanvas } from './canvasStub';
import type { PlaneView } from './latentPlane';

/** Stroked polylines (colour, dash; each moveTo starts a new one) and filled markers (centre, colour). */
function recordingContext() {
  const { context, strokes, fills } = recordingCanvas(100, 100);
  return {
    context,
    lines() {
      return strokes.flatMap(({ color, dash, subpaths }) =>
        subpaths.filter((path) => path.length > 1).map((points) => ({ color, dash, points })),
      );
    },
    markers() {
      return fills.map(({ color, points }) => ({ color, x: points[0][0], y: points[0][1] }));
    },
  };
}

// x 0..10 and y 0..100 across 100 × 100 px.
const view: PlaneView = { x: [0, 10], y: [0, 100], left: 0, top: 0, width: 100, height: 100 };

const series = (change: Partial<Series> = {}): Series => ({
  name: 'PSNR',
  x: [0, 5, 10],
  y: [0, 50, 100],
  color: '#1f77b4',
  lineWidth: 2,
  dash: [],
  markerRadius: 3,
  ...change,
});

describe('drawSeries', () => {
  it('maps the points through the axes and marks each of them', () => {
    const { context, lines, markers } = recordingContext();
    expect(drawSeries(context, { series: [series()] }, view, 1)).toBe(3);
    expect(lines()).toEqual([
      {
        color: '#1f77b4',
        dash: [],
        points: [
          [0, 100],
          [50, 50],
          [100, 0],
        ],
      },
    ]);
    expect(markers().map(({ x, y }) => [x, y])).toEqual([
      [0, 100],
      [50, 50],
      [100, 0],
    ]);
  });

  it('reads a right-axis series on the right range, dashed as asked', () => {
    const { context, lines } = recordingContext();
    const ssim = series({ y: [0, 0.5, 1], rightAxis: true, dash: [2, 2], markerRadius: 0 });
    drawSeries(context, { series: [ssim], rightRange: [0, 1] }, view, 2);
    expect(lines()[0].points[1]).toEqual([50, 50]);
    expect(lines()[0].dash).toEqual([2, 2]);
  });

  it('breaks the line at a missing value and counts only points inside the plot', () => {
    const { context, lines, markers } = recordingContext();
    const gappy = series({ x: [0, 2, 4, 20], y: [10, Number.NaN, 30, 40] });
    expect(drawSeries(context, { series: [gappy] }, view, 1)).toBe(2);
    // The first point stands alone; the line goes on from the third, out of the plot.
    expect(lines().map((line) => line.points)).toEqual([
      [
        [40, 70],
        [200, 60],
      ],
    ]);
    expect(markers()).toHaveLength(2);
  });

  it('draws a vertical mark across the plot height', () => {
    const { context, lines } = recordingContext();
    const mark = { x: 2.5, color: '#e0005a', width: 1.5, dash: [3, 3] };
    drawSeries(context, { series: [], verticals: [mark] }, view, 1);
    expect(lines()).toEqual([
      {
        color: '#e0005a',
        dash: [3, 3],
        points: [
          [25, 0],
          [25, 100],
        ],
      },
    ]);
  });
});
