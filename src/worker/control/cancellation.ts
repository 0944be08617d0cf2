/**
 * Long work (the training loop, the epoch-end evaluation and view refresh) awaits a yield point
 * between its chunks: a macrotask, so queued commands run, then a check that none of them
 * cancelled the work. Pause and reset cancel; the work stops at its next chunk boundary.
 */

/** Thrown at a yield point of cancelled work; callers treat it as a normal stop, not a failure. */
export class Cancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'Cancelled';
  }
}

export function isCancelled(error: unknown): error is Cancelled {
  return error instanceof Cancelled;
}

/** Awaited between chunks: lets queued commands in, then throws Cancelled if one cancelled the work. */
export type YieldPoint = () => Promise<void>;

/** For work nobody cancels (tests, the benchmark): chunks still run one after another. */
export const NEVER_CANCELLED: YieldPoint = () => Promise.resolve();

/** Work begun through a scope is cancelled together by the scope's `cancel`. */
export class CancelScope {
  private generation = 0;

  constructor(private readonly yieldToEvents: () => Promise<void>) {}

  /** Cancels every piece of work begun before now. */
  cancel(): void {
    this.generation += 1;
  }

  /** The yield point of work beginning now. */
  begin(): YieldPoint {
    const started = this.generation;
    return async () => {
      await this.yieldToEvents();
      if (this.generation !== started) throw new Cancelled();
    };
  }
}
