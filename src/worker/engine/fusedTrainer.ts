/**
 * The fused WebGPU training step: one writeBuffer, one command encoder, one compute pass with one
 * dispatch per kernel (bind groups made once, switched only between blocks), one submit. Losses stay on the GPU until the
 * readback picks them up (at most once a frame). Runs on tfjs's own GPUDevice.
 */
import type { BatchLoss } from '../../shared/protocol';
import {
  createEngineResources,
  destroyEngineResources,
  packPixels,
  type EngineResources,
} from './engineResources';
import { LossReadback } from './lossReadback';
import { PARAMETER_ROLES, rolesOf, TRAINABLE_ROLES, type ParameterRole } from './networkLayout';
import { planStep, type EngineOptions, type StepPlan } from './stepPlan';
import { packStepUniforms, STEP_UNIFORM_BYTES } from './wgsl/bindings';

export interface EngineStep {
  /** Global step index, 0-based. */
  stepIndex: number;
  stepInEpoch: number;
  noiseSeed: number;
  dropoutSeed: number;
}

export interface TrainImages {
  pixels: Float32Array;
  count: number;
}

export class FusedTrainer {
  private readonly uniformData = new ArrayBuffer(STEP_UNIFORM_BYTES);
  private readonly readback: LossReadback;
  private submitted = 0;
  private learningRate = 0;
  private decayFactor = 1;
  private deviceError: string | null = null;
  /** The worker's own time to encode and submit the last step, GPU not awaited. */
  lastEncodeMs = 0;

  private constructor(
    private readonly device: GPUDevice,
    readonly plan: StepPlan,
    private readonly resources: EngineResources,
    private readonly options: EngineOptions,
  ) {
    this.readback = new LossReadback(resources.buffers.staging, plan.scratch.ringSize);
    device.addEventListener('uncapturederror', this.onDeviceError);
  }

  static async create(device: GPUDevice, options: EngineOptions, images: TrainImages): Promise<FusedTrainer> {
    const plan = planStep(options);
    const orderLength = Math.max(images.count, options.batchSize);
    const resources = await createEngineResources(device, plan, { imageCount: images.count, orderLength });
    device.queue.writeBuffer(resources.buffers.images, 0, packPixels(images.pixels));
    return new FusedTrainer(device, plan, resources, options);
  }

  get buffers(): EngineResources['buffers'] {
    return this.resources.buffers;
  }

  get dispatchesPerStep(): number {
    return this.resources.kernels.length;
  }

  /**
   * The variables' buffers in tfjs order: every block's trainable ones (the model's
   * trainableVariables), then every block's BatchNorm statistics (its non-trainable state).
   */
  variableBuffers(): { trainable: GPUBuffer[]; running: GPUBuffer[] } {
    return {
      trainable: this.variablesIn(TRAINABLE_ROLES).map(({ buffer }) => buffer),
      running: this.variablesIn(['runningMean', 'runningVar']).map(({ buffer }) => buffer),
    };
  }

  /** Replaces the weights and BatchNorm statistics, given in the flat layouts of networkLayout. */
  writeState(params: Float32Array<ArrayBuffer>, running: Float32Array<ArrayBuffer>): void {
    for (const { buffer, flatOffset, isRunning } of this.variablesIn(PARAMETER_ROLES)) {
      const source = isRunning ? running : params;
      this.device.queue.writeBuffer(buffer, 0, source, flatOffset, buffer.size / 4);
    }
  }

  /** The weights and BatchNorm statistics in the flat layouts (steps must be drained first). */
  async readState(): Promise<{ params: Float32Array<ArrayBuffer>; running: Float32Array<ArrayBuffer> }> {
    const { parameterCount, runningCount } = this.plan.layout;
    const flat = await this.readBack(
      (encoder, staging) => {
        for (const { buffer, flatOffset, isRunning } of this.variablesIn(PARAMETER_ROLES)) {
          const at = (isRunning ? parameterCount + flatOffset : flatOffset) * 4;
          encoder.copyBufferToBuffer(buffer, 0, staging, at, buffer.size);
        }
      },
      (parameterCount + runningCount) * 4,
    );
    return { params: flat.slice(0, parameterCount), running: flat.slice(parameterCount) };
  }

  /** AdamW's moments, first then second, each in the params layout (steps must be drained first). */
  readMoments(): Promise<Float32Array<ArrayBuffer>> {
    const { moments } = this.resources.buffers;
    return this.readBack(
      (encoder, staging) => encoder.copyBufferToBuffer(moments, 0, staging, 0, moments.size),
      moments.size,
    );
  }

  /** A one-off readback through a staging buffer of its own (not on the training path). */
  private async readBack(
    encode: (encoder: GPUCommandEncoder, staging: GPUBuffer) => void,
    size: number,
  ): Promise<Float32Array<ArrayBuffer>> {
    const staging = this.device.createBuffer({
      label: 'engine readback',
      size: Math.max(size, 4),
      usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST,
    });
    try {
      const encoder = this.device.createCommandEncoder();
      encode(encoder, staging);
      this.device.queue.submit([encoder.finish()]);
      await staging.mapAsync(GPUMapMode.READ);
      return new Float32Array(staging.getMappedRange().slice(0, size));
    } finally {
      staging.destroy();
    }
  }

