/** presets.json, typed: written by scripts/fixtures/make_preset_fixtures.py. */
import json from './presets.json';

type Values = number[] | number[][];

export interface PresetArchitecture {
  parameterCount: number;
  /** For a batch of 3 images. */
  outputShape: number[];
  latentShape: number[];
}

/** Three Adam steps (torch.optim.Adam) of the small dense model on BCE/MSE with the penalties. */
export interface AdamRun {
  learningRate: number;
  mseWeight: number;
  bceWeight: number;
  l2Penalty: number;
  latentL1Penalty: number;
  initialState: Record<string, Values>;
  losses: number[];
  finalState: Record<string, Values>;
}

export interface PresetFixtures {
  /** Keyed by preset, and `dense-3/30`-style for the dense presets with a latent size. */
  presets: Record<string, PresetArchitecture>;
  /** The conv model's eval forward from torch's weights, given in the TS model's kernel layout. */
  convForward: {
    state: Record<string, Values>;
    input: number[][];
    latent: number[][];
    reconstruction: number[][];
  };
  /** torch's binary_cross_entropy (mean) and its gradient, saturated outputs included. */
  bce: { output: number[][]; target: number[][]; value: number; gradient: number[][] };
  adam: {
    spec: { encoderSizes: number[]; decoderSizes: number[] };
    target: number[][];
    noisyInput: number[][];
    runs: AdamRun[];
  };
}

export const presetFixtures: PresetFixtures = json;
