/** The conv preset's bottleneck feature maps of one clean test image; other models have none. */
import * as tf from '@tensorflow/tfjs';
import { IMAGE_SIDE, IMAGE_PIXELS } from '../../shared/dataset';
import type { EmitEvent } from '../../shared/protocol';
import type { TrainingSession } from '../training/trainingSession';

export async function emitFeatureMaps(session: TrainingSession, testIndex: number, emit: EmitEvent) {
  const model = session.evaluationModel();
  const shape = model.latentMapShape;
  if (!shape || testIndex < 0 || testIndex >= session.splits.testCount) return;
  const [side, , channels] = shape;
  const maps = tf.tidy(() => {
    const image = session.splits.testImages.slice([testIndex, 0], [1, -1]);
    const code = tf.reshape<tf.Rank.R4>(model.encode(image), [1, ...shape]);
    // Each map on its own scale: the channels' ranges differ by orders of magnitude.
    const peak = tf.maximum(tf.max(tf.abs(code), [1, 2], true), 1e-8);
    const enlarged = tf.image.resizeNearestNeighbor(tf.div<tf.Tensor4D>(code, peak), [
      IMAGE_SIDE,
      IMAGE_SIDE,
    ]);
    return tf.reshape(tf.transpose(enlarged, [0, 3, 1, 2]), [channels * IMAGE_PIXELS]);
  });
  const images = (await maps.data()) as Float32Array;
  maps.dispose();
  emit({ type: 'featureMapsComputed', testIndex, side, images }, [images.buffer]);
}
