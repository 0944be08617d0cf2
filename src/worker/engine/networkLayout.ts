/**
 * Where every number of a dense network lives in the fused engine's flat GPU buffers. Parameters
 * follow the tfjs model's `trainableVariables` order (PyTorch's `parameters()` order) with each
 * variable in its tfjs layout (weights [in, out]), so syncing is a slice per variable.
 */
import type { DenseAutoencoderSpec } from '../model/denseAutoencoder';

export type Activation = 'relu' | 'sigmoid' | 'linear';

/** One Linear (+ BatchNorm) + activation (+ dropout) block of the chain. */
export interface DenseLayerSpec {
  inputSize: number;
  outputSize: number;
  batchNorm: boolean;
  activation: Activation;
  dropoutRate: number;
}

export interface DenseNetworkSpec {
  layers: DenseLayerSpec[];
  batchNormMomentum: number;
  batchNormEpsilon: number;
}

/** A block's tfjs variables, in its trainableVariables order, then its BatchNorm statistics. */
export const PARAMETER_ROLES = ['weight', 'bias', 'gamma', 'beta', 'runningMean', 'runningVar'] as const;
export type ParameterRole = (typeof PARAMETER_ROLES)[number];
export const TRAINABLE_ROLES: readonly ParameterRole[] = ['weight', 'bias', 'gamma', 'beta'];

/** Floats in a block's variable: the [in, out] weight, or one per output feature. */
export function variableSize(layer: DenseLayerSpec, role: ParameterRole): number {
  return role === 'weight' ? layer.inputSize * layer.outputSize : layer.outputSize;
}

/** The variables a block has, in order (a block without BatchNorm has weight and bias only). */
export function rolesOf(
  layer: DenseLayerSpec,
  roles: readonly ParameterRole[] = PARAMETER_ROLES,
): ParameterRole[] {
  return roles.filter((role) => layer.batchNorm || role === 'weight' || role === 'bias');
}

export interface LayerOffsets {
  /**
   * In the flat parameter layout that `grads` and `moments` follow (each variable's values live in
   * a buffer of their own, the one tfjs wraps).
   */
  weight: number;
  bias: number;
  gamma: number;
  beta: number;
  /** In the flat layout of the BatchNorm statistics (a saved state's). */
  runningMean: number;
  runningVar: number;
  /** In `scratch`: 1/√(var + eps) of the last training batch, for the backward pass. */
  inverseStd: number;
  /** In `activations`: the layer's input rows, its normalised (or raw) pre-activations, its output, its dZ. */
  input: number;
  preActivation: number;
  output: number;
  outputGradient: number;
}

export interface NetworkLayout {
  spec: DenseNetworkSpec;
  batchSize: number;
  layers: { spec: DenseLayerSpec; offsets: LayerOffsets }[];
  parameterCount: number;
  runningCount: number;
  /** Noisy input batch and its clean target, in `activations`. */
  inputOffset: number;
  targetOffset: number;
  activationCount: number;
  /** Floats of `scratch` used by the per-layer inverse std; partial sums follow (see fusedKernels). */
  inverseStdCount: number;
}

/** A dense autoencoder as one chain: encoder blocks, the latent layer, decoder blocks, sigmoid. */
export function networkFromAutoencoder(spec: DenseAutoencoderSpec): DenseNetworkSpec {
  const chain = (sizes: number[], dropout: number[], last: Activation): DenseLayerSpec[] =>
    sizes.slice(0, -1).map((inputSize, k) => {
      const isLast = k === sizes.length - 2;
      return {
        inputSize,
        outputSize: sizes[k + 1],
        batchNorm: (spec.batchNorm ?? true) && !isLast,
        activation: isLast ? last : 'relu',
        dropoutRate: isLast ? 0 : (dropout[k] ?? 0),
      };
    });
  return {
    layers: [
      ...chain(spec.encoderSizes, spec.encoderDropout, spec.latentActivation ?? 'linear'),
      ...chain(spec.decoderSizes, [], 'sigmoid'),
    ],
    batchNormMomentum: spec.batchNormMomentum,
    batchNormEpsilon: spec.batchNormEpsilon,
  };
}

export function layoutNetwork(spec: DenseNetworkSpec, batchSize: number): NetworkLayout {
  const first = spec.layers[0];
  if (!first) throw new Error('the network needs at least one layer');
  let parameterCount = 0;
  let runningCount = 0;
  let inverseStdCount = 0;
  const inputOffset = 0;
  const targetOffset = batchSize * first.inputSize;
  const last = spec.layers[spec.layers.length - 1];
  let activationCount = targetOffset + batchSize * last.outputSize;
  let previousOutput = inputOffset;
  let previousSize = first.inputSize;
  const layers = spec.layers.map((layer) => {
    if (layer.inputSize !== previousSize) {
      throw new Error(`a layer expects ${layer.inputSize} inputs but gets ${previousSize}`);
    }
    const take = (count: number) => {
      const offset = parameterCount;
      parameterCount += count;
      return offset;
    };
    const weight = take(layer.inputSize * layer.outputSize);
    const bias = take(layer.outputSize);
    const gamma = layer.batchNorm ? take(layer.outputSize) : -1;
    const beta = layer.batchNorm ? take(layer.outputSize) : -1;
    const runningMean = layer.batchNorm ? runningCount : -1;
    const runningVar = layer.batchNorm ? runningCount + layer.outputSize : -1;
    if (layer.batchNorm) runningCount += 2 * layer.outputSize;
    const inverseStd = layer.batchNorm ? inverseStdCount : -1;
    if (layer.batchNorm) inverseStdCount += layer.outputSize;
    const rows = batchSize * layer.outputSize;
    const offsets: LayerOffsets = {
      weight,
      bias,
      gamma,
      beta,
      runningMean,
      runningVar,
      inverseStd,
      input: previousOutput,
      preActivation: activationCount,
      output: activationCount + rows,
      outputGradient: activationCount + 2 * rows,
    };
    activationCount += 3 * rows;
    previousOutput = offsets.output;
    previousSize = layer.outputSize;
    return { spec: layer, offsets };
  });
  return {
    spec,
    batchSize,
    layers,
    parameterCount,
    runningCount,
    inputOffset,
    targetOffset,
    activationCount,
    inverseStdCount,
  };
}
