/**
 * Calls `deliver` with the latest value at most once per frame: a dragged slider or a moving
 * hover updates the screen at once while the worker gets one request per frame, not hundreds.
 */
export type ScheduleFrame = (callback: () => void) => unknown;

/** A hidden tab gets no animation frames; its requests go out after this delay instead. */
export const HIDDEN_TAB_DELAY_MS = 100;

/** The next animation frame, or HIDDEN_TAB_DELAY_MS where frames stop, whichever comes first. */
export const nextFrameOrDelay: ScheduleFrame = (callback) => {
  let called = false;
  const once = () => {
    if (called) return;
    called = true;
    cancelAnimationFrame(frame);
    clearTimeout(timer);
    callback();
  };
  const frame = requestAnimationFrame(once);
  const timer = setTimeout(once, HIDDEN_TAB_DELAY_MS);
};

export function frameThrottle<T>(
  deliver: (value: T) => void,
  scheduleFrame: ScheduleFrame = nextFrameOrDelay,
): (value: T) => void {
  let pending: { value: T } | null = null;
  return (value) => {
    const alreadyScheduled = pending !== null;
    pending = { value };
    if (alreadyScheduled) return;
    scheduleFrame(() => {
      const latest = pending;
      pending = null;
      if (latest) deliver(latest.value);
    });
  };
}
