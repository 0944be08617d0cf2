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
    setLineDash: noop as (pattern: number[]) => void,
  };
}
