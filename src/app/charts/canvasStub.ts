/**
 * The drawing state and no-op methods of a 2-D canvas context, for the chart drawing tests: each
 * test spreads this and overrides the few methods whose calls it records.
 */
export function canvasStub(width: number, height: number) {
  const noop = () => {};
  return {
    canvas: { width, height },
    fillStyle: '',
    strokeStyle: '',
    globalAlpha: 1,
    lineWidth: 1,
    lineJoin: 'miter',
    font: '',
    textBaseline: 'alphabetic',
    setTransform: noop,
    clearRect: noop,
    save: noop,
    restore: noop,
    beginPath: noop,
    rect: noop,
    clip: noop,
    arc: noop,
    moveTo: noop,
    lineTo: noop,
    closePath: noop,
    stroke: noop,
    fill: noop,
    fillRect: noop,
    fillText: noop as (text: string, x: number, y: number) => void,
    setLineDash: noop as (pattern: number[]) => void,
  };
}

/** A path stroked or filled: its colour, line width and dash, its subpaths (each moveTo or arc starts one). */
export interface RecordedPath {
  color: string;
  width: number;
  dash: number[];
  subpaths: [number, number][][];
  /** The subpaths' points in order, as one list. */
  points: [number, number][];
}

/** A 2-D context that records every path stroked or filled and every text written. */
export function recordingCanvas(width = 200, height = 100) {
  const strokes: RecordedPath[] = [];
  const fills: RecordedPath[] = [];
  const texts: { text: string; x: number; y: number; color: string }[] = [];
  let subpaths: [number, number][][] = [];
  let dash: number[] = [];
  const recorded = (color: unknown): RecordedPath => ({
    color: String(color),
    width: context.lineWidth,
    dash,
    subpaths,
    points: subpaths.flat(),
  });
  const context = {
    ...canvasStub(width, height),
    setLineDash(pattern: number[]) {
      dash = pattern;
    },
    beginPath() {
      subpaths = [];
    },
    moveTo(x: number, y: number) {
      subpaths.push([[x, y]]);
    },
    lineTo(x: number, y: number) {
      if (subpaths.length === 0) subpaths.push([]);
      subpaths[subpaths.length - 1].push([x, y]);
    },
    arc(x: number, y: number) {
      subpaths.push([[x, y]]);
    },
    stroke() {
      strokes.push(recorded(context.strokeStyle));
    },
    fill() {
      fills.push(recorded(context.fillStyle));
    },
    fillText(text: string, x: number, y: number) {
      texts.push({ text, x, y, color: String(context.fillStyle) });
    },
  };
  return { context: context as unknown as CanvasRenderingContext2D, strokes, fills, texts };
}
