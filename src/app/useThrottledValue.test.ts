import { describe, expect, it } from 'vitest';
import { throttleDelayMs } from './useThrottledValue';

describe('throttleDelayMs', () => {
  it('shows at once the first time and after a quiet spell', () => {
    expect(throttleDelayMs(-Infinity, 10, 500)).toBe(0);
    expect(throttleDelayMs(1000, 1600, 500)).toBe(0);
  });
  it('waits out the rest of the interval after a recent update', () => {
    expect(throttleDelayMs(1000, 1200, 500)).toBe(300);
  });
});
