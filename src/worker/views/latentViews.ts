/**
 * The latent views: the test codes on the plane, the decoded manifold of that plane and the
 * clicked point. A latent larger than 2-D is shown on its PCA plane; the projection last sent
 * is kept per run, so a click decodes through the same inverse projection the scatter shows.
 */
import * as tf from '@tensorflow/tfjs';
import type { EmitEvent, LatentBounds, LatentPoint } from '../../shared/protocol';
import { manifoldGridPoints, occupiedBounds } from '../../shared/manifold';
import type { YieldPoint } from '../control/cancellation';
import { mapInChunks } from '../training/chunkedEval';
import type { TrainingSession } from '../training/trainingSession';
import { fitProjection, projectCodes, unprojectPoints, type LatentProjection } from './latentProjection';

const shownProjection = new WeakMap<TrainingSession, LatentProjection>();

async function latentCodes(session: TrainingSession, between?: YieldPoint): Promise<Float32Array> {
  return mapInChunks(session.splits.testImages, (chunk) => session.evaluationModel().encode(chunk), between);
}

/** The projection the scatter shows, fitted now when it has not been drawn yet; null for a 2-D latent. */
async function projectionOf(session: TrainingSession): Promise<LatentProjection | null> {
  const { latentSize } = session.evaluationModel();
  if (latentSize <= 2) return null;
  const shown = shownProjection.get(session);
  if (shown) return shown;
  const fitted = await fitProjection(await latentCodes(session), latentSize);
  shownProjection.set(session, fitted);
  return fitted;
}

/** Plane points (rows×2) to latent codes, on the device. */
function planeToLatent(points: tf.Tensor2D, projection: LatentProjection | null): tf.Tensor2D {
  return projection ? unprojectPoints(points, projection) : points;
}

/** Sends the test set's plane coordinates and returns the box they occupy (read before the transfer). */
async function emitLatentCodes(
  session: TrainingSession,
  emit: EmitEvent,
  between: YieldPoint,
): Promise<LatentBounds> {
  const { latentSize } = session.evaluationModel();
  const raw = await latentCodes(session, between);
  let codes = raw;
  let projection = null;
  if (latentSize > 2) {
    const fitted = await fitProjection(raw, latentSize);
    shownProjection.set(session, fitted);
    codes = projectCodes(raw, fitted);
    projection = { latentSize, explainedVariance: fitted.explainedVariance };
  }
  const bounds = occupiedBounds(codes);
  const labels = session.splits.testLabels.slice(0, session.splits.testCount);
  emit({ type: 'latentCodesComputed', epoch: session.weightsEpoch, codes, labels, projection }, [
    codes.buffer,
    labels.buffer,
  ]);
  return bounds;
}

export async function emitLatentViews(
  session: TrainingSession,
  manifoldGridSize: number,
  emit: EmitEvent,
  between: YieldPoint,
): Promise<void> {
  const bounds = await emitLatentCodes(session, emit, between);
  const projection = await projectionOf(session);
  const points = manifoldGridPoints(bounds, manifoldGridSize);
  const decoded = tf.tidy(() => {
    const plane = tf.tensor2d(points, [manifoldGridSize * manifoldGridSize, 2]);
    return session.evaluationModel().decode(planeToLatent(plane, projection));
  });
  const images = (await decoded.data()) as Float32Array;
  decoded.dispose();
  emit({ type: 'manifoldDecoded', gridSize: manifoldGridSize, bounds, images }, [images.buffer]);
}

export async function emitDecodedPoint(
  session: TrainingSession,
  { x, y }: LatentPoint,
  emit: EmitEvent,
): Promise<void> {
  const projection = await projectionOf(session);
  const decoded = tf.tidy(() =>
    session.evaluationModel().decode(planeToLatent(tf.tensor2d([[x, y]]), projection)),
  );
  const image = (await decoded.data()) as Float32Array;
  decoded.dispose();
  emit({ type: 'latentDecoded', x, y, image }, [image.buffer]);
}
