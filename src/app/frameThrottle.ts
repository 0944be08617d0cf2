/**
 * Calls `deliver` with the latest value at most once per frame: a dragged slider or a moving
 * hover updates the screen at once while the worker gets one request per frame, not hundreds.
 */
export type ScheduleFrame = (callback: () => void) => unknown;

const nextAnimationFrame: ScheduleFrame = (callback) => requestAnimationFrame(() => callback());

export function frameThrottle<T>(
  deliver: (value: T) => void,
  scheduleFrame: ScheduleFrame = nextAnimationFrame,
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
