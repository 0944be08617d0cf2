/**
 * Scores kept runs' best weights on their test split at the table's one evaluation noise, in the
 * background: one run at a time, in chunks with yield points between, so commands and training go
 * on meanwhile. A new noise stops the run being scored and scores every run again at it.
 */
import type { EmitEvent } from '../../shared/protocol';
import {
  DEFAULT_EVALUATION_NOISE,
  sameNoise,
  type EvaluationNoise,
  type KeptRunMetrics,
} from '../../shared/runs';
import { Cancelled, isCancelled, type YieldPoint } from '../control/cancellation';
import { computeImageMetrics } from '../metrics/imageMetrics';
import { EVAL_CHUNK_SIZE, forwardInChunks } from '../training/chunkedEval';
import type { EvaluationInputs } from './evaluationInputs';
import { keptModel, type KeptRun, type KeptRuns } from './keptRuns';
import { messageOf } from '../../shared/errorMessage';

export class KeptRunEvaluation {
  private noiseValue: EvaluationNoise = DEFAULT_EVALUATION_NOISE;
  /** Runs still to score at the current noise, in the order asked. */
  private readonly waiting = new Set<string>();
  private loop: Promise<void> | null = null;
  /** Bumped by a new noise: the run being scored stops at its next yield point. */
  private noiseChanges = 0;

  constructor(
    private readonly runs: KeptRuns,
    private readonly inputs: EvaluationInputs,
    private readonly yieldToEvents: () => Promise<void>,
  ) {}

  get noise(): EvaluationNoise {
    return this.noiseValue;
  }

  /** Scores every kept run again when `noise` differs from the current one. */
  setNoise(noise: EvaluationNoise, emit: EmitEvent): void {
    if (sameNoise(noise, this.noiseValue)) return;
    this.noiseValue = noise;
    this.noiseChanges += 1;
    this.runs.list().forEach((run) => this.waiting.add(run.summary.runId));
    this.kick(emit);
  }

  /** Scores the run at the current noise unless it already has metrics at it. */
  evaluate(runId: string, emit: EmitEvent): void {
    const metrics = this.runs.get(runId)?.summary.metrics;
    if (metrics && sameNoise(metrics.noise, this.noiseValue)) return;
    this.waiting.add(runId);
    this.kick(emit);
  }

  forget(runId: string): void {
    this.waiting.delete(runId);
  }

  private kick(emit: EmitEvent): void {
    if (this.loop) return;
    this.loop = this.drain(emit).finally(() => {
      this.loop = null;
      // Asked for while the loop was ending.
      if (this.waiting.size > 0) this.kick(emit);
    });
  }

  private async drain(emit: EmitEvent): Promise<void> {
    try {
      for (let runId = this.next(); runId !== undefined; runId = this.next()) {
        this.waiting.delete(runId);
        const run = this.runs.get(runId);
        if (!run) continue;
        const noise = this.noiseValue;
        const changesAtStart = this.noiseChanges;
        const between = async () => {
          await this.yieldToEvents();
          if (this.noiseChanges !== changesAtStart) throw new Cancelled();
        };
        try {
          const metrics = await this.score(run, noise, between);
          // Deleted meanwhile: nobody shows it any more.
          if (!this.runs.get(runId)) continue;
          this.runs.setMetrics(runId, metrics);
          emit({ type: 'keptRunEvaluated', runId, metrics });
        } catch (error) {
          // A new noise asked for every run again; anything else is reported and the run skipped.
          if (isCancelled(error)) continue;
          const reason = messageOf(error);
          emit({ type: 'failed', message: `Could not score kept run "${run.summary.name}": ${reason}` });
        }
      }
    } finally {
      this.inputs.dispose();
    }
  }

  private next(): string | undefined {
    return this.waiting.values().next().value;
  }

  private async score(run: KeptRun, noise: EvaluationNoise, between: YieldPoint): Promise<KeptRunMetrics> {
    const { clean, noisy } = await this.inputs.pairFor(run.summary.config, noise);
    const model = keptModel(run);
    try {
      const output = await forwardInChunks(
        noisy,
        (chunk) => model.forward(chunk, { training: false }).reconstruction,
        between,
      );
      try {
        const { mse, psnr, ssim } = await computeImageMetrics(clean, output, EVAL_CHUNK_SIZE, between);
        return { noise, mse, psnr, ssim, testCount: clean.shape[0] };
      } finally {
        output.dispose();
      }
    } finally {
      model.dispose();
    }
  }
}
