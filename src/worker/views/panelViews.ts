/**
 * What the panels show, computed from the current model in eval mode and the page's view
 * request: the reconstruction grid, the robustness strip and curve, test metrics, latent codes
 * with the manifold, and the clicked latent point. Noise for display is seeded per noise level,
 * so moving the slider back shows the same images.
 */
import * as tf from '@tensorflow/tfjs';
import type { NoiseType } from '../../shared/config';
import { assertNever, type EmitEvent, type ImageTriplets } from '../../shared/protocol';
import type { ViewRequest } from '../../shared/viewRequest';
import type { YieldPoint } from '../control/cancellation';
import { computeImageMetrics, psnrPerImage } from '../metrics/imageMetrics';
import { EVAL_CHUNK_SIZE } from '../training/chunkedEval';
import { addNoise } from '../training/noise';
import type { TrainingSession } from '../training/trainingSession';
import type { RunComparer } from '../runs/runComparer';
import { emitFeatureMaps } from './featureMaps';
import { emitDecodedPoint, emitLatentViews } from './latentViews';

/** The views a redraw computes; each depends on the model and on some fields of the request. */
export const VIEW_PARTS = ['grid', 'robustness', 'metrics', 'latent', 'decodedPoint', 'comparison'] as const;
export type ViewPart = (typeof VIEW_PARTS)[number];

export const ROBUSTNESS_CURVE_LEVELS = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1];
/** The PSNR curve uses at most this many test images: 11 noise levels must stay quick. */
const ROBUSTNESS_CURVE_IMAGES = 500;

/** What views are drawn from: the current run, and the comparer that also reaches kept runs. */
export interface ViewSources {
  session: TrainingSession;
  comparer: RunComparer;
}

/** Draws one view of the session's model as `request` asks, and emits it. */
export async function drawView(
  { session, comparer }: ViewSources,
  request: ViewRequest,
  part: ViewPart,
  emit: EmitEvent,
  between: YieldPoint,
): Promise<void> {
  const noiseType = request.evalNoiseType ?? session.config.noiseType;
  switch (part) {
    case 'grid':
      await emitGrid(session, request.gridTestIndices, request.evalNoiseLevel, noiseType, emit);
      // The grid's first image is the chosen one: brushing the scatter chooses another.
      if (request.gridTestIndices.length > 0)
        await emitFeatureMaps(session, request.gridTestIndices[0], emit);
      return;
    case 'robustness':
      return emitRobustness(session, request.stripNoiseLevels, noiseType, emit, between);
    case 'metrics':
      return emitMetrics(session, emit, between);
    case 'latent':
      return emitLatentViews(session, request.manifoldGridSize, emit, between);
    case 'decodedPoint':
      // No point clicked yet: nothing to decode.
      if (request.latentPoint) await emitDecodedPoint(session, request.latentPoint, emit);
      return;
    case 'comparison':
      return comparer.draw(session, request, emit);
    default:
      assertNever(part);
  }
}

function displayNoiseSeed(session: TrainingSession, noiseLevel: number): number {
  return session.config.seed * 1000 + Math.round(noiseLevel * 100) + 17;
}

async function triplets(
  session: TrainingSession,
  testIndices: readonly number[],
  levels: readonly number[],
  noiseType: NoiseType,
): Promise<ImageTriplets> {
  const tensors = tf.tidy(() => {
    const clean = tf.gather(session.splits.testImages, tf.tensor1d([...testIndices], 'int32'));
    const noisy = tf.concat(
      levels.map((level, i) =>
        addNoise(clean.slice([i, 0], [1, -1]), noiseType, level, displayNoiseSeed(session, level) + i),
      ),
    );
    return [clean, noisy, session.evaluationModel().forward(noisy, { training: false }).reconstruction];
  });
  const [originals, noisy, reconstructions] = await Promise.all(
    tensors.map((t) => t.data() as Promise<Float32Array>),
  );
  tensors.forEach((t) => t.dispose());
  return { testIndices: [...testIndices], noiseLevels: [...levels], originals, noisy, reconstructions };
}

async function emitGrid(
  session: TrainingSession,
  testIndices: readonly number[],
  noiseLevel: number,
  noiseType: NoiseType,
  emit: EmitEvent,
) {
  const valid = testIndices.filter((i) => i >= 0 && i < session.splits.testCount);
  const result = await triplets(
    session,
    valid,
    valid.map(() => noiseLevel),
    noiseType,
  );
  emit({ type: 'reconstructionsComputed', purpose: 'grid', ...result }, transfers(result));
}

async function emitRobustness(
  session: TrainingSession,
  stripNoiseLevels: readonly number[],
  noiseType: NoiseType,
  emit: EmitEvent,
  between: YieldPoint,
) {
  // Test image 0 at every level of the strip.
  const strip = await triplets(
    session,
    stripNoiseLevels.map(() => 0),
    stripNoiseLevels,
    noiseType,
  );
  emit({ type: 'reconstructionsComputed', purpose: 'robustness', ...strip }, transfers(strip));
  // PSNR only (SSIM over 11 levels costs minutes on software WebGPU), one pass a level with a
  // yield point between, so a pause waits for one pass, not eleven.
  const count = Math.min(ROBUSTNESS_CURVE_IMAGES, session.splits.testCount);
  const images = session.splits.testImages.slice([0, 0], [count, -1]);
  const psnr: number[] = [];
  try {
    for (const level of ROBUSTNESS_CURVE_LEVELS) {
      if (psnr.length > 0) await between();
      const meanPsnr = tf.tidy(() => {
        const noisy = addNoise(images, noiseType, level, displayNoiseSeed(session, level));
        const reconstruction = session.evaluationModel().forward(noisy, { training: false }).reconstruction;
        return psnrPerImage(images, reconstruction).mean();
      });
      psnr.push((await meanPsnr.data().finally(() => meanPsnr.dispose()))[0]);
    }
  } finally {
    images.dispose();
  }
  emit({
    type: 'robustnessCurveComputed',
    epoch: session.weightsEpoch,
    noiseLevels: ROBUSTNESS_CURVE_LEVELS,
    psnr,
  });
}

/** The test metrics: all test images, noisy at the training noise level. */
async function emitMetrics(session: TrainingSession, emit: EmitEvent, between: YieldPoint) {
  const metrics = await computeImageMetrics(
    session.splits.testImages,
    await session.testReconstruction(between),
    EVAL_CHUNK_SIZE,
    between,
  );
  emit({ type: 'metricsComputed', epoch: session.weightsEpoch, ...metrics });
}

function transfers(t: ImageTriplets): Transferable[] {
  return [t.originals.buffer, t.noisy.buffer, t.reconstructions.buffer];
}
