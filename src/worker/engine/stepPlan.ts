/**
 * The whole training step as a fixed list of kernels (WGSL baked with every size and offset) and
 * their workgroup counts: prepare batch, forward per block, then per block from the last
 * (backward, weight gradient), finish, then AdamW per block. For the reference model that is 64
 * dispatches. Each kernel names the buffers it binds; its WGSL declarations are made from that list.
 */
import { COUNTER_RANDOM_WGSL } from './counterRandom';
import {
  layoutNetwork,
  PARAMETER_ROLES,
  rolesOf,
  TRAINABLE_ROLES,
  variableSize,
  type DenseNetworkSpec,
  type NetworkLayout,
  type ParameterRole,
} from './networkLayout';
import { backwardLayerWgsl, type LossWeights } from './wgsl/backwardLayer';
import { bindingsWgsl, wgslNameOf, type BufferRef } from './wgsl/bindings';
import { COLUMN_TILE_WGSL, columnTileCount } from './wgsl/columnTile';
import { forwardLayerWgsl } from './wgsl/forwardLayer';
import {
  ADAMW_WORKGROUP,
  adamwWgsl,
  finishStepWgsl,
  PREPARE_WORKGROUP,
  prepareBatchWgsl,
  SCALAR_COUNT,
  type NoiseSettings,
  type ScratchLayout,
} from './wgsl/stepKernels';
import { weightGradientWgsl, weightGradientWorkgroups } from './wgsl/weightGradient';

export interface EngineOptions {
  network: DenseNetworkSpec;
  batchSize: number;
  /** `images`: batches gathered and corrupted on the GPU; `external`: written by the caller (tests). */
  batchSource: 'images' | 'external';
  noise: NoiseSettings;
  lossWeights: LossWeights;
  /** Global-norm clip; 0 turns clipping off. */
  gradientClipNorm: number;
  beta1: number;
  beta2: number;
  epsilon: number;
}

export interface KernelSpec {
  label: string;
  code: string;
  workgroups: [number, number];
  /** Binding 1 onwards (0 is the step's uniform). */
  bindings: BufferRef[];
}

export interface StepPlan {
  layout: NetworkLayout;
  scratch: ScratchLayout;
  kernels: KernelSpec[];
}

/** Steps whose losses the ring holds before the page must have read them. */
export const LOSS_RING_SIZE = 4096;
const MAX_WORKGROUPS_PER_DIMENSION = 65535;

/** A 1-D workload as an (x, y) grid within WebGPU's per-dimension limit. */
export function gridFor(workgroups: number): [number, number] {
  const x = Math.min(workgroups, MAX_WORKGROUPS_PER_DIMENSION);
  return [x, Math.ceil(workgroups / x)];
}

