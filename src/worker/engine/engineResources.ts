/**
 * Everything the fused step allocates, made once per run: the flat buffers, one pipeline per
 * kernel and the single bind group they share. Nothing here is created again while training.
 */
import type { StepPlan } from './stepPlan';
import { BINDING, STEP_UNIFORM_BYTES } from './wgsl/bindings';

export interface CompiledKernel {
  label: string;
  pipeline: GPUComputePipeline;
  workgroups: [number, number];
}

export interface EngineBuffers {
  step: GPUBuffer;
  activations: GPUBuffer;
  params: GPUBuffer;
  grads: GPUBuffer;
  moments: GPUBuffer;
  running: GPUBuffer;
  scratch: GPUBuffer;
  images: GPUBuffer;
  order: GPUBuffer;
  /** MAP_READ copy of the loss ring and the step scalars. */
  staging: GPUBuffer;
}

export interface EngineResources {
  buffers: EngineBuffers;
  kernels: CompiledKernel[];
  bindGroup: GPUBindGroup;
}

const BOUND_BUFFERS: (keyof typeof BINDING)[] = [
  'step',
  'activations',
  'params',
  'grads',
  'moments',
  'running',
  'scratch',
  'images',
  'order',
];

export async function createEngineResources(
  device: GPUDevice,
  plan: StepPlan,
  sizes: { imageCount: number; orderLength: number },
): Promise<EngineResources> {
  const { layout, scratch } = plan;
  const STORAGE = GPUBufferUsage.STORAGE;
  const COPY = GPUBufferUsage.COPY_SRC | GPUBufferUsage.COPY_DST;
  const floats = (label: string, count: number, usage = STORAGE | COPY) =>
    device.createBuffer({ label: `engine ${label}`, size: Math.max(count, 1) * 4, usage });
  const pixels = layout.layers[0].spec.inputSize;
  const buffers: EngineBuffers = {
    step: device.createBuffer({
      label: 'engine step uniforms',
      size: STEP_UNIFORM_BYTES,
      usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST,
    }),
    activations: floats('activations', layout.activationCount),
    params: floats('params', layout.parameterCount),
    grads: floats('grads', layout.parameterCount),
    moments: floats('moments', 2 * layout.parameterCount),
    running: floats('running', layout.runningCount),
    scratch: floats('scratch', scratch.total),
    // Bytes packed four to a u32: a quarter of float32 pixels, which lets the whole train split stay.
    images: floats('images', Math.ceil((sizes.imageCount * pixels) / 4)),
    order: floats('order', sizes.orderLength),
    staging: floats('staging', scratch.ringSize, GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST),
  };

  const bindGroupLayout = device.createBindGroupLayout({
    label: 'engine bindings',
    entries: Object.values(BINDING).map((binding) => ({
      binding,
      visibility: GPUShaderStage.COMPUTE,
      buffer: { type: binding === BINDING.step ? 'uniform' : 'storage' },
    })),
  });
  const pipelineLayout = device.createPipelineLayout({ bindGroupLayouts: [bindGroupLayout] });
  const kernels = await Promise.all(
    plan.kernels.map(async ({ label, code, workgroups }) => {
      const module = device.createShaderModule({ label: `engine ${label}`, code });
      const pipeline = await device
        .createComputePipelineAsync({
          label,
          layout: pipelineLayout,
          compute: { module, entryPoint: 'main' },
        })
        .catch(async (error: unknown) => {
          const info = await module.getCompilationInfo();
          const messages = info.messages.map((m) => `${m.lineNum}:${m.linePos} ${m.message}`).join('; ');
          throw new Error(`The GPU could not compile the "${label}" kernel: ${messages || String(error)}`);
        });
      return { label, pipeline, workgroups };
    }),
  );
  const bindGroup = device.createBindGroup({
    label: 'engine bindings',
    layout: bindGroupLayout,
    entries: BOUND_BUFFERS.map((name) => ({ binding: BINDING[name], resource: { buffer: buffers[name] } })),
  });
  return { buffers, kernels, bindGroup };
}

export function destroyEngineResources(resources: EngineResources): void {
  for (const buffer of Object.values(resources.buffers)) buffer.destroy();
}

/** Train pixels in [0, 1] as bytes, packed little-endian four to a u32 (what the prepare kernel reads). */
export function packPixels(pixels: Float32Array): Uint32Array<ArrayBuffer> {
  const bytes = new Uint8Array(Math.ceil(pixels.length / 4) * 4);
  for (let i = 0; i < pixels.length; i++) bytes[i] = Math.round(pixels[i] * 255);
  return new Uint32Array(bytes.buffer);
}
