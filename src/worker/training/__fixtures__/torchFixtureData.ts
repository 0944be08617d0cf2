/** torch.json, typed: also read by the engine's in-browser checks, so no test framework here. */
import json from './torch.json';
import type { ReduceLrOnPlateauOptions } from '../reduceLrOnPlateau';

/** Shapes of torch.json, written by scripts/fixtures/make_torch_fixtures.py. */
type Values = number[] | number[][];
type StateDict = Record<string, Values>;

/** 3 training steps of the small model from one initial state, as torch took them. */
export interface TrainingRun {
  epsilon: number;
  learningRate: number;
  weightDecay: number;
  clipNorm: number;
  initialState: StateDict;
  losses: number[];
  gradientNorms: number[];
  finalState: StateDict;
  evalReconstruction: number[][];
  evalLatent: number[][];
}

export interface TorchFixtures {
  adamw: {
    learningRate: number;
    weightDecay: number;
    beta1: number;
    beta2: number;
    epsilon: number;
    /** [step index, new learning rate] applied before that step. */
    learningRateChanges: number[][];
    initialParams: Values[];
    gradients: Values[][];
    paramsAfterStep: Values[][];
  }[];
  clip: { maxNorm: number; gradients: Values[]; clipped: Values[]; globalNorm: number }[];
  plateau: {
    options: ReduceLrOnPlateauOptions;
    initialLr: number;
    /** null stands for NaN. */
    metrics: (number | null)[];
    learningRates: number[];
  }[];
  batchNorm: {
    momentum: number;
    epsilon: number;
    initial: StateDict;
    trainInputs: number[][][];
    trainOutputs: number[][][];
    statsAfterBatch: { runningMean: number[]; runningVar: number[] }[];
    evalInput: number[][];
    evalOutput: number[][];
  };
  loss: {
    target: number[][];
    output: number[][];
    mseWeight: number;
    l1Weight: number;
    value: number;
    perSample: number[];
  };
  training: {
    spec: { encoderSizes: number[]; decoderSizes: number[]; encoderDropout: number[] };
    target: number[][];
    noisyInput: number[][];
    /** Biases whose gradient is exactly zero in exact arithmetic (they feed a BatchNorm). */
    zeroGradientBiases: string[];
    /** Clip 1.0, which these runs never reach (their gradient norms stay below it). */
    runs: TrainingRun[];
    /** Clip 0.02, below every gradient norm, with eps 1e-3 so Adam does not undo the clip. */
    clippedRun: TrainingRun;
  };
  referenceModel: { parameterCount: number; stateShapes: Record<string, number[]> };
}

export const torchFixtureData: TorchFixtures = json;
