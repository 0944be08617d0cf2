/**
 * Every message that crosses the worker boundary. Commands (app → worker) are imperative,
 * events (worker → app) past tense. Images travel as flat Float32Arrays of N×784 in [0, 1].
 */
import type { BenchmarkRequest, BenchmarkResult } from './speedBenchmark';
import type { BackendName, DatasetName, TrainingConfig, TrainStepKind } from './config';
import type { RunFile } from './runFile';
import type { KeptRunCurves, KeptRunMetrics, KeptRunSummary, RunComparison } from './runs';
import type { ViewRequest } from './viewRequest';

export type RunStatus = 'loading' | 'idle' | 'training' | 'paused' | 'done' | 'failed';

export interface LatentBounds {
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

/** Saved runs, files and the device-loss hook (src/worker/persistence handles these). */
export type PersistenceCommand =
  | { type: 'resumeSavedRun'; runId: string }
  | { type: 'exportModel' }
  | { type: 'importModel'; files: ModelFiles }
  | { type: 'importRun'; run: RunFile }
  /** Test hook: destroys the WebGPU device, or crashes the worker on other backends. */
  | { type: 'loseDevice' };

export type WorkerCommand =
  | {
      type: 'initialize';
      config: TrainingConfig;
      views: ViewRequest;
      dataBaseUrl: string;
      /** A restarted worker (device lost, crash): resume this saved run, then say why. */
      recovery?: { runId: string | null; reason: string };
    }
  | PersistenceCommand
  | { type: 'start' }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'step' }
  | { type: 'reset'; config: TrainingConfig }
  | { type: 'restoreBest' }
  /** The whole view request, sent whenever it changes; the worker redraws what it changes. */
  | { type: 'setViews'; views: ViewRequest }
  /** Test hook: the next training loss becomes NaN, as a divergence would make it. */
  | { type: 'injectNonFinite' }
  /** Keeps the stopped current run (its best weights stay in the worker) under `name`. */
  | { type: 'keepRun'; name: string; curves: KeptRunCurves }
  | { type: 'deleteKeptRun'; runId: string }
  /** Measures the training steps side by side (the bench page); the worker trains nothing else after. */
  | { type: 'runBenchmark'; request: BenchmarkRequest; dataBaseUrl: string };

export interface BatchLoss {
  step: number;
  loss: number;
}

/** One finished epoch, as the loss chart and the runs table keep it. */
export interface EpochRecord {
  epoch: number;
  /** Global step at the end of the epoch (x position on the loss chart). */
  step: number;
  trainLoss: number;
  validationLoss: number;
  learningRate: number;
  learningRateDropped: boolean;
  isBest: boolean;
  epochElapsedMs: number;
}

export interface ImageTriplets {
  /** Test-set indices of the images, in order. */
  testIndices: number[];
  /** The noise level of each noisy image, in the same order. */
  noiseLevels: number[];
  originals: Float32Array;
  noisy: Float32Array;
  reconstructions: Float32Array;
}

export interface BackendChoice {
  backend: BackendName;
  /** Why this backend: shown to the user when it is not WebGPU. */
  reason: string;
  adapterDescription: string | null;
}

/** Test-set image quality of the reconstructions. */
export interface ImageMetrics {
  mse: number;
  psnr: number;
  /** Standard Gaussian-window SSIM (Wang et al. 2004), as scikit-image computes it. */
  ssim: number;
  /** The lab's simplified SSIM: one window over the whole image. */
  ssimGlobal: number;
}

/** One epoch's test metrics, as the metrics panel and the snapshot keep them. */
export interface MetricsRecord extends ImageMetrics {
  epoch: number;
}

/** Mean PSNR of the reconstructions at each test noise level. */
export interface RobustnessCurve {
  epoch: number;
  noiseLevels: number[];
  psnr: number[];
}

/** How a latent larger than 2-D is shown: on its first two principal components. */
export interface LatentProjectionInfo {
  latentSize: number;
  /** Share of the codes' variance along PC1 and PC2. */
  explainedVariance: [number, number];
}

/** The test images' 2-D codes (count×2, x then y) and their class labels. */
export interface LatentCodes {
  epoch: number;
  codes: Float32Array;
  labels: Uint8Array;
  /** null: the codes are the latent itself; else its PCA projection (a click decodes its inverse). */
  projection: LatentProjectionInfo | null;
}

export interface LatentPoint {
  x: number;
  y: number;
}

/** The image the decoder makes of one latent point. */
export interface DecodedLatent extends LatentPoint {
  image: Float32Array;
}

