/**
 * All test images at their 2-D codes, by class: drawn on a canvas under Plotly's axes; click the
 * plane to decode, brush to filter the grid.
 */
import { useCallback, useMemo, useState } from 'react';
import type { PlotlyHTMLElement } from 'plotly.js-dist-min';
import { classNamesOf } from '../../../shared/dataset';
import { byteImageAt } from '../../../shared/imageMath';
import type { LatentProjectionInfo } from '../../../shared/protocol';
import { classOrderOf, type LatentScene } from '../../charts/drawLatentPlane';
import {
  buildLatentFigure,
  classLegendItems,
  codesExtent,
  framedBox,
  latentAxesView,
  type LatentDragMode,
  type PlaneBox,
} from '../../charts/latentFigure';
import { ChartLegend, useHiddenTraces } from '../../charts/ChartLegend';
import { PlotlyChart } from '../../charts/PlotlyChart';
import { ImageCanvas } from '../../components/ImageCanvas';
import { Panel } from '../../components/Panel';
import { usePlayground } from '../../store';
import {
  selectDatasetName,
  selectLatent,
  selectSelectedTestIndex,
  selectTestImages,
} from '../../store/selectors';
import { useLatentBrush } from './useLatentBrush';
import { useLatentCanvas } from './useLatentCanvas';
import { useLatentPicking } from './useLatentPicking';

const DRAG_MODES: { mode: LatentDragMode; label: string; hint: string }[] = [
  { mode: 'zoom', label: 'zoom', hint: 'Drag to zoom, double-click to reset' },
  { mode: 'pan', label: 'pan', hint: 'Drag to move the view' },
  { mode: 'select', label: 'box', hint: 'Drag a box to show its images in the grid; click to clear' },
  {
    mode: 'lasso',
    label: 'lasso',
    hint: 'Draw around points to show their images in the grid; click to clear',
  },
];

function formatPoint(point: { x: number; y: number }): string {
  return `(${point.x.toFixed(2)}, ${point.y.toFixed(2)})`;
}

export function LatentScatterPanel() {
  const latent = usePlayground(selectLatent);
  const testImages = usePlayground(selectTestImages);
  const dataset = usePlayground(selectDatasetName);
  const selectedTestIndex = usePlayground(selectSelectedTestIndex);
  const [dragMode, setDragMode] = useState<LatentDragMode>('zoom');
  const classNames = classNamesOf(dataset);
  const [hidden, toggleClass] = useHiddenTraces();
  const hiddenLabels = useMemo(
    () => new Set(classNames.flatMap((name, label) => (hidden.has(name) ? [label] : []))),
    [classNames, hidden],
  );
  const picking = useLatentPicking(latent, classNames, hiddenLabels);
  const brush = useLatentBrush(latent, hiddenLabels, dragMode);
  const brushedTestIndices = brush.brushedTestIndices;

  const order = useMemo(() => (latent ? classOrderOf(latent.labels) : null), [latent]);
  const brushed = useMemo(
    () => (brushedTestIndices ? new Set(brushedTestIndices) : null),
    [brushedTestIndices],
  );
  const scene = useMemo<LatentScene | null>(
    () =>
      latent && order
        ? {
            epoch: latent.epoch,
            codes: latent.codes,
            labels: latent.labels,
            order,
            hidden: hiddenLabels,
            brushed,
            selectedTestIndex,
            clickedPoint: picking.clickTarget,
            brushOutline: brush.outline,
          }
        : null,
    [latent, order, hiddenLabels, brushed, selectedTestIndex, picking.clickTarget, brush.outline],
  );
  const { canvasRef, onPlotReady } = useLatentCanvas(scene);
  // The axes keep their frame while the codes move inside it: no Plotly redraw for most epochs.
  const codesBox = useMemo(() => codesExtent(latent?.codes ?? null, 0.02), [latent]);
  const [frame, setFrame] = useState<PlaneBox | null>(null);
  const nextFrame = framedBox(frame, codesBox);
  if (nextFrame !== frame) setFrame(nextFrame);
  const view = useMemo(() => latentAxesView(nextFrame), [nextFrame]);
  const figure = useMemo(() => buildLatentFigure(dragMode), [dragMode]);
  const legendItems = useMemo(() => classLegendItems(classNames), [classNames]);
  const pickingReady = picking.onReady;
  const brushReady = brush.onReady;
  const onReady = useCallback(
    (plot: PlotlyHTMLElement) => {
      pickingReady(plot);
      brushReady(plot);
      onPlotReady(plot);
    },
    [pickingReady, brushReady, onPlotReady],
  );

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
          <div
            className={
              dragMode === 'select' || dragMode === 'lasso' ? 'latent-plane brushing' : 'latent-plane'
            }
          >
            <canvas ref={canvasRef} className="latent-points" aria-label="latent points" />
            <PlotlyChart
              name="latent"
              figure={figure}
              view={view}
              className="plotly-chart latent-plot"
              onReady={onReady}
            />
          </div>
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
