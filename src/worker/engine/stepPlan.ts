/**
 * The whole training step as a fixed list of kernels (WGSL baked with every size and offset) and
 * their workgroup counts: prepare batch, forward per block, then per block from the last
 * (backward, weight gradient), finish, AdamW. For the reference model that is 57 dispatches.
 */
import { COUNTER_RANDOM_WGSL } from './counterRandom';
import { layoutNetwork, type DenseNetworkSpec, type NetworkLayout } from './networkLayout';
import { backwardLayerWgsl, type LossWeights } from './wgsl/backwardLayer';
import { BINDINGS_WGSL } from './wgsl/bindings';
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

  const withBindings = (code: string) => `${BINDINGS_WGSL}\n${COUNTER_RANDOM_WGSL}\n${code}`;
  const layerKernel = (code: string) => withBindings(`${COLUMN_TILE_WGSL}\n${code}`);
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
    kernels.push({
      label: 'prepare batch',
      code: withBindings(
        prepareBatchWgsl({
          batchSize,
          pixels,
          inputOffset: layout.inputOffset,
          targetOffset: layout.targetOffset,
          noise: options.noise,
        }),
      ),
      workgroups: gridFor(Math.ceil((batchSize * pixels) / PREPARE_WORKGROUP)),
    });
  }
  layers.forEach((_, index) =>
    kernels.push({
      label: `forward ${index}`,
      code: layerKernel(forwardLayerWgsl(context(index))),
      workgroups: [backwardTiles[index], 1],
    }),
  );
  let normCursor = normSlot;
  for (let index = last; index >= 0; index--) {
    const next = index === last ? null : layers[index + 1];
    kernels.push({
      label: `backward ${index}`,
      code: layerKernel(
        backwardLayerWgsl({
          ...context(index),
          next: next && { outputSize: next.spec.outputSize, offsets: next.offsets },
          lossWeights: options.lossWeights,
          targetOffset: layout.targetOffset,
          normSlot: normCursor,
          lossSlot,
        }),
      ),
      workgroups: [backwardTiles[index], 1],
    });
    normCursor += backwardTiles[index];
    kernels.push({
      label: `weight gradient ${index}`,
      code: withBindings(weightGradientWgsl({ ...context(index), normSlot: normCursor, batchSize })),
      workgroups: weightTiles[index],
    });
    normCursor += weightTiles[index][0] * weightTiles[index][1];
  }
  kernels.push(
    {
      label: 'finish step',
      code: withBindings(finishStepWgsl({ ...scratch, ...options })),
      workgroups: [1, 1],
    },
    {
      label: 'adamw',
      code: withBindings(adamwWgsl({ ...options, parameterCount: layout.parameterCount, scalarSlot })),
      workgroups: gridFor(Math.ceil(layout.parameterCount / ADAMW_WORKGROUP)),
    },
  );
  return { layout, scratch, kernels };
}