  /** Every variable of the given roles, block by block, with its place in the flat layouts. */
  private variablesIn(roles: readonly ParameterRole[]) {
    return this.plan.layout.layers.flatMap(({ spec, offsets }, index) =>
      rolesOf(spec, roles).map((role) => ({
        buffer: this.resources.buffers.variables[index][role] as GPUBuffer,
        flatOffset: offsets[role],
        isRunning: role === 'runningMean' || role === 'runningVar',
      })),
    );
  }

  writeMoments(moments: Float32Array<ArrayBuffer>): void {
    this.device.queue.writeBuffer(this.resources.buffers.moments, 0, moments);
  }

  /** Sets the next step's noisy input and clean target directly (batchSource 'external'). */
  writeBatch(input: Float32Array<ArrayBuffer>, target: Float32Array<ArrayBuffer>): void {
    const { inputOffset, targetOffset } = this.plan.layout;
    this.device.queue.writeBuffer(this.resources.buffers.activations, inputOffset * 4, input);
    this.device.queue.writeBuffer(this.resources.buffers.activations, targetOffset * 4, target);
  }

  /** The epoch's shuffled order, repeated so every step's batch is a contiguous run of it. */
  setEpochOrder(order: Int32Array, stepsPerEpoch: number): void {
    const length = Math.max(order.length, stepsPerEpoch * this.options.batchSize);
    const indices = new Uint32Array(length);
    for (let i = 0; i < length; i++) indices[i] = order[i % order.length];
    this.device.queue.writeBuffer(this.resources.buffers.order, 0, indices);
  }

  setLearningRate(learningRate: number, weightDecay: number): void {
    this.learningRate = learningRate;
    this.decayFactor = Math.fround(1 - learningRate * weightDecay);
  }

  /** Encodes and submits one step; resolves with the losses read back since the last call. */
  async step(input: EngineStep): Promise<BatchLoss[]> {
    if (this.deviceError) throw new Error(this.deviceError);
    const startedMs = performance.now();
    packStepUniforms(
      {
        batchOffset: input.stepInEpoch * this.options.batchSize,
        noiseSeed: input.noiseSeed,
        dropoutSeed: input.dropoutSeed,
        stepIndex: input.stepIndex,
        learningRate: this.learningRate,
        decayFactor: this.decayFactor,
      },
      this.uniformData,
    );
    const { device, resources } = this;
    device.queue.writeBuffer(resources.buffers.step, 0, this.uniformData);
    const encoder = device.createCommandEncoder();
    const pass = encoder.beginComputePass();
    let bound: GPUBindGroup | null = null;
    for (const { pipeline, workgroups, bindGroup } of resources.kernels) {
      if (bindGroup !== bound) pass.setBindGroup(0, (bound = bindGroup));
      pass.setPipeline(pipeline);
      pass.dispatchWorkgroups(workgroups[0], workgroups[1]);
    }
    pass.end();
    const copy = this.readback.wantsCopy(this.submitted + 1);
    if (copy) this.encodeRingCopy(encoder);
    device.queue.submit([encoder.finish()]);
    this.submitted += 1;
    if (copy) this.readback.startMapping(this.submitted);
    this.lastEncodeMs = performance.now() - startedMs;
    await this.readback.pace(this.submitted, () => this.copyRingNow());
    return this.readback.take();
  }

  /** Waits for the GPU to finish every submitted step; returns the losses not yet returned. */
  drain(): Promise<BatchLoss[]> {
    return this.readback.drain(this.submitted, () => this.copyRingNow());
  }

  /** Steps the GPU has finished (their losses are known). */
  get completedSteps(): number {
    return this.readback.completedSteps;
  }

  dispose(): void {
    this.device.removeEventListener('uncapturederror', this.onDeviceError);
    destroyEngineResources(this.resources);
  }

  private encodeRingCopy(encoder: GPUCommandEncoder): void {
    const { scratch, staging } = this.resources.buffers;
    encoder.copyBufferToBuffer(
      scratch,
      this.plan.scratch.ringSlot * 4,
      staging,
      0,
      this.plan.scratch.ringSize * 4,
    );
  }

  private copyRingNow(): void {
    const encoder = this.device.createCommandEncoder();
    this.encodeRingCopy(encoder);
    this.device.queue.submit([encoder.finish()]);
    this.readback.startMapping(this.submitted);
  }

  /** Only errors naming the engine's own objects (every label starts with "engine"): tfjs shares the device. */
  private readonly onDeviceError = (event: Event): void => {
    const error = 'error' in event && event.error instanceof GPUError ? event.error.message : String(event);
    if (error.includes('engine')) this.deviceError ??= `The GPU rejected the training step: ${error}`;
  };
}
