/**
 * The fused engine behind the TrainStepper interface. The model's variables wrap the engine's own
 * buffers (tfjs zero-copy tensors), so the weights exist once: the engine updates them in place
 * and tfjs evaluates and serialises that same memory. Two rules keep the sharing sound:
 * - tfjs queues its commands and submits them later, so the step after any evaluation submits
 *   tfjs's pending work first (it must read the weights before the engine rewrites them);
 * - a variable tfjs gives new values (a restored checkpoint, a loaded run) points at memory of its
 *   own, so every such change ends with loadModel, which takes the values back into the engine.
 */
import * as tf from '@tensorflow/tfjs';
import { WebGPUBackend } from '@tensorflow/tfjs-backend-webgpu';
import type { TrainingConfig } from '../../shared/config';
import type { BatchLoss } from '../../shared/protocol';
import type { Autoencoder } from '../model/autoencoder';
import { readFlat } from '../model/flatState';
import { trainingNoise } from '../training/runSettings';
import type { OptimizerState, StepBatch, TrainStepper } from '../training/trainStepper';
import { FusedTrainer, type TrainImages } from './fusedTrainer';
import { networkFromAutoencoder } from './networkLayout';
import type { EngineOptions } from './stepPlan';

/** The same hyperparameters as the tfjs AdamW's defaults (torch.optim.AdamW's). */
const ADAM = { beta1: 0.9, beta2: 0.999, epsilon: 1e-8 };

export function engineOptionsFor(model: Autoencoder, config: TrainingConfig): EngineOptions {
  if (!model.denseSpec) throw new Error('the fused engine trains dense models only');
  return {
    network: networkFromAutoencoder(model.denseSpec),
    batchSize: config.batchSize,
    batchSource: 'images',
    noise: trainingNoise(config),
    lossWeights: { mseWeight: config.mseWeight, l1Weight: config.l1Weight, bceWeight: config.bceWeight },
    gradientClipNorm: config.gradientClipNorm,
    ...ADAM,
  };
}

/** The active tfjs backend when it is WebGPU, else null: the engine runs only there. */
export function activeWebGpuBackend(): WebGPUBackend | null {
  const backend = tf.backend();
  return backend instanceof WebGPUBackend ? backend : null;
}

export class EngineStepper implements TrainStepper {
  readonly kind = 'engine';
  /** tfjs may hold queued commands reading the weights (the model was handed out for evaluation). */
  private tfjsMayReadWeights = false;
  /** The engine is told each step's index (its bias corrections follow from it); this is the last + 1. */
  private stepCount = 0;

  private constructor(
    private readonly model: Autoencoder,
    readonly trainer: FusedTrainer,
    private readonly backend: WebGPUBackend,
    private readonly weightDecay: number,
  ) {}

  /** Builds the engine for the model and loads the model's current weights into it. */
  static async create(
    model: Autoencoder,
    options: EngineOptions,
    optimizer: { learningRate: number; weightDecay: number },
    images: TrainImages,
  ): Promise<EngineStepper> {
    const backend = activeWebGpuBackend();
    if (!backend) throw new Error('the fused engine needs the WebGPU backend');
    const trainer = await FusedTrainer.create(backend.device, options, images);
    const stepper = new EngineStepper(model, trainer, backend, optimizer.weightDecay);
    await stepper.loadModel();
    stepper.setLearningRate(optimizer.learningRate);
    return stepper;
  }

  get lastEncodeMs(): number {
    return this.trainer.lastEncodeMs;
  }

  startEpoch(order: Int32Array, stepsPerEpoch: number): void {
    this.trainer.setEpochOrder(order, stepsPerEpoch);
  }

  step(batch: StepBatch): Promise<BatchLoss[]> {
    if (this.tfjsMayReadWeights) this.submitTfjsWork();
    this.tfjsMayReadWeights = false;
    this.stepCount = batch.stepIndex + 1;
    return this.trainer.step(batch);
  }

  drain(): Promise<BatchLoss[]> {
    return this.trainer.drain();
  }

  setLearningRate(learningRate: number): void {
    this.trainer.setLearningRate(learningRate, this.weightDecay);
  }

  /** Nothing to copy: the model's variables are the engine's buffers. */
  syncModel(): void {
    this.tfjsMayReadWeights = true;
  }

  /** Takes the model's current values into the engine and points its variables at the engine's buffers. */
  async loadModel(): Promise<void> {
    const { trainable, running } = this.modelVariables();
    const buffers = this.trainer.variableBuffers();
    const sizesMatch = (variables: tf.Variable[], owned: GPUBuffer[]) =>
      variables.length === owned.length &&
      variables.every((variable, i) => variable.size * 4 === owned[i].size);
    if (!sizesMatch(trainable, buffers.trainable) || !sizesMatch(running, buffers.running)) {
      throw new Error("the engine's layout does not match the model's variables");
    }
    this.trainer.writeState(await readFlat(trainable), await readFlat(running));
    tf.tidy(() => {
      [...trainable, ...running].forEach((variable, i) => {
        const buffer = [...buffers.trainable, ...buffers.running][i];
        variable.assign(tf.tensor({ buffer, zeroCopy: true }, variable.shape, 'float32'));
      });
    });
    this.tfjsMayReadWeights = true;
  }

  /** Call once drained (the session settles first), so the moments are the last step's. */
  async saveOptimizer(): Promise<OptimizerState> {
    const moments = await this.trainer.readMoments();
    const count = this.trainer.plan.layout.parameterCount;
    return {
      stepCount: this.stepCount,
      firstMoments: moments.slice(0, count),
      secondMoments: moments.slice(count, 2 * count),
    };
  }

  loadOptimizer(state: OptimizerState): Promise<void> {
    const count = this.trainer.plan.layout.parameterCount;
    if (state.firstMoments.length !== count || state.secondMoments.length !== count) {
      throw new Error(`the saved optimiser has ${state.firstMoments.length} moments, the engine ${count}`);
    }
    const moments = new Float32Array(2 * count);
    moments.set(state.firstMoments);
    moments.set(state.secondMoments, count);
    this.trainer.writeMoments(moments);
    this.stepCount = state.stepCount;
    return Promise.resolve();
  }

  /** The variables take copies of their own before the engine's buffers are destroyed. */
  dispose(): void {
    try {
      const { trainable, running } = this.modelVariables();
      tf.tidy(() => {
        for (const variable of [...trainable, ...running]) {
          if (!variable.isDisposed) variable.assign(tf.add(variable, 0));
        }
      });
      this.submitTfjsWork();
    } finally {
      this.trainer.dispose();
    }
  }

  private modelVariables(): { trainable: tf.Variable[]; running: tf.Variable[] } {
    const state = this.model.namedState.map(({ variable }) => variable);
    return {
      trainable: state.filter((variable) => variable.trainable),
      running: state.filter((variable) => !variable.trainable),
    };
  }

  /** Submits what tfjs has encoded but not yet submitted (tfjs batches its commands). */
  private submitTfjsWork(): void {
    this.backend.ensureCommandEncoderReady();
    this.backend.endComputePassEncoder();
    this.backend.submitQueue();
  }
}
