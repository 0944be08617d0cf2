/** What the panels show, the user's selection that links them, and the view request they share. */
import type { StateCreator } from 'zustand';
import type {
  DecodedLatent,
  FeatureMaps,
  ImageTriplets,
  LatentCodes,
  LatentManifold,
  LatentPoint,
  MetricsRecord,
  RobustnessCurve,
} from '../../shared/protocol';
import { DEFAULT_VIEW_REQUEST, gridTestIndicesOf, type ViewRequest } from '../../shared/viewRequest';

export interface ViewsSlice {
  grid: ImageTriplets | null;
  robustnessStrip: ImageTriplets | null;
  robustnessCurve: RobustnessCurve | null;
  metricsHistory: MetricsRecord[];
  latent: LatentCodes | null;
  decodedPoint: DecodedLatent | null;
  manifold: LatentManifold | null;
  /** The conv model's bottleneck maps of the grid's first image; null for other models. */
  featureMaps: FeatureMaps | null;
  /** What the worker draws; the training client sends it whole whenever it changes. */
  viewRequest: ViewRequest;
  /** Test index selected in any panel; every panel highlights it. */
  selectedTestIndex: number | null;
  /** Test indices inside the scatter's brushed region, or null when nothing is brushed. */
  brushedTestIndices: number[] | null;
  selectTestIndex(index: number | null): void;
  /** The slider's noise level for the grid's inputs (not the training noise). */
  setEvalNoiseLevel(evalNoiseLevel: number): void;
  /** The clicked point of the latent plane; the worker decodes it again after every epoch. */
  setLatentPoint(latentPoint: LatentPoint): void;
  /** Set by the scatter's box/lasso selection; null (or an empty brush) clears the filter. */
  setBrushedTestIndices(testIndices: number[] | null): void;
}

export const createViewsSlice: StateCreator<ViewsSlice, [], [], ViewsSlice> = (set) => {
  const request = (change: Partial<ViewRequest>) =>
    set((state) => ({ viewRequest: { ...state.viewRequest, ...change } }));
  return {
    grid: null,
    robustnessStrip: null,
    robustnessCurve: null,
    metricsHistory: [],
    latent: null,
    decodedPoint: null,
    manifold: null,
    featureMaps: null,
    viewRequest: DEFAULT_VIEW_REQUEST,
    selectedTestIndex: null,
    brushedTestIndices: null,
    selectTestIndex: (index) => set({ selectedTestIndex: index }),
    setEvalNoiseLevel: (evalNoiseLevel) => request({ evalNoiseLevel }),
    setLatentPoint: (latentPoint) => request({ latentPoint }),
    setBrushedTestIndices: (testIndices) => {
      const brushed = testIndices && testIndices.length > 0 ? testIndices : null;
      set((state) => ({
        brushedTestIndices: brushed,
        viewRequest: { ...state.viewRequest, gridTestIndices: gridTestIndicesOf(brushed) },
      }));
    },
  };
};