/** Images decoded from a gridSize × gridSize grid of points spanning `bounds`. */
export interface LatentManifold {
  gridSize: number;
  bounds: LatentBounds;
  images: Float32Array;
}

/** The conv model's bottleneck maps of one clean test image, each scaled to [0, 1] and enlarged to 28×28. */
export interface FeatureMaps {
  testIndex: number;
  /** Side of one map before enlarging (7 for the conv preset). */
  side: number;
  /** channels × 784 values. */
  images: Float32Array;
}

/** A model in tfjs's layers format: model.json's text and its weight files by name. */
export interface ModelFiles {
  modelJson: string;
  weightFiles: { name: string; data: ArrayBuffer }[];
}

/** A run's curves and metrics as the panels show them: what a resumed or imported run brings back. */
export interface RunHistory {
  batchLosses: BatchLoss[];
  epochRecords: EpochRecord[];
  metricsHistory: MetricsRecord[];
}

/** A run saved in this browser, as the resume offer names it. */
export interface SavedRunSummary {
  runId: string;
  savedAtMs: number;
  dataset: DatasetName;
  epoch: number;
  epochs: number;
  step: number;
}

export type WorkerEvent =
  | ({ type: 'backendSelected' } & BackendChoice)
  | { type: 'dataLoadProgressed'; file: string; loadedBytes: number; totalBytes: number | null }
  | {
      type: 'dataLoaded';
      trainCount: number;
      validationCount: number;
      testCount: number;
      elapsedMs: number;
      /** The test images as bytes (count×784, 0–255) and labels: hover and the preview never ask the worker. */
      testImages: Uint8Array;
      testLabels: Uint8Array;
    }
  | { type: 'statusChanged'; status: RunStatus }
  | {
      type: 'batchesTrained';
      epoch: number;
      stepInEpoch: number;
      stepsPerEpoch: number;
      losses: BatchLoss[];
      learningRate: number;
      numTensors: number;
      epochElapsedMs: number;
    }
  | ({ type: 'epochEnded'; numTensors: number } & EpochRecord)
  | { type: 'bestRestored'; epoch: number; validationLoss: number }
  | {
      type: 'runReset';
      config: TrainingConfig;
      trainStep: TrainStepKind;
      /** Why this step trains (e.g. why the fused engine is not used). */
      trainStepReason: string;
      /** tf.memory().numTensors once the new run is built, before its first batch. */
      numTensors: number;
    }
  | ({ type: 'reconstructionsComputed'; purpose: 'grid' | 'robustness' } & ImageTriplets)
  | ({ type: 'metricsComputed' } & MetricsRecord)
  | ({ type: 'robustnessCurveComputed' } & RobustnessCurve)
  | ({ type: 'latentCodesComputed' } & LatentCodes)
  | ({ type: 'latentDecoded' } & DecodedLatent)
  | ({ type: 'manifoldDecoded' } & LatentManifold)
  | ({ type: 'featureMapsComputed' } & FeatureMaps)
  | { type: 'runKept'; run: KeptRunSummary }
  /** The kept runs stored from earlier visits, sent once after `initialize`. */
  | { type: 'keptRunsLoaded'; runs: KeptRunSummary[] }
  | { type: 'keptRunEvaluated'; runId: string; metrics: KeptRunMetrics }
  | { type: 'keptRunDeleted'; runId: string }
  | ({ type: 'runsCompared' } & RunComparison)
  | ({ type: 'runSaved' } & SavedRunSummary & { bytes: number; readMs: number; writeMs: number })
  /** The latest saved run this page may resume, null when there is none. */
  | { type: 'savedRunFound'; run: SavedRunSummary | null }
  | {
      type: 'runRestored';
      history: RunHistory;
      epoch: number;
      step: number;
      learningRate: number;
      /** The save it continues (null for an imported run file). */
      savedRun: SavedRunSummary | null;
    }
  | ({ type: 'modelExported' } & ModelFiles)
  /** The GPU device is gone: the page restarts the worker, which resumes the last save. */
  | { type: 'deviceLost'; message: string }
  | { type: 'benchmarkProgressed'; message: string }
  | { type: 'benchmarkFinished'; result: BenchmarkResult }
  | { type: 'failed'; message: string };

export type EmitEvent = (event: WorkerEvent, transfer?: Transferable[]) => void;

export function assertNever(value: never): never {
  throw new Error(`Unhandled message: ${JSON.stringify(value)}`);
}
