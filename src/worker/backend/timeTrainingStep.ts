/**
 * Times a training-like step on the active tfjs backend: the reference model's widest layers
 * (784→512 in, 512→784 out) at batch 128, forward and backward. They hold most of a step's
 * multiply-adds, so this ranks backends as a real step would, in a fraction of its time.
 */
import * as tf from '@tensorflow/tfjs';
import type { StepTiming } from './chooseBackend';

export interface StepShape {
  batchSize: number;
  pixels: number;
  hiddenUnits: number;
}

export const REFERENCE_STEP_SHAPE: StepShape = { batchSize: 128, pixels: 784, hiddenUnits: 512 };

/** Timed steps after the warm-up (which compiles shaders); the fastest one counts. */
const TIMED_STEPS = 3;

export async function timeTrainingStep(
  budgetMs: number,
  shape: StepShape = REFERENCE_STEP_SHAPE,
): Promise<StepTiming> {
  const { batchSize, pixels, hiddenUnits } = shape;
  const images = tf.randomUniform([batchSize, pixels], 0, 1, 'float32', 1);
  const encoderWeight = tf.randomNormal([pixels, hiddenUnits], 0, 0.05, 'float32', 2);
  const decoderWeight = tf.randomNormal([hiddenUnits, pixels], 0, 0.05, 'float32', 3);
  const gradients = tf.grads((encoder: tf.Tensor, decoder: tf.Tensor) => {
    const hidden = tf.relu(tf.matMul(images, encoder));
    return tf.losses.meanSquaredError(images, tf.sigmoid(tf.matMul(hidden, decoder)));
  });
  // Reading one number back waits for the whole step, on GPUs too (data(), never dataSync()).
  const step = async (): Promise<void> => {
    const checksum = tf.tidy(() => tf.addN(gradients([encoderWeight, decoderWeight]).map((g) => tf.sum(g))));
    try {
      await checksum.data();
    } finally {
      checksum.dispose();
    }
  };

  const startedMs = performance.now();
  const deadlineMs = startedMs + budgetMs;
  let warmUpMs: number | null = null;
  const timedMs: number[] = [];
  try {
    for (let run = 0; run <= TIMED_STEPS && (run === 0 || performance.now() < deadlineMs); run++) {
      const runStartedMs = performance.now();
      if (!(await beforeDeadline(step(), deadlineMs))) break;
      if (warmUpMs === null) warmUpMs = performance.now() - runStartedMs;
      else timedMs.push(performance.now() - runStartedMs);
    }
  } finally {
    tf.dispose([images, encoderWeight, decoderWeight]);
  }
  // Not even the warm-up finished: the step takes longer than the whole budget.
  if (warmUpMs === null) return { msPerStep: performance.now() - startedMs, overBudget: true };
  // Only a warm-up fitted: it includes compiling shaders, so it ranks this backend pessimistically.
  return { msPerStep: timedMs.length > 0 ? Math.min(...timedMs) : warmUpMs, overBudget: false };
}

/** True when `work` settles before the deadline; a late step keeps running and cleans up after itself. */
async function beforeDeadline(work: Promise<void>, deadlineMs: number): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), Math.max(0, deadlineMs - performance.now()));
  });
  const finished = work.then(() => true);
  try {
    return await Promise.race([finished, late]);
  } finally {
    clearTimeout(timer);
    // A step abandoned at the deadline must not surface later as an unhandled rejection.
    finished.catch(() => undefined);
  }
}
