/**
 * Everything the fused step allocates, made once per run: the flat buffers, one buffer per model
 * variable (the weights tfjs wraps), one pipeline per kernel and one bind group per distinct set
 * of bound buffers. Nothing here is created again while training.
 */
import { rolesOf, variableSize, type ParameterRole } from './networkLayout';
import type { StepPlan } from './stepPlan';
import {
  bindingsKey,
  STEP_BINDING,
  STEP_UNIFORM_BYTES,
  type BufferRef,
  type FlatBufferName,
} from './wgsl/bindings';

export interface CompiledKernel {
  label: string;
  pipeline: GPUComputePipeline;
  workgroups: [number, number];
  /** Shared by the kernels that bind the same buffers; the step binds it only when it changes. */
  bindGroup: GPUBindGroup;
}

/** One block's variables, each in a buffer of its own (BatchNorm's only where the block has it). */
export type BlockVariables = Partial<Record<ParameterRole, GPUBuffer>>;

export interface EngineBuffers extends Record<FlatBufferName, GPUBuffer> {
  step: GPUBuffer;
  variables: BlockVariables[];
  /** MAP_READ copy of the loss ring and the step scalars. */
  staging: GPUBuffer;
}

export interface EngineResources {
  buffers: EngineBuffers;
  kernels: CompiledKernel[];
}

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
    grads: floats('grads', layout.parameterCount),
    moments: floats('moments', 2 * layout.parameterCount),
    scratch: floats('scratch', scratch.total),
    // Bytes packed four to a u32: a quarter of float32 pixels, which lets the whole train split stay.
    images: floats('images', Math.ceil((sizes.imageCount * pixels) / 4)),
    order: floats('order', sizes.orderLength),
    variables: layout.layers.map(({ spec }, index) =>
      Object.fromEntries(
        rolesOf(spec).map((role) => [role, floats(`block ${index} ${role}`, variableSize(spec, role))]),
      ),
    ),
    staging: floats('staging', scratch.ringSize, GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST),
  };
  const bufferOf = (ref: BufferRef): GPUBuffer => {
    const buffer = 'flat' in ref ? buffers[ref.flat] : buffers.variables[ref.layer][ref.role];
    if (!buffer) throw new Error(`the engine has no buffer for ${bindingsKey([ref])}`);
    return buffer;
  };

  const groups = new Map<string, { layout: GPUPipelineLayout; bindGroup: GPUBindGroup }>();
  const groupFor = (refs: readonly BufferRef[]) => {
    const key = bindingsKey(refs);
    let group = groups.get(key);
    if (!group) {
      const bindGroupLayout = device.createBindGroupLayout({
        label: `engine bindings ${key}`,
        entries: [
          { binding: STEP_BINDING, visibility: GPUShaderStage.COMPUTE, buffer: { type: 'uniform' } },
          ...refs.map((_, index) => ({
            binding: index + 1,
            visibility: GPUShaderStage.COMPUTE,
            buffer: { type: 'storage' as const },
          })),
        ],
      });
      group = {
        layout: device.createPipelineLayout({ bindGroupLayouts: [bindGroupLayout] }),
        bindGroup: device.createBindGroup({
          label: `engine bindings ${key}`,
          layout: bindGroupLayout,
          entries: [
            { binding: STEP_BINDING, resource: { buffer: buffers.step } },
            ...refs.map((ref, index) => ({ binding: index + 1, resource: { buffer: bufferOf(ref) } })),
          ],
        }),
      };
      groups.set(key, group);
    }
    return group;
  };

  const kernels = await Promise.all(
    plan.kernels.map(async ({ label, code, workgroups, bindings }) => {
      const { layout: pipelineLayout, bindGroup } = groupFor(bindings);
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
      return { label, pipeline, workgroups, bindGroup };
    }),
  );
  return { buffers, kernels };
}

export function destroyEngineResources({ buffers }: EngineResources): void {
  const { variables, ...flat } = buffers;
  for (const buffer of Object.values(flat)) buffer.destroy();
  for (const block of variables) for (const buffer of Object.values(block)) buffer.destroy();
}

/** Train pixels in [0, 1] as bytes, packed little-endian four to a u32 (what the prepare kernel reads). */
export function packPixels(pixels: Float32Array): Uint32Array<ArrayBuffer> {
  const bytes = new Uint8Array(Math.ceil(pixels.length / 4) * 4);
  for (let i = 0; i < pixels.length; i++) bytes[i] = Math.round(pixels[i] * 255);
  return new Uint32Array(bytes.buffer);
}
