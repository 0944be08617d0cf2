/**
 * A value that follows `value` at most once per `intervalMs`, always ending on the latest: a
 * chart fed per training batch redraws a few times a second, not every frame on a fast GPU.
 */
import { useEffect, useRef, useState } from 'react';

/** How long to wait before showing a new value, given when the last one was shown. */
export function throttleDelayMs(lastShownMs: number, nowMs: number, intervalMs: number): number {
  return Math.max(0, lastShownMs + intervalMs - nowMs);
}

export function useThrottledValue<T>(value: T, intervalMs: number): T {
  const [shown, setShown] = useState(value);
  const lastShownMs = useRef(-Infinity);
  useEffect(() => {
    if (Object.is(value, shown)) return;
    const timer = setTimeout(
      () => {
        lastShownMs.current = performance.now();
        setShown(() => value);
      },
      throttleDelayMs(lastShownMs.current, performance.now(), intervalMs),
    );
    return () => clearTimeout(timer);
  }, [value, shown, intervalMs]);
  return shown;
}
