/** All test images at their 2-D codes, by class; click the plane to decode, brush to filter the grid. */
import { useMemo, useState } from 'react';
import type { LayoutSelection, PlotSelectionEvent } from 'plotly.js-dist-min';
import { classNamesOf } from '../../../shared/dataset';
import { byteImageAt } from '../../../shared/imageMath';
import type { LatentProjectionInfo } from '../../../shared/protocol';
import {
  brushSelectionsOf,
  buildClassTraces,
  buildLatentFigure,
  testIndicesOfPoints,
  nextSelectableTraces,
  type LatentDragMode,
} from '../../charts/latentFigure';
import { ChartLegend, useHiddenTraces } from '../../charts/ChartLegend';
import { legendItemsOf, withHiddenTraces } from '../../charts/chartLegend';
import { PlotlyChart } from '../../charts/PlotlyChart';
import { ImageCanvas } from '../../components/ImageCanvas';
import { Panel } from '../../components/Panel';
import { usePlayground } from '../../store';
import {
  selectBrushedTestIndices,
  selectDatasetName,
  selectLatent,
  selectSelectedTestIndex,
  selectSetBrushedTestIndices,
  selectTestImages,
} from '../../store/selectors';
import { useLatentPicking } from './useLatentPicking';

const DRAG_MODES: { mode: LatentDragMode; label: string; hint: string }[] = [
  { mode: 'zoom', label: 'zoom', hint: 'Drag to zoom, double-click to reset' },
  { mode: 'pan', label: 'pan', hint: 'Drag to move the view' },
  { mode: 'select', label: 'box', hint: 'Drag a box to show its images in the grid' },
  { mode: 'lasso', label: 'lasso', hint: 'Draw around points to show their images in the grid' },
];

const NO_SELECTIONS: LayoutSelection[] = [];

function sameIndices(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((index, i) => index === b[i]);
}

function formatPoint(point: { x: number; y: number }): string {
  return `(${point.x.toFixed(2)}, ${point.y.toFixed(2)})`;
}

