import { describe, expect, it } from 'vitest';
import { rangesOfRelayout } from './planeView';

const drawn = { x: [0, 10] as [number, number], y: [-1, 1] as [number, number] };

describe('rangesOfRelayout', () => {
  it('takes a pan’s ranges, filling in the axes it leaves out from the drawn ones', () => {
    expect(rangesOfRelayout({ 'xaxis.range[0]': 2, 'xaxis.range[1]': 12 }, drawn)).toEqual({
      x: [2, 12],
      y: [-1, 1],
    });
  });

  it('is null for events that move no range, and without a drawn plot', () => {
    expect(rangesOfRelayout({ 'xaxis.autorange': true }, drawn)).toBeNull();
    expect(rangesOfRelayout(null, drawn)).toBeNull();
    expect(rangesOfRelayout({ 'xaxis.range[0]': 2 }, null)).toBeNull();
  });
});
