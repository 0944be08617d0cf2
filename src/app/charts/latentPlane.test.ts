import { describe, expect, it } from 'vitest';
import {
  boxPolygon,
  indicesInPolygon,
  insidePolygon,
  nearestPointIndex,
  pixelX,
  pixelY,
  type PlaneView,
} from './latentPlane';

// Data x 0..10 and y 0..10 over a 100×100-px area at (20, 30).
const view: PlaneView = { x: [0, 10], y: [0, 10], left: 20, top: 30, width: 100, height: 100 };
// Four test images: codes (x, y) and labels; the third code is not finite.
const codes = Float32Array.from([1, 1, 5, 5, NaN, 2, 9, 9]);
const labels = Uint8Array.from([0, 1, 0, 2]);
const NONE_HIDDEN = new Set<number>();

describe('pixelX and pixelY', () => {
  it('map data to pixels, y upwards', () => {
    expect(pixelX(view, 0)).toBe(20);
    expect(pixelX(view, 10)).toBe(120);
    expect(pixelY(view, 10)).toBe(30);
    expect(pixelY(view, 0)).toBe(130);
    expect(pixelY(view, 2.5)).toBe(105);
  });
});

describe('nearestPointIndex', () => {
  it('finds the shown point nearest the pixel within the radius', () => {
    // (5, 5) is at pixel (70, 80).
    expect(nearestPointIndex(codes, labels, NONE_HIDDEN, view, 72, 79)).toBe(1);
    expect(nearestPointIndex(codes, labels, NONE_HIDDEN, view, 80, 80)).toBeNull();
    expect(nearestPointIndex(codes, labels, NONE_HIDDEN, view, 80, 80, 11)).toBe(1);
  });

  it('skips hidden classes and non-finite codes', () => {
    expect(nearestPointIndex(codes, labels, new Set([1]), view, 70, 80)).toBeNull();
    // The NaN code's y (2) alone would sit at pixel y 110.
    expect(nearestPointIndex(codes, labels, NONE_HIDDEN, view, 20, 110, 50)).toBe(0);
  });
});

describe('insidePolygon', () => {
  const triangle = { xs: [0, 4, 0], ys: [0, 0, 4] };
  it('tells inside from outside, whichever way the polygon runs', () => {
    expect(insidePolygon(triangle, 1, 1)).toBe(true);
    expect(insidePolygon(triangle, 3, 3)).toBe(false);
    expect(insidePolygon({ xs: [...triangle.xs].reverse(), ys: [...triangle.ys].reverse() }, 1, 1)).toBe(
      true,
    );
    expect(insidePolygon(triangle, -1, 1)).toBe(false);
  });
});

describe('indicesInPolygon', () => {
  it('returns the shown points inside a box drawn from any two opposite corners', () => {
    expect(indicesInPolygon(codes, labels, NONE_HIDDEN, boxPolygon({ x: 0, y: 0 }, { x: 6, y: 6 }))).toEqual([
      0, 1,
    ]);
    expect(
      indicesInPolygon(codes, labels, NONE_HIDDEN, boxPolygon({ x: 10, y: 0 }, { x: 0, y: 10 })),
    ).toEqual([0, 1, 3]);
    expect(
      indicesInPolygon(codes, labels, new Set([0]), boxPolygon({ x: 0, y: 0 }, { x: 10, y: 10 })),
    ).toEqual([1, 3]);
  });

  it('follows a lasso’s outline', () => {
    // A thin diagonal band around the points (1, 1) and (5, 5) only.
    const band = { xs: [0, 6, 6, 0], ys: [-1, 5, 7, 1] };
    expect(indicesInPolygon(codes, labels, NONE_HIDDEN, band)).toEqual([0, 1]);
  });
});
