import { describe, expect, it } from 'vitest';
import { classOrderOf, drawLatentPlane, type LatentScene } from './drawLatentPlane';
import { CLASS_COLORS } from './latentFigure';
import { canvasStub } from './canvasStub';
import type { PlaneView } from './latentPlane';

/** A 2-D context that records the squares filled and the colours they were filled in. */
function recordingContext() {
  const squares: { x: number; y: number; color: string; alpha: number }[] = [];
  const context = {
    ...canvasStub(200, 200),
    fillRect(x: number, y: number) {
      squares.push({ x, y, color: String(context.fillStyle), alpha: context.globalAlpha });
    },
  };
  return { context: context as unknown as CanvasRenderingContext2D, squares };
}

const view: PlaneView = { x: [0, 10], y: [0, 10], left: 0, top: 0, width: 100, height: 100 };
const labels = Uint8Array.from([2, 0, 2, 1]);
const codes = Float32Array.from([1, 1, 5, 5, 9, 9, 20, 5]);

function sceneOf(change: Partial<LatentScene> = {}): LatentScene {
  return {
    epoch: 1,
    codes,
    labels,
    order: classOrderOf(labels),
    hidden: new Set(),
    brushed: null,
    selectedTestIndex: null,
    clickedPoint: null,
    brushOutline: null,
    ...change,
  };
}

describe('classOrderOf', () => {
  it('sorts the test indices by class, stable', () => {
    expect([...classOrderOf(labels)]).toEqual([1, 3, 0, 2]);
  });
});

describe('drawLatentPlane', () => {
  it('draws each point in its class colour, classes in order, and counts those on screen', () => {
    const { context, squares } = recordingContext();
    // Index 3 lies at x = 20, outside the plot area: not drawn, not counted.
    expect(drawLatentPlane(context, sceneOf(), view, 1)).toBe(3);
    const points = squares.slice(1); // the first square is the plot's background
    expect(points.map((square) => square.color)).toEqual([CLASS_COLORS[0], CLASS_COLORS[2], CLASS_COLORS[2]]);
    expect(points[0]).toMatchObject({ x: 48.5, y: 48.5 });
  });

  it('leaves hidden classes out and draws brushed points over the dimmed rest', () => {
    const hidden = recordingContext();
    expect(drawLatentPlane(hidden.context, sceneOf({ hidden: new Set([2]) }), view, 1)).toBe(1);
    const brushed = recordingContext();
    expect(drawLatentPlane(brushed.context, sceneOf({ brushed: new Set([0]) }), view, 1)).toBe(3);
    const alphas = brushed.squares.slice(1).map((square) => square.alpha);
    expect(alphas).toEqual([0.15, 0.15, 0.75]);
  });

  it('draws only the background without a scene', () => {
    const { context, squares } = recordingContext();
    expect(drawLatentPlane(context, null, view, 2)).toBe(0);
    expect(squares).toHaveLength(1);
  });
});
