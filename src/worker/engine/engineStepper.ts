/**
 * The fused engine behind the TrainStepper interface. The engine's flat buffers hold the weights
 * while it trains; before tfjs evaluates the model (panels, validation, checkpoints) they are
 * copied into the model's variables on the GPU, and after a restore they are copied back.
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
  /** The engine has stepped since the model's variables were last refreshed. */
  private modelIsStale = false;
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
    this.modelIsStale = true;
    this.stepCount = batch.stepIndex + 1;
    return this.trainer.step(batch);
  }

  drain(): Promise<BatchLoss[]> {
    return this.trainer.drain();
  }

  setLearningRate(learningRate: number): void {
    this.trainer.setLearningRate(learningRate, this.weightDecay);
  }

  syncModel(): void {
    if (!this.modelIsStale) return;
    const { params, running } = this.trainer.buffers;
    tf.tidy(() => {
      assignSlices(params, this.model.trainableVariables);
      assignSlices(
        running,
        this.model.namedState.map(({ variable }) => variable).filter((variable) => !variable.trainable),
      );
    });
    // tfjs defers its submits: flush its copies now, before the engine's next step rewrites the weights.
    this.backend.ensureCommandEncoderReady();
    this.backend.endComputePassEncoder();
    this.backend.submitQueue();
    this.modelIsStale = false;
  }

  async loadModel(): Promise<void> {
    const state = this.model.namedState.map(({ variable }) => variable);
    const params = await readFlat(state.filter((variable) => variable.trainable));
    const running = await readFlat(state.filter((variable) => !variable.trainable));
    const { parameterCount, runningCount } = this.trainer.plan.layout;
    if (params.length !== parameterCount || running.length !== runningCount) {
      throw new Error(`the engine's layout does not match the model (${params.length} ≠ ${parameterCount})`);
    }
    this.trainer.writeState(params, running);
    this.modelIsStale = false;
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

  dispose(): void {
    this.trainer.dispose();
  }
}

/** Each variable takes its slice of a flat engine buffer (tfjs wraps the buffer without copying it). */
function assignSlices(buffer: GPUBuffer, variables: tf.Variable[]): void {
  const total = variables.reduce((sum, variable) => sum + variable.size, 0);
  if (total === 0) return;
  const flat = tf.tensor({ buffer, zeroCopy: true }, [total], 'float32');
  let offset = 0;
  for (const variable of variables) {
    variable.assign(flat.slice(offset, variable.size).reshape(variable.shape));
    offset += variable.size;
  }
}
