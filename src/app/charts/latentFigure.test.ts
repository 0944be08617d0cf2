import { describe, expect, it } from 'vitest';
import { FASHION_MNIST_CLASSES } from '../../shared/dataset';
import {
  buildLatentFigure,
  CLASS_COLORS,
  classLegendItems,
  codesExtent,
  framedBox,
  latentAxesView,
} from './latentFigure';

// Five test images' codes (x, y), one of them not finite.
const codes = Float32Array.from([0, 0, 1, 1, 2, 2, 3, 3, NaN, 4]);

describe('codesExtent', () => {
  it('pads the finite codes’ box', () => {
    expect(codesExtent(codes, 0)).toEqual({ xMin: 0, xMax: 3, yMin: 0, yMax: 3 });
    expect(codesExtent(codes, 0.5)).toEqual({ xMin: -1.5, xMax: 4.5, yMin: -1.5, yMax: 4.5 });
    expect(codesExtent(null)).toBeNull();
    expect(codesExtent(Float32Array.from([NaN, 1]))).toBeNull();
  });
});

describe('framedBox', () => {
  const box = (xMin: number, xMax: number, yMin: number, yMax: number) => ({ xMin, xMax, yMin, yMax });

  it('frames new codes with room around them', () => {
    expect(framedBox(null, box(0, 10, 0, 20))).toEqual(box(-1, 11, -2, 22));
    expect(framedBox(box(0, 1, 0, 1), null)).toBeNull();
  });

  it('keeps the frame, the very object, while the codes move inside it and fill half of it', () => {
    const frame = framedBox(null, box(0, 10, 0, 10));
    expect(framedBox(frame, box(1, 9, -0.5, 8))).toBe(frame);
    expect(framedBox(frame, box(0, 10, 0, 10))).toBe(frame);
  });

  it('moves when the codes leave the frame or shrink to less than half of it', () => {
    const frame = framedBox(null, box(0, 10, 0, 10));
    const near = (expected: ReturnType<typeof box>) =>
      Object.fromEntries(Object.entries(expected).map(([side, value]) => [side, expect.closeTo(value, 12)]));
    expect(framedBox(frame, box(0, 12, 0, 10))).toEqual(near(box(-1.2, 13.2, -1, 11)));
    expect(framedBox(frame, box(2, 6, 0, 10))).toEqual(near(box(1.6, 6.4, -1, 11)));
  });
});

describe('buildLatentFigure', () => {
  it("hands Plotly no trace, and the frame as the axes' view", () => {
    const box = codesExtent(codes, 0.02);
    expect(buildLatentFigure('zoom').data).toEqual([]);
    expect(box?.xMin).toBeCloseTo(-0.06);
    expect(latentAxesView(box)).toEqual({ x: [box?.xMin, box?.xMax], y: [box?.yMin, box?.yMax] });
    expect(latentAxesView(null)).toBeNull();
  });

  it('leaves zoom and pan to Plotly and turns its drag off while brushing', () => {
    expect(buildLatentFigure('zoom').layout.dragmode).toBe('zoom');
    expect(buildLatentFigure('pan').layout.dragmode).toBe('pan');
    expect(buildLatentFigure('select').layout.dragmode).toBe(false);
    expect(buildLatentFigure('lasso').layout.dragmode).toBe(false);
  });

  it('gives each axis of each figure an object of its own, since Plotly writes ranges into them', () => {
    const first = buildLatentFigure('zoom').layout;
    const second = buildLatentFigure('zoom').layout;
    expect(first.xaxis).not.toBe(first.yaxis);
    expect(first.xaxis).not.toBe(second.xaxis);
    expect(first.plot_bgcolor).toBe('rgba(0,0,0,0)');
  });
});

describe('classLegendItems', () => {
  it('lists every class in label order with its colour', () => {
    const items = classLegendItems(FASHION_MNIST_CLASSES);
    expect(items.map((item) => item.name)).toEqual([...FASHION_MNIST_CLASSES]);
    expect(items[3]).toEqual({
      name: FASHION_MNIST_CLASSES[3],
      color: CLASS_COLORS[3],
      mark: 'dot',
      dashed: false,
    });
  });
});
