import * as tf from '@tensorflow/tfjs';
import type { SeededRandom } from '../training/random';
import { createBatchNorm, type BatchNorm } from './batchNorm';
import { dropout } from './dropout';
import { createLinear, type Linear } from './linear';

/** A state variable under its PyTorch state_dict name (e.g. `encoder.1.running_var`). */
export interface NamedState {
  readonly torchName: string;
  readonly variable: tf.Variable;
}

export interface DenseStackOptions {
  /** Layer widths, input first: every transition but the last is Linear (+ BatchNorm) + ReLU. */
  sizes: number[];
  /** Dropout rate after hidden block k; missing or 0 = none. */
  dropoutRates: number[];
  /** BatchNorm1d in every hidden block (the reference model), or none (the lab's plain variants). */
  batchNorm: boolean;
  outputActivation: StackActivation;
  batchNormMomentum: number;
  batchNormEpsilon: number;
  /** `encoder` or `decoder`, the nn.Sequential's attribute name. */
  torchPrefix: string;
}

export type StackActivation = 'linear' | 'sigmoid' | 'relu';

/** One nn.Sequential of the autoencoder. */
export interface DenseStack {
  readonly namedState: NamedState[];
  /** `dropoutSeeds` hands out one seed per dropout layer; undefined = unseeded. */
  apply(x: tf.Tensor2D, training: boolean, dropoutSeeds?: SeededRandom): tf.Tensor2D;
}

interface HiddenBlock {
  linear: Linear;
  batchNorm: BatchNorm | null;
  dropoutRate: number;
}

function activate(x: tf.Tensor2D, activation: StackActivation): tf.Tensor2D {
  if (activation === 'sigmoid') return tf.sigmoid(x);
  return activation === 'relu' ? tf.relu(x) : x;
}

export function createDenseStack(options: DenseStackOptions, random: SeededRandom): DenseStack {
  const { sizes, torchPrefix } = options;
  if (sizes.length < 2) throw new Error(`${torchPrefix} needs at least two layer sizes`);
  const blocks: HiddenBlock[] = [];
  const namedState: NamedState[] = [];
  const name = (index: number, field: string): string => `${torchPrefix}.${index}.${field}`;
  // Module indices follow nn.Sequential: Linear, BatchNorm1d (when used), ReLU and, only when
  // its rate is set, Dropout.
  let moduleIndex = 0;
  for (let k = 0; k < sizes.length - 2; k++) {
    const dropoutRate = options.dropoutRates[k] ?? 0;
    const linear = createLinear(sizes[k], sizes[k + 1], random);
    namedState.push(
      { torchName: name(moduleIndex, 'weight'), variable: linear.weight },
      { torchName: name(moduleIndex, 'bias'), variable: linear.bias },
    );
    const batchNorm = options.batchNorm
      ? createBatchNorm(sizes[k + 1], options.batchNormMomentum, options.batchNormEpsilon)
      : null;
    if (batchNorm) {
      namedState.push(
        { torchName: name(moduleIndex + 1, 'weight'), variable: batchNorm.gamma },
        { torchName: name(moduleIndex + 1, 'bias'), variable: batchNorm.beta },
        { torchName: name(moduleIndex + 1, 'running_mean'), variable: batchNorm.runningMean },
        { torchName: name(moduleIndex + 1, 'running_var'), variable: batchNorm.runningVar },
      );
    }
    blocks.push({ linear, batchNorm, dropoutRate });
    moduleIndex += (batchNorm ? 3 : 2) + (dropoutRate > 0 ? 1 : 0);
  }
  const output = createLinear(sizes[sizes.length - 2], sizes[sizes.length - 1], random);
  namedState.push(
    { torchName: name(moduleIndex, 'weight'), variable: output.weight },
    { torchName: name(moduleIndex, 'bias'), variable: output.bias },
  );

  return {
    namedState,
    apply: (x, training, dropoutSeeds) =>
      tf.tidy(() => {
        let h = x;
        for (const { linear, batchNorm, dropoutRate } of blocks) {
          const z = linear.apply(h);
          h = tf.relu(batchNorm ? batchNorm.apply(z, training) : z);
          if (training && dropoutRate > 0) h = dropout(h, dropoutRate, dropoutSeeds?.nextSeed());
        }
        return activate(output.apply(h), options.outputActivation);
      }),
  };
}
