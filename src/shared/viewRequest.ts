/**
 * What the panels ask the worker to show. The store owns the one copy and sends it whole when it
 * changes; the worker redraws every view from (model, request), so nothing is asked twice.
 */
import type { NoiseType } from './config';
import type { LatentPoint } from './protocol';
import { DEFAULT_EVALUATION_NOISE, usableEvaluationNoise, type EvaluationNoise } from './runs';

/** The reconstruction grid shows this many test images. */
export const GRID_IMAGE_COUNT = 8;
export const MAX_MANIFOLD_GRID_SIZE = 30;

export interface ViewRequest {
  /** Test indices of the grid's images, at most GRID_IMAGE_COUNT. */
  gridTestIndices: readonly number[];
  /** Noise level of the grid's inputs (the slider), 0 to 1; training uses its own level. */
  evalNoiseLevel: number;
  /** Noise type of the grid's and robustness inputs; null: the type the run trains with. */
  evalNoiseType: NoiseType | null;
  /** The clicked point of the latent plane, decoded after every change of the model; null: none. */
  latentPoint: LatentPoint | null;
  /** The manifold view decodes a manifoldGridSize × manifoldGridSize grid of points. */
  manifoldGridSize: number;
  /** The robustness strip shows one test image at each of these noise levels. */
  stripNoiseLevels: readonly number[];
  /** Runs whose reconstructions of the same noisy images are compared: kept runs' ids or CURRENT_RUN_ID. */
  comparedRuns: readonly string[];
  /** The one noise every kept run's table metrics and the comparison's inputs are measured at. */
  runsNoise: EvaluationNoise;
}

export const FIXED_GRID_INDICES: readonly number[] = Array.from({ length: GRID_IMAGE_COUNT }, (_, i) => i);

export const DEFAULT_VIEW_REQUEST: ViewRequest = {
  gridTestIndices: FIXED_GRID_INDICES,
  evalNoiseLevel: 0.25,
  evalNoiseType: null,
  latentPoint: null,
  manifoldGridSize: 15,
  stripNoiseLevels: [0.1, 0.25, 0.4, 0.6],
  comparedRuns: [],
  runsNoise: DEFAULT_EVALUATION_NOISE,
};

/** The comparison view shows at most this many runs. */
export const MAX_COMPARED_RUNS = 2;

/** The grid's images: the first of a brush, else the fixed ones. */
export function gridTestIndicesOf(brushedTestIndices: readonly number[] | null): readonly number[] {
  return brushedTestIndices ? brushedTestIndices.slice(0, GRID_IMAGE_COUNT) : FIXED_GRID_INDICES;
}

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));

/** The request with every value made usable, so a bad message cannot break a redraw. */
export function usableViewRequest(request: ViewRequest): ViewRequest {
  const finite = (value: number, fallback: number) => (Number.isFinite(value) ? value : fallback);
  const { latentPoint } = request;
  return {
    ...request,
    gridTestIndices: request.gridTestIndices.filter(Number.isInteger).slice(0, GRID_IMAGE_COUNT),
    evalNoiseLevel: clamp(finite(request.evalNoiseLevel, DEFAULT_VIEW_REQUEST.evalNoiseLevel), 0, 1),
    latentPoint:
      latentPoint && Number.isFinite(latentPoint.x) && Number.isFinite(latentPoint.y) ? latentPoint : null,
    manifoldGridSize: clamp(
      Math.round(finite(request.manifoldGridSize, DEFAULT_VIEW_REQUEST.manifoldGridSize)),
      1,
      MAX_MANIFOLD_GRID_SIZE,
    ),
    stripNoiseLevels: request.stripNoiseLevels.filter(Number.isFinite).map((level) => clamp(level, 0, 1)),
    comparedRuns: [...new Set(request.comparedRuns)].slice(0, MAX_COMPARED_RUNS),
    runsNoise: usableEvaluationNoise(request.runsNoise),
  };
}
