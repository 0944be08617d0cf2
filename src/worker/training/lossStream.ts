/**
 * The run's batch losses on their way to the page: buffered, sent at most every
 * LOSS_FLUSH_INTERVAL_MS, summed for the epoch's mean, and checked: a non-finite loss is never
 * charted, it stops the run (the handler then restores a checkpoint).
 */
import type { BatchLoss } from '../../shared/protocol';
import { TrainingDiverged } from './trainingDiverged';

/** How often batch losses are sent to the page while training (they are also sent at epoch end). */
const LOSS_FLUSH_INTERVAL_MS = 200;

export class LossStream {
  private pending: BatchLoss[] = [];
  private lastFlushMs = 0;
  private poisonNext = false;
  /** The current epoch's sum of (finite) losses, for its mean. */
  epochLossSum = 0;
  /** Set by the first non-finite loss: the error that ends the run. */
  divergence: TrainingDiverged | null = null;

  /** `send` posts a batch of losses to the page. */
  constructor(private readonly send: (losses: BatchLoss[]) => void) {}

  /** Makes the next recorded loss NaN, as a divergence would (a test hook). */
  poisonNextLoss(): void {
    this.poisonNext = true;
  }

  record(losses: BatchLoss[]): void {
    if (this.poisonNext && losses.length > 0) {
      this.poisonNext = false;
      losses = [{ ...losses[0], loss: NaN }, ...losses.slice(1)];
    }
    for (const record of losses) {
      if (!Number.isFinite(record.loss)) {
        this.divergence ??= new TrainingDiverged(record.step, record.loss);
        continue;
      }
      this.epochLossSum += record.loss;
      this.pending.push(record);
    }
  }

  flushIfDue(): void {
    if (performance.now() - this.lastFlushMs > LOSS_FLUSH_INTERVAL_MS) this.flush();
  }

  flush(): void {
    this.lastFlushMs = performance.now();
    if (this.pending.length === 0) return;
    const losses = this.pending;
    this.pending = [];
    this.send(losses);
  }
}
