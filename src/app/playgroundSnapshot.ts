/** `window.playground.snapshot()`: the read-only view that end-to-end tests use. */
import type { DatasetName } from '../shared/config';
import type { ImageMetrics, MetricsRecord, RobustnessCurve, SavedRunSummary } from '../shared/protocol';
import { debugHooks, type DebugHooks } from './debugHooks';
import { usePlayground } from './store';
import type { SaveReport } from './store/persistenceSlice';

export interface PlaygroundSnapshot {
  backend: string | null;
  status: string;
  epoch: number;
  step: number;
  trainLoss: number[];
  valLoss: number[];
  learningRates: number[];
  metrics: ImageMetrics | null;
  /** Every epoch's test metrics, in order (metrics is the last of them). */
  metricsHistory: MetricsRecord[];
  /** Mean PSNR of the latest weights at each test noise level (0 = clean inputs); null before it. */
  robustnessCurve: RobustnessCurve | null;
  latentPoints: number;
  numTensors: number;
  /** The slider's noise level for the grid (training has its own, in the run config). */
  evalNoiseLevel: number;
  selectedTestIndex: number | null;
  errorMessage: string | null;
  /** `engine`: the fused WebGPU step trains; `tfjs`: tfjs ops do. */
  trainStep: 'engine' | 'tfjs' | null;
  bestEpoch: number | null;
  learningRate: number;
  /** The dataset the current run trains on. */
  dataset: DatasetName;
  /** The model preset of the run in the worker. */
  preset: string;
  /** Rows of the runs table. */
  keptRuns: number;
  /** This tab's last save of its run and what it cost; null before the first. */
  lastSave: SaveReport | null;
  /** The saved run the resume button offers. */
  resumableRun: SavedRunSummary | null;
}

function bestEpoch(records: readonly { epoch: number; isBest: boolean }[]): number | null {
  return records.filter((record) => record.isBest).at(-1)?.epoch ?? null;
}

export function snapshot(): PlaygroundSnapshot {
  const state = usePlayground.getState();
  const latest = state.metricsHistory[state.metricsHistory.length - 1];
  return {
    backend: state.backend,
    status: state.status,
    epoch: state.epoch,
    step: state.step,
    trainLoss: [...state.batchLosses],
    valLoss: state.epochRecords.map((record) => record.validationLoss),
    learningRates: state.epochRecords.map((record) => record.learningRate),
    metrics: latest
      ? { mse: latest.mse, psnr: latest.psnr, ssim: latest.ssim, ssimGlobal: latest.ssimGlobal }
      : null,
    metricsHistory: state.metricsHistory.map((record) => ({ ...record })),
    robustnessCurve: state.robustnessCurve
      ? {
          ...state.robustnessCurve,
          noiseLevels: [...state.robustnessCurve.noiseLevels],
          psnr: [...state.robustnessCurve.psnr],
        }
      : null,
    latentPoints: state.latent ? state.latent.codes.length / 2 : 0,
    numTensors: state.numTensors,
    evalNoiseLevel: state.viewRequest.evalNoiseLevel,
    selectedTestIndex: state.selectedTestIndex,
    errorMessage: state.errorMessage,
    trainStep: state.trainStep,
    bestEpoch: bestEpoch(state.epochRecords),
    learningRate: state.learningRate,
    dataset: state.runConfig.dataset,
    preset: state.runConfig.preset,
    keptRuns: state.keptRuns.length,
    lastSave: state.lastSaveReport && { ...state.lastSaveReport },
    resumableRun: state.resumableRun && { ...state.resumableRun },
  };
}

declare global {
  interface Window {
    playground: { snapshot: () => PlaygroundSnapshot; debug: DebugHooks };
  }
}

export function exposePlayground(): void {
  window.playground = { snapshot, debug: debugHooks };
}
