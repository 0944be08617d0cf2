/** What the panels show, and the user's selection that links them. */
import type { StateCreator } from 'zustand';
import type {
  DecodedLatent,
  ImageTriplets,
  LatentCodes,
  LatentManifold,
  MetricsRecord,
  RobustnessCurve,
} from '../../shared/protocol';

export interface ViewsSlice {
  grid: ImageTriplets | null;
  robustnessStrip: ImageTriplets | null;
  robustnessCurve: RobustnessCurve | null;
  metricsHistory: MetricsRecord[];
  latent: LatentCodes | null;
  decodedPoint: DecodedLatent | null;
  manifold: LatentManifold | null;
  /** Evaluation noise level of the slider (the worker re-runs the grid at it). */
  noiseLevel: number;
  /** Test index selected in any panel; every panel highlights it. */
  selectedTestIndex: number | null;
  /** Test indices inside the scatter's brushed region, or null when nothing is brushed. */
  brushedTestIndices: number[] | null;
  selectTestIndex(index: number | null): void;
  /** Only the store's copy; the slider also tells the worker (throttled) via trainingClient. */
  setNoiseLevel(noiseLevel: number): void;
  /** Set by the scatter's box/lasso selection; null (or an empty brush) clears the filter. */
  setBrushedTestIndices(testIndices: number[] | null): void;
}

export const createViewsSlice: StateCreator<ViewsSlice, [], [], ViewsSlice> = (set) => ({
  grid: null,
  robustnessStrip: null,
  robustnessCurve: null,
  metricsHistory: [],
  latent: null,
  decodedPoint: null,
  manifold: null,
  noiseLevel: 0.25,
  selectedTestIndex: null,
  brushedTestIndices: null,
  selectTestIndex: (index) => set({ selectedTestIndex: index }),
  setNoiseLevel: (noiseLevel) => set({ noiseLevel }),
  setBrushedTestIndices: (testIndices) =>
    set({ brushedTestIndices: testIndices && testIndices.length > 0 ? testIndices : null }),
});
