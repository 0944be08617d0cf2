import { describe, expect, it } from 'vitest';
import { COUNTER_RANDOM_WGSL, hash32, randomUint32, randomUniform } from './counterRandom';

describe('the counter-based generator', () => {
  it('is lowbias32, the published constants, on both sides', () => {
    expect(hash32(0)).toBe(0);
    expect(hash32(1)).not.toBe(hash32(2));
    expect(COUNTER_RANDOM_WGSL).toContain('0x7feb352du');
    expect(COUNTER_RANDOM_WGSL).toContain('0x846ca68bu');
    for (const value of [1, 0xffffffff, 123456789]) expect(hash32(value)).toBeLessThanOrEqual(0xffffffff);
  });

  it('is a pure function of (seed, stream, counter)', () => {
    expect(randomUint32(7, 0, 42)).toBe(randomUint32(7, 0, 42));
    expect(randomUint32(7, 0, 42)).not.toBe(randomUint32(8, 0, 42));
    expect(randomUint32(7, 0, 42)).not.toBe(randomUint32(7, 1, 42));
    expect(randomUint32(7, 0, 42)).not.toBe(randomUint32(7, 0, 43));
  });

  it('draws uniform [0, 1) values: mean, spread, and no correlation between streams', () => {
    const count = 200_000;
    let sum = 0;
    let squares = 0;
    let cross = 0;
    const buckets = new Array(10).fill(0);
    for (let i = 0; i < count; i++) {
      const u = randomUniform(3, 0, i);
      const v = randomUniform(3, 1, i);
      expect(u >= 0 && u < 1).toBe(true);
      sum += u;
      squares += u * u;
      cross += (u - 0.5) * (v - 0.5);
      buckets[Math.floor(u * 10)] += 1;
    }
    expect(sum / count).toBeCloseTo(0.5, 2);
    expect(squares / count - (sum / count) ** 2).toBeCloseTo(1 / 12, 3);
    expect(Math.abs(cross / count)).toBeLessThan(0.002);
    for (const bucket of buckets) expect(Math.abs(bucket / count - 0.1)).toBeLessThan(0.004);
  });
});