export function LatentScatterPanel() {
  const latent = usePlayground(selectLatent);
  const testImages = usePlayground(selectTestImages);
  const dataset = usePlayground(selectDatasetName);
  const selectedTestIndex = usePlayground(selectSelectedTestIndex);
  const brushedTestIndices = usePlayground(selectBrushedTestIndices);
  const setBrushedTestIndices = usePlayground(selectSetBrushedTestIndices);
  const [dragMode, setDragMode] = useState<LatentDragMode>('zoom');
  const [brushSelections, setBrushSelections] = useState<LayoutSelection[]>([]);
  const classNames = classNamesOf(dataset);
  const picking = useLatentPicking(latent, classNames);
  const [hidden, toggleClass] = useHiddenTraces();

  // The 10k-point traces depend on the codes only; overlays change without rebuilding them.
  const classTraces = useMemo(
    () => (latent ? buildClassTraces(latent.codes, latent.labels, classNames) : []),
    [latent, classNames],
  );
  // Plotly draws a brush into the traces it holds; renew them when the brush is cleared anywhere.
  const [selectable, setSelectable] = useState(() =>
    nextSelectableTraces(null, classTraces, brushedTestIndices),
  );
  const nextSelectable = nextSelectableTraces(selectable, classTraces, brushedTestIndices);
  if (nextSelectable !== selectable) setSelectable(nextSelectable);
  const figure = useMemo(
    () =>
      withHiddenTraces(
        buildLatentFigure(selectable.traces, latent?.codes ?? null, {
          selectedTestIndex,
          clickedPoint: picking.clickTarget,
          dragMode,
          selectionRevision: selectable.revision,
          brushSelections: brushedTestIndices ? brushSelections : NO_SELECTIONS,
        }),
        hidden,
      ),
    [
      selectable.traces,
      selectable.revision,
      latent,
      selectedTestIndex,
      picking.clickTarget,
      dragMode,
      brushedTestIndices,
      brushSelections,
      hidden,
    ],
  );
  const legendItems = useMemo(() => legendItemsOf(classTraces), [classTraces]);

  const onSelected = (event: PlotSelectionEvent | undefined) => {
    const indices = event ? testIndicesOfPoints(event.points) : [];
    // Plotly re-reports an unchanged brush after redraws; only a real change reaches the grid.
    if (!sameIndices(indices, brushedTestIndices ?? [])) setBrushedTestIndices(indices);
    const selections = brushSelectionsOf(event);
    if (JSON.stringify(selections) !== JSON.stringify(brushSelections)) setBrushSelections(selections);
  };

  const actions = (
    <span className="panel-actions drag-modes" role="group" aria-label="Drag mode">
      {DRAG_MODES.map(({ mode, label, hint }) => (
        <button
          type="button"
          key={mode}
          title={hint}
          aria-pressed={dragMode === mode}
          className={dragMode === mode ? 'active' : undefined}
          onClick={() => setDragMode(mode)}
        >
          {label}
        </button>
      ))}
    </span>
  );
  const clicked = picking.clicked;
  const hoveredImage =
    testImages && picking.hovered ? byteImageAt(testImages, picking.hovered.testIndex) : null;
  return (
    <Panel
      showsModel
      title={latent?.projection ? 'Latent space (PCA projection)' : 'Latent space'}
      caption={latentCaption(latent?.projection ?? null)}
      testId="latent-scatter"
      className="latent-panel"
      actions={actions}
    >
      <div className="latent-body">
        <div className="latent-plot-column">
          <PlotlyChart
            name="latent"
            figure={figure}
            className="plotly-chart latent-plot"
            onReady={picking.onReady}
            onHover={picking.onHover}
            onUnhover={picking.onUnhover}
            onClick={picking.onClick}
            onSelected={onSelected}
          />
          <ChartLegend items={legendItems} hidden={hidden} onToggle={toggleClass} />
        </div>
        <div className="latent-side">
          <figure
            className="latent-decoded"
            data-testid="latent-decoded"
            data-state={clicked ? 'decoded' : 'empty'}
            data-latent-x={clicked?.x}
            data-latent-y={clicked?.y}
          >
            <ImageCanvas pixels={clicked?.image ?? null} sizePx={84} title="decoded from the clicked point" />
            <figcaption>
              {clicked
                ? `decoded ${formatPoint(clicked)}${latent?.projection ? ' via mean + x·PC1 + y·PC2' : ''}`
                : 'click the plane to decode a point'}
            </figcaption>
          </figure>
          <figure className="latent-hover">
            <ImageCanvas pixels={hoveredImage} sizePx={84} title="the hovered test image" />
            <figcaption>
              {picking.hovered
                ? `${picking.hovered.className} #${picking.hovered.testIndex}`
                : 'hover a point'}
            </figcaption>
          </figure>
          {brushedTestIndices && <p className="brush-note">{brushedTestIndices.length} brushed</p>}
        </div>
      </div>
    </Panel>
  );
}

/** Says whether the plane is the latent itself or its PCA projection, and what a click decodes. */
function latentCaption(projection: LatentProjectionInfo | null): string {
  const brush = 'box or lasso to show those images in the grid.';
  if (!projection) {
    return `Every test image at its 2-D code, coloured by class. Click anywhere to decode that point; ${brush}`;
  }
  const [pc1, pc2] = projection.explainedVariance.map((share) => `${(100 * share).toFixed(0)}%`);
  return (
    `PCA projection: the ${projection.latentSize}-D codes of the test images on their first two ` +
    `principal components (PC1 ${pc1}, PC2 ${pc2} of the variance), coloured by class. A click decodes ` +
    `the inverse projection mean + x·PC1 + y·PC2 (every other component at its mean); ${brush}`
  );
}
