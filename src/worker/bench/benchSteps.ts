/** The three training steps the bench compares, behind one small interface. */
import * as tf from '@tensorflow/tfjs';
import { DEFAULT_CONFIG, type TrainingConfig } from '../../shared/config';
import type { BenchImpl } from '../../shared/speedBenchmark';
import { EngineStepper, engineOptionsFor } from '../engine/engineStepper';
import { createDenseAutoencoder, REFERENCE_SPEC } from '../model/denseAutoencoder';
import { createRandom } from '../training/random';
import { shuffledOrder } from '../training/batchOrder';
import { TfjsStepper } from '../training/tfjsStepper';
import type { TrainStepper } from '../training/trainStepper';
import { createNaiveStep } from './naiveLoop';

export interface BenchStep {
  readonly lastEncodeMs: number;
  /** Trains step `index`; resolves when the step is issued (and, except for the engine, done). */
  step(index: number): Promise<void>;
  /** Waits for every issued step. */
  finish(): Promise<void>;
  dispose(): void;
}

export interface BenchData {
  pixels: Float32Array;
  count: number;
  images: tf.Tensor2D;
}

function fromStepper(
  stepper: TrainStepper,
  dispose: () => void,
  data: BenchData,
  batchSize: number,
): BenchStep {
  const order = shuffledOrder(data.count, createRandom(1));
  const stepsPerEpoch = Math.max(1, Math.floor(data.count / batchSize));
  stepper.startEpoch(order, stepsPerEpoch);
  const seeds = createRandom(2);
  return {
    get lastEncodeMs() {
      return stepper.lastEncodeMs;
    },
    async step(index) {
      const stepInEpoch = index % stepsPerEpoch;
      const indices = order.subarray(stepInEpoch * batchSize, (stepInEpoch + 1) * batchSize);
      await stepper.step({
        stepIndex: index,
        stepInEpoch,
        indices,
        noiseSeed: seeds.nextSeed(),
        dropoutSeed: seeds.nextSeed(),
      });
    },
    async finish() {
      await stepper.drain();
    },
    dispose() {
      stepper.dispose();
      dispose();
    },
  };
}

export async function createBenchStep(
  impl: BenchImpl,
  data: BenchData,
  batchSize: number,
): Promise<BenchStep> {
  if (impl === 'naive') return createNaiveStep(data.images, batchSize);
  const config: TrainingConfig = { ...DEFAULT_CONFIG, batchSize };
  const model = createDenseAutoencoder(REFERENCE_SPEC, 0);
  const stepper =
    impl === 'tfjs'
      ? new TfjsStepper(model, config, data.pixels)
      : await EngineStepper.create(model, engineOptionsFor(model, config), config, data);
  return fromStepper(stepper, () => model.dispose(), data, batchSize);
}
