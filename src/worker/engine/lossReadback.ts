/**
 * Reads the GPU's loss ring back at most once per animation frame, and paces the training loop:
 * it never lets more steps queue on the GPU than finish in ~50 ms, so pause, reset and panel
 * requests are served within a step whether a step takes 1 ms (a real GPU) or 5 s (SwiftShader).
 * A step slower than that runs alone: the loop waits for it before encoding the next, because a
 * reset must wait for every queued step (the GPU runs its queue in order) and a second queued step
 * of 5 s made a reset take 16 s, while it saves nothing when encoding takes under a millisecond.
 */
import type { BatchLoss } from '../../shared/protocol';

/** One display frame: the page cannot show losses faster than this. */
export const READBACK_INTERVAL_MS = 16;
/** GPU work allowed to queue behind the step being encoded. */
const QUEUED_WORK_TARGET_MS = 50;
const MAX_STEPS_IN_FLIGHT = 32;

export class LossReadback {
  private mapping: Promise<void> | null = null;
  private completed = 0;
  private lastCopyMs = -Infinity;
  private ready: BatchLoss[] = [];
  /** Steps allowed on the GPU besides the newest; 0 (one at a time) until a step has been timed. */
  private limit = 0;
  private lastCompletion: { atMs: number; step: number } | null = null;

  constructor(
    private readonly staging: GPUBuffer,
    private readonly ringSize: number,
  ) {}

  /** Steps whose losses have been read: the GPU has finished them. */
  get completedSteps(): number {
    return this.completed;
  }

  /** Whether the step about to be encoded should also copy the ring (step count after it given). */
  wantsCopy(submittedAfter: number): boolean {
    if (this.mapping) return false;
    return (
      performance.now() - this.lastCopyMs >= READBACK_INTERVAL_MS ||
      submittedAfter - this.completed > this.limit
    );
  }

  /** Call right after submitting a command buffer that copied the ring, with the steps it covers. */
  startMapping(upToStep: number): void {
    this.lastCopyMs = performance.now();
    this.mapping = this.staging.mapAsync(GPUMapMode.READ).then(() => {
      const ring = new Float32Array(this.staging.getMappedRange());
      for (let step = this.completed; step < upToStep; step++) {
        this.ready.push({ step: step + 1, loss: ring[step % this.ringSize] });
      }
      this.staging.unmap();
      this.adaptLimit(upToStep);
      this.completed = upToStep;
      this.mapping = null;
    });
  }

  /** Waits until at most `limit` submitted steps are unfinished; `copyNow` encodes a ring copy. */
  async pace(submitted: number, copyNow: () => void): Promise<void> {
    while (submitted - this.completed > this.limit) {
      if (!this.mapping) copyNow();
      await this.mapping;
    }
  }

  /** Waits for every submitted step and returns all losses not yet taken. */
  async drain(submitted: number, copyNow: () => void): Promise<BatchLoss[]> {
    while (this.completed < submitted) {
      if (!this.mapping) copyNow();
      await this.mapping;
    }
    return this.take();
  }

  take(): BatchLoss[] {
    const losses = this.ready;
    this.ready = [];
    return losses;
  }

  /** Keeps ~50 ms of GPU work queued: deep on fast GPUs, none behind the running step on slow ones. */
  private adaptLimit(upToStep: number): void {
    const now = performance.now();
    const previous = this.lastCompletion;
    this.lastCompletion = { atMs: now, step: upToStep };
    if (!previous || upToStep <= previous.step || now <= previous.atMs) return;
    const msPerStep = (now - previous.atMs) / (upToStep - previous.step);
    this.limit = Math.max(0, Math.min(MAX_STEPS_IN_FLIGHT, Math.floor(QUEUED_WORK_TARGET_MS / msPerStep)));
  }
}
