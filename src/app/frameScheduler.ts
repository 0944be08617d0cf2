/**
 * Spreads the panels' drawing (Plotly redraws, canvas draws) over animation frames, so the burst
 * of updates at an epoch end never becomes one long main-thread task. After each frame, one task
 * runs queued jobs: a heavy job (a Plotly redraw, tens of ms) runs alone in its task, at most one
 * per frame, while dozens of light jobs (small canvas draws) share a task until a time budget is
 * spent. Jobs are keyed: a newer job for a key replaces a pending one in place, so only the latest
 * figure of a chart is ever drawn and nothing piles up.
 */
export interface SchedulerHost {
  /** Calls back before the next frame is drawn (requestAnimationFrame). */
  requestFrame(callback: () => void): void;
  /** Calls back in a task of its own (not inside the frame's rendering task). */
  runTask(callback: () => void): void;
  now(): number;
  reportError(error: unknown): void;
}

/** 'heavy': runs alone in a task of its own, one a frame; 'light': shares a task with others. */
export type JobWeight = 'light' | 'heavy';

export interface FrameScheduler {
  schedule(key: object, job: () => void, weight?: JobWeight): void;
  cancel(key: object): void;
  readonly pendingCount: number;
}

/** A frame's share of the main thread for light jobs; the first job of a task always runs. */
export const DRAW_BUDGET_MS = 8;

export function createFrameScheduler(host: SchedulerHost, budgetMs = DRAW_BUDGET_MS): FrameScheduler {
  const pending = new Map<object, { job: () => void; weight: JobWeight }>();
  let requested = false;

  function run(key: object, job: () => void): void {
    pending.delete(key);
    try {
      job();
    } catch (error) {
      host.reportError(error);
    }
  }

  /** The first queued job decides the task: a heavy one alone, else light ones up to the budget. */
  function runSlice(): void {
    requested = false;
    const first = pending.entries().next();
    if (!first.done && first.value[1].weight === 'heavy') {
      run(first.value[0], first.value[1].job);
    } else {
      const startMs = host.now();
      for (const [key, { job, weight }] of pending) {
        if (weight === 'heavy') continue;
        run(key, job);
        if (host.now() - startMs >= budgetMs) break;
      }
    }
    if (pending.size > 0) requestSlice();
  }

  function requestSlice(): void {
    if (requested) return;
    requested = true;
    host.requestFrame(() => host.runTask(runSlice));
  }

  return {
    schedule(key, job, weight = 'light') {
      // Map.set keeps a replaced key's place: a chart redrawn often is not starved by others.
      pending.set(key, { job, weight });
      requestSlice();
    },
    cancel(key) {
      pending.delete(key);
    },
    get pendingCount() {
      return pending.size;
    },
  };
}

function browserHost(): SchedulerHost {
  const channel = new MessageChannel();
  const callbacks: (() => void)[] = [];
  channel.port1.onmessage = () => callbacks.shift()?.();
  return {
    requestFrame: (callback) => requestAnimationFrame(() => callback()),
    runTask: (callback) => {
      callbacks.push(callback);
      channel.port2.postMessage(null);
    },
    now: () => performance.now(),
    reportError: (error) => reportError(error),
  };
}

let shared: FrameScheduler | null = null;

/** The page's one scheduler: every panel's drawing shares the same frame budget. */
export function drawScheduler(): FrameScheduler {
  shared ??= createFrameScheduler(browserHost());
  return shared;
}
