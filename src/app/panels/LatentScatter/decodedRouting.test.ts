import { describe, expect, it } from 'vitest';
import { routeClicked } from './decodedRouting';

const image = (value: number) => new Float32Array(784).fill(value);

describe('routeClicked', () => {
  const click = { x: 0.5, y: -1.25 };

  it('shows the answer for the current click', () => {
    expect(routeClicked(null, { ...click, image: image(1) }, click)?.image[0]).toBe(1);
  });

  it('ignores answers for an older click and keeps the image across a reset', () => {
    const shown = { ...click, image: image(1) };
    expect(routeClicked(shown, { x: 9, y: 9, image: image(3) }, click)).toBe(shown);
    expect(routeClicked(shown, null, click)).toBe(shown);
  });
});