export function planStep(options: EngineOptions): StepPlan {
  const layout = layoutNetwork(options.network, options.batchSize);
  const { layers, batchSize } = layout;
  const last = layers.length - 1;
  const backwardTiles = layers.map(({ spec }) => columnTileCount(spec.outputSize));
  const weightTiles = layers.map(({ spec }) => weightGradientWorkgroups(spec));
  const lossCount = backwardTiles[last];
  const normCount =
    backwardTiles.reduce((a, b) => a + b, 0) + weightTiles.reduce((a, [x, y]) => a + x * y, 0);
  const lossSlot = layout.inverseStdCount;
  const normSlot = lossSlot + lossCount;
  const scalarSlot = normSlot + normCount;
  const ringSlot = scalarSlot + SCALAR_COUNT;
  const scratch: ScratchLayout = {
    lossSlot,
    lossCount,
    normSlot,
    normCount,
    scalarSlot,
    ringSlot,
    ringSize: LOSS_RING_SIZE,
    total: ringSlot + LOSS_RING_SIZE,
  };

  const kernel = (label: string, bindings: BufferRef[], code: string, workgroups: [number, number]) => ({
    label,
    code: `${bindingsWgsl(bindings)}\n${COUNTER_RANDOM_WGSL}\n${code}`,
    workgroups,
    bindings,
  });
  const layerKernel = (code: string) => `${COLUMN_TILE_WGSL}\n${code}`;
  const variables = (index: number, roles: readonly ParameterRole[]): BufferRef[] =>
    rolesOf(layers[index].spec, roles).map((role) => ({ layer: index, role }));
  const context = (index: number) => ({
    layer: layers[index].spec,
    offsets: layers[index].offsets,
    layerIndex: index,
    batchSize,
    batchNormMomentum: options.network.batchNormMomentum,
    batchNormEpsilon: options.network.batchNormEpsilon,
  });
  const pixels = layers[0].spec.inputSize;
  const kernels: KernelSpec[] = [];
  if (options.batchSource === 'images') {
    kernels.push(
      kernel(
        'prepare batch',
        [{ flat: 'activations' }, { flat: 'images' }, { flat: 'order' }],
        prepareBatchWgsl({
          batchSize,
          pixels,
          inputOffset: layout.inputOffset,
          targetOffset: layout.targetOffset,
          noise: options.noise,
        }),
        gridFor(Math.ceil((batchSize * pixels) / PREPARE_WORKGROUP)),
      ),
    );
  }
  layers.forEach((_, index) =>
    kernels.push(
      kernel(
        `forward ${index}`,
        [{ flat: 'activations' }, { flat: 'scratch' }, ...variables(index, PARAMETER_ROLES)],
        layerKernel(forwardLayerWgsl(context(index))),
        [backwardTiles[index], 1],
      ),
    ),
  );
  let normCursor = normSlot;
  for (let index = last; index >= 0; index--) {
    const next = index === last ? null : layers[index + 1];
    // The weight gradient binds what the backward kernel binds: one bind group serves both.
    const backwardBindings: BufferRef[] = [
      { flat: 'activations' },
      { flat: 'grads' },
      { flat: 'scratch' },
      ...variables(index, ['gamma', 'beta']),
      ...(next ? [{ layer: index + 1, role: 'weight' as const, as: 'nextWeights' }] : []),
    ];
    kernels.push(
      kernel(
        `backward ${index}`,
        backwardBindings,
        layerKernel(
          backwardLayerWgsl({
            ...context(index),
            next: next && { outputSize: next.spec.outputSize, offsets: next.offsets },
            lossWeights: options.lossWeights,
            targetOffset: layout.targetOffset,
            normSlot: normCursor,
            lossSlot,
          }),
        ),
        [backwardTiles[index], 1],
      ),
    );
    normCursor += backwardTiles[index];
    kernels.push(
      kernel(
        `weight gradient ${index}`,
        backwardBindings,
        weightGradientWgsl({ ...context(index), normSlot: normCursor, batchSize }),
        weightTiles[index],
      ),
    );
    normCursor += weightTiles[index][0] * weightTiles[index][1];
  }
  kernels.push(
    kernel('finish step', [{ flat: 'scratch' }], finishStepWgsl({ ...scratch, ...options }), [1, 1]),
  );
  layers.forEach((_, index) => {
    const { spec, offsets } = layers[index];
    const roles = rolesOf(spec, TRAINABLE_ROLES);
    const trainable = variables(index, roles);
    const ranges = roles.map((role, k) => ({
      array: wgslNameOf(trainable[k]),
      offset: offsets[role],
      size: variableSize(spec, role),
    }));
    const size = ranges.reduce((sum, range) => sum + range.size, 0);
    kernels.push(
      kernel(
        `adamw ${index}`,
        [{ flat: 'grads' }, { flat: 'moments' }, { flat: 'scratch' }, ...trainable],
        adamwWgsl({ ...options, ranges, parameterCount: layout.parameterCount, scalarSlot }),
        gridFor(Math.ceil(size / ADAMW_WORKGROUP)),
      ),
    );
  });
  return { layout, scratch, kernels };
}
