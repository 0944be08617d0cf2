/**
 * The comparison view: the same noisy test images (the grid's, at the table's evaluation noise)
 * reconstructed by each compared run, kept or current, with each run's PSNR on them.
 */
import * as tf from '@tensorflow/tfjs';
import { IMAGE_PIXELS } from '../../shared/dataset';
import type { EmitEvent } from '../../shared/protocol';
import { CURRENT_RUN_ID, type ComparedReconstructions, type RunComparison } from '../../shared/runs';
import type { ViewRequest } from '../../shared/viewRequest';
import type { Autoencoder } from '../model/autoencoder';
import { psnrPerImage } from '../metrics/imageMetrics';
import { addNoise } from '../training/noise';
import type { TrainingSession } from '../training/trainingSession';
import { RUNS_NOISE_SEED, type TestSplitSource } from './evaluationInputs';
import { keptModel, type KeptRuns } from './keptRuns';

interface ComparedModel {
  runId: string;
  dataset: string;
  model(): Autoencoder;
  /** Whether the caller disposes the model (a kept run's) or not (the current run's). */
  owned: boolean;
}

export class RunComparer {
  constructor(
    private readonly runs: KeptRuns,
    private readonly testSplit: TestSplitSource,
  ) {}

  /** Emits the comparison `request` asks for; nothing when it names no run that exists. */
  async draw(session: TrainingSession, request: ViewRequest, emit: EmitEvent): Promise<void> {
    const compared = request.comparedRuns.flatMap((runId) => this.comparedModel(session, runId));
    if (compared.length === 0) return;
    const runIds = compared.map((entry) => entry.runId);
    const base = { runIds, noise: request.runsNoise, testIndices: [], rows: [] };
    const empty = { ...base, originals: new Float32Array(0), noisy: new Float32Array(0) };
    const datasets = [...new Set(compared.map((entry) => entry.dataset))];
    if (datasets.length > 1) {
      const problem = `These runs trained on different datasets (${datasets.join(', ')}): compare runs of one dataset.`;
      return emit({ type: 'runsCompared', ...empty, problem });
    }
    const clean = await this.cleanImages(session, compared, request.gridTestIndices);
    if (clean.testIndices.length === 0) return clean.images.dispose();
    try {
      const comparison = await this.compare(clean.images, compared, request);
      emit(
        { type: 'runsCompared', ...comparison, runIds, testIndices: clean.testIndices },
        transfers(comparison),
      );
    } finally {
      clean.images.dispose();
    }
  }

  private comparedModel(session: TrainingSession, runId: string): ComparedModel[] {
    if (runId === CURRENT_RUN_ID) {
      return [
        { runId, dataset: session.config.dataset, model: () => session.evaluationModel(), owned: false },
      ];
    }
    const run = this.runs.get(runId);
    return run
      ? [{ runId, dataset: run.summary.config.dataset, model: () => keptModel(run), owned: true }]
      : [];
  }

  /** The current run's test images when the runs share its dataset, else the kept run's test split. */
  private async cleanImages(
    session: TrainingSession,
    compared: ComparedModel[],
    wanted: readonly number[],
  ): Promise<{ images: tf.Tensor2D; testIndices: number[] }> {
    const kept = compared.map((entry) => this.runs.get(entry.runId)).find((run) => run !== undefined);
    if (!kept || kept.summary.config.dataset === session.config.dataset) {
      const testIndices = wanted.filter((i) => i >= 0 && i < session.splits.testCount);
      const indices = tf.tensor1d(testIndices, 'int32');
      const images = tf.gather(session.splits.testImages, indices);
      indices.dispose();
      return { images, testIndices };
    }
    const split = await this.testSplit(kept.summary.config.dataset, kept.summary.config.testSubset);
    const testIndices = wanted.filter((i) => i >= 0 && i < split.count);
    const pixels = new Float32Array(testIndices.length * IMAGE_PIXELS);
    testIndices.forEach((testIndex, row) =>
      pixels.set(
        split.images.subarray(testIndex * IMAGE_PIXELS, (testIndex + 1) * IMAGE_PIXELS),
        row * IMAGE_PIXELS,
      ),
    );
    return { images: tf.tensor2d(pixels, [testIndices.length, IMAGE_PIXELS]), testIndices };
  }

  private async compare(
    clean: tf.Tensor2D,
    compared: ComparedModel[],
    request: ViewRequest,
  ): Promise<Omit<RunComparison, 'runIds' | 'testIndices'>> {
    const { type, level } = request.runsNoise;
    const noisy = addNoise(clean, type, level, RUNS_NOISE_SEED);
    try {
      const rows: ComparedReconstructions[] = [];
      for (const entry of compared) {
        const model = entry.model();
        try {
          const [output, psnr] = tf.tidy(() => {
            const reconstruction = model.forward(noisy, { training: false }).reconstruction;
            return [reconstruction, psnrPerImage(clean, reconstruction).mean()];
          });
          const [reconstructions, meanPsnr] = await Promise.all([output.data(), psnr.data()]);
          output.dispose();
          psnr.dispose();
          rows.push({
            runId: entry.runId,
            reconstructions: reconstructions as Float32Array,
            psnr: meanPsnr[0],
          });
        } finally {
          if (entry.owned) model.dispose();
        }
      }
      const [originals, noisyValues] = await Promise.all([clean.data(), noisy.data()]);
      return {
        noise: request.runsNoise,
        originals: originals as Float32Array,
        noisy: noisyValues as Float32Array,
        rows,
        problem: null,
      };
    } finally {
      noisy.dispose();
    }
  }
}

function transfers(comparison: Pick<RunComparison, 'originals' | 'noisy' | 'rows'>): Transferable[] {
  return [
    comparison.originals.buffer,
    comparison.noisy.buffer,
    ...comparison.rows.map((row) => row.reconstructions.buffer),
  ];
}
