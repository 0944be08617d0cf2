/** Module-scope selectors, so components re-render only on what they read. */
import type { PlaygroundState } from './index';

export const selectStatus = (s: PlaygroundState) => s.status;
export const selectGrid = (s: PlaygroundState) => s.grid;
export const selectEvalNoiseLevel = (s: PlaygroundState) => s.viewRequest.evalNoiseLevel;
export const selectLatentPoint = (s: PlaygroundState) => s.viewRequest.latentPoint;
export const selectStripNoiseLevels = (s: PlaygroundState) => s.viewRequest.stripNoiseLevels;
export const selectManifoldGridSize = (s: PlaygroundState) => s.viewRequest.manifoldGridSize;
export const selectSelectedTestIndex = (s: PlaygroundState) => s.selectedTestIndex;
export const selectSelectTestIndex = (s: PlaygroundState) => s.selectTestIndex;
export const selectLatent = (s: PlaygroundState) => s.latent;
export const selectDecodedPoint = (s: PlaygroundState) => s.decodedPoint;
export const selectManifold = (s: PlaygroundState) => s.manifold;
export const selectRobustnessStrip = (s: PlaygroundState) => s.robustnessStrip;
export const selectRobustnessCurve = (s: PlaygroundState) => s.robustnessCurve;
export const selectMetricsHistory = (s: PlaygroundState) => s.metricsHistory;
export const selectBrushedTestIndices = (s: PlaygroundState) => s.brushedTestIndices;
export const selectEpochRecords = (s: PlaygroundState) => s.epochRecords;
export const selectBatchLosses = (s: PlaygroundState) => s.batchLosses;
export const selectBatchSteps = (s: PlaygroundState) => s.batchSteps;
export const selectRunConfig = (s: PlaygroundState) => s.runConfig;
export const selectTestImages = (s: PlaygroundState) => s.testImages;
export const selectTestLabels = (s: PlaygroundState) => s.testLabels;
export const selectSetEvalNoiseLevel = (s: PlaygroundState) => s.setEvalNoiseLevel;
export const selectSetLatentPoint = (s: PlaygroundState) => s.setLatentPoint;
export const selectSetBrushedTestIndices = (s: PlaygroundState) => s.setBrushedTestIndices;
export const selectDatasetName = (s: PlaygroundState) => s.runConfig.dataset;
export const selectRestoredEpoch = (s: PlaygroundState) => s.restoredEpoch;
