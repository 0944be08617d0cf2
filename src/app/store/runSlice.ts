/** Run state: status, backend, counters, progress and errors. */
import type { StateCreator } from 'zustand';
import type { BackendName, TrainingConfig, TrainStepKind } from '../../shared/config';
import type { RunStatus } from '../../shared/protocol';

export interface FileProgress {
  loadedBytes: number;
  totalBytes: number | null;
}

export interface RunSlice {
  status: RunStatus;
  backend: BackendName | null;
  backendReason: string;
  adapterDescription: string | null;
  /** Which step trains the run (the fused WebGPU engine or tfjs ops), and why. */
  trainStep: TrainStepKind | null;
  trainStepReason: string;
  /** The config of the run in the worker (the controls edit a draft until reset). */
  runConfig: TrainingConfig;
  errorMessage: string | null;
  warnings: string[];
  epoch: number;
  step: number;
  stepInEpoch: number;
  stepsPerEpoch: number;
  epochElapsedMs: number;
  learningRate: number;
  /** The epoch of the checkpoint the model holds since a restore, until training goes on. */
  restoredEpoch: number | null;
  numTensors: number;
  dataProgress: Record<string, FileProgress>;
  dataCounts: { train: number; validation: number; test: number } | null;
  /** Test images as bytes (count×784) and their labels, sent once when the data loads. */
  testImages: Uint8Array | null;
  testLabels: Uint8Array | null;
  dismissError(): void;
}

export const createRunSlice =
  (initialConfig: TrainingConfig, warnings: string[]): StateCreator<RunSlice, [], [], RunSlice> =>
  (set) => ({
    status: 'loading',
    backend: null,
    backendReason: '',
    adapterDescription: null,
    trainStep: null,
    trainStepReason: '',
    runConfig: initialConfig,
    errorMessage: null,
    warnings,
    epoch: 0,
    step: 0,
    stepInEpoch: 0,
    stepsPerEpoch: 0,
    epochElapsedMs: 0,
    learningRate: initialConfig.learningRate,
    restoredEpoch: null,
    numTensors: 0,
    dataProgress: {},
    dataCounts: null,
    testImages: null,
    testLabels: null,
    dismissError: () => set({ errorMessage: null }),
  });
