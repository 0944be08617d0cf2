import { describe, expect, it } from 'vitest';
import { imageFor, NO_DECODED_IMAGES, routeDecoded } from './decodedRouting';

const image = (value: number) => new Float32Array(784).fill(value);

describe('routeDecoded', () => {
  const click = { x: 0.5, y: -1.25 };
  const hover = { x: 2.0625, y: 3.5 };

  it('sends an answer to the request with the same point', () => {
    const clicked = routeDecoded(NO_DECODED_IMAGES, { ...click, image: image(1) }, click, hover);
    expect(clicked.clicked?.image[0]).toBe(1);
    expect(clicked.hovered).toBeNull();
    const both = routeDecoded(clicked, { ...hover, image: image(2) }, click, hover);
    expect(both.clicked?.image[0]).toBe(1);
    expect(both.hovered?.image[0]).toBe(2);
  });

  it('drops answers nobody waits for and keeps images across a reset', () => {
    const clicked = routeDecoded(NO_DECODED_IMAGES, { ...click, image: image(1) }, click, null);
    expect(routeDecoded(clicked, { x: 9, y: 9, image: image(3) }, click, null)).toEqual(clicked);
    expect(routeDecoded(clicked, null, click, null)).toBe(clicked);
  });
});

describe('imageFor', () => {
  it('shows an image only for the point it was decoded from', () => {
    const decoded = { x: 1, y: 2, image: image(4) };
    expect(imageFor({ x: 1, y: 2 }, decoded)).toBe(decoded.image);
    expect(imageFor({ x: 1, y: 3 }, decoded)).toBeNull();
    expect(imageFor(null, decoded)).toBeNull();
  });
});
