import { describe, expect, it } from 'vitest';
import { createRandom, shuffleInPlace } from './random';

describe('createRandom', () => {
  it('repeats its sequence for the same seed and differs for another', () => {
    const draw = (seed: number) => {
      const random = createRandom(seed);
      return Array.from({ length: 5 }, () => random.nextUint32());
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it('gives floats in [0, 1) with a mean near 1/2 and 31-bit seeds', () => {
    const random = createRandom(7);
    const floats = Array.from({ length: 20000 }, () => random.nextFloat());
    expect(Math.min(...floats)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...floats)).toBeLessThan(1);
    expect(floats.reduce((a, b) => a + b, 0) / floats.length).toBeCloseTo(0.5, 1);
    for (let i = 0; i < 100; i++) {
      const seed = random.nextSeed();
      expect(Number.isInteger(seed) && seed >= 0 && seed < 2 ** 31).toBe(true);
    }
  });
});

describe('shuffleInPlace', () => {
  it('permutes deterministically for a seed', () => {
    const shuffled = (seed: number) => {
      const order = Int32Array.from({ length: 100 }, (_, i) => i);
      shuffleInPlace(order, createRandom(seed));
      return Array.from(order);
    };
    const order = shuffled(1);
    expect([...order].sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(order).toEqual(shuffled(1));
    expect(order).not.toEqual(shuffled(2));
  });

  it('puts every element everywhere with roughly equal frequency', () => {
    const random = createRandom(3);
    const counts = [0, 0, 0, 0];
    for (let trial = 0; trial < 8000; trial++) {
      const items = [0, 1, 2, 3];
      shuffleInPlace(items, random);
      counts[items[0]] += 1;
    }
    for (const count of counts) expect(Math.abs(count - 2000)).toBeLessThan(200);
  });
});
