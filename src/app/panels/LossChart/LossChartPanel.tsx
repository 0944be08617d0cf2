/**
 * Live loss curves: batch loss (raw and smoothed), validation loss per epoch, LR drops and the best
 * checkpoint, all drawn on a canvas under Plotly's axes. A step or an epoch end redraws only the
 * canvas (a few ms); Plotly redraws only when the axes box changes (lossAxes.ts), a handful of
 * times a run.
 */
import { useMemo, useState } from 'react';
import { ChartLegend, useHiddenTraces } from '../../charts/ChartLegend';
import { legendItemsOf, withHiddenTraces } from '../../charts/chartLegend';
import { drawLossChart, type LossCurves, type LossScene } from '../../charts/drawLossCurves';
import { lossAxesBox } from '../../charts/lossAxes';
import {
  BEST_TRACE,
  buildLossFigure,
  lossAxesView,
  RAW_TRACE,
  smoothLosses,
  SMOOTHED_TRACE,
  VALIDATION_TRACE,
} from '../../charts/lossFigure';
import { PlotlyChart } from '../../charts/PlotlyChart';
import { useBothOnReady, usePlotCanvas, type PlotCanvasDrawer } from '../../charts/usePlotCanvas';
import { Panel } from '../../components/Panel';
import { usePlayground } from '../../store';
import { selectBatchLosses, selectBatchSteps, selectEpochRecords } from '../../store/selectors';
import { hoverPlacement } from '../../charts/useNearestXHover';
import { useLossHover } from './useLossHover';

const drawChart: PlotCanvasDrawer<LossScene> = (context, scene, view, pixelRatio) => {
  const { curvePoints, validationPoints } = drawLossChart(context, scene, view, pixelRatio);
  return { drawnPoints: String(curvePoints), drawnValidationPoints: String(validationPoints) };
};

const formatLoss = (loss: number) => (Number.isFinite(loss) ? loss.toPrecision(4) : String(loss));

export function LossChartPanel() {
  const batchSteps = usePlayground(selectBatchSteps);
  const batchLosses = usePlayground(selectBatchLosses);
  const epochRecords = usePlayground(selectEpochRecords);
  const [logScale, setLogScale] = useState(true);
  const [smoothing, setSmoothing] = useState(0.9);
  const [hidden, toggleTrace] = useHiddenTraces();

  const curves = useMemo<LossCurves | null>(
    () =>
      batchSteps.length > 0
        ? {
            steps: batchSteps,
            raw: batchLosses,
            smoothed: smoothLosses(batchLosses, smoothing),
            showRaw: !hidden.has(RAW_TRACE),
            showSmoothed: !hidden.has(SMOOTHED_TRACE),
            logScale,
          }
        : null,
    [batchSteps, batchLosses, smoothing, hidden, logScale],
  );
  const axes = useMemo(
    () =>
      lossAxesBox(
        batchSteps[batchSteps.length - 1] ?? 0,
        [batchLosses, epochRecords.map((record) => record.validationLoss)],
        logScale,
      ),
    [batchSteps, batchLosses, epochRecords, logScale],
  );
  // A new view only when the box's numbers change, so a step or an epoch end that stays inside it
  // costs no Plotly redraw, and a box that grows costs a redraw of the ticks alone.
  const { xMax, yMin, yMax } = axes ?? { xMax: NaN, yMin: NaN, yMax: NaN };
  const view = useMemo(
    () => (Number.isNaN(xMax) ? null : lossAxesView({ xMax, yMin, yMax }, logScale)),
    [xMax, yMin, yMax, logScale],
  );
  const drawn = useMemo(() => buildLossFigure(logScale), [logScale]);
  const figure = useMemo(() => withHiddenTraces(drawn, hidden), [drawn, hidden]);
  // The best checkpoint joins the legend with the first epoch's validation.
  const hasEpochs = epochRecords.length > 0;
  const legendItems = useMemo(
    () => legendItemsOf(drawn.data).filter((item) => hasEpochs || item.name !== BEST_TRACE),
    [drawn, hasEpochs],
  );
  const scene = useMemo<LossScene>(
    () => ({
      curves,
      marks: {
        records: epochRecords,
        showValidation: !hidden.has(VALIDATION_TRACE),
        showBest: !hidden.has(BEST_TRACE),
        logScale,
      },
    }),
    [curves, epochRecords, hidden, logScale],
  );
  const { canvasRef, onPlotReady } = usePlotCanvas(scene, 'loss-curves', drawChart);
  const { hover, onReady: hoverReady } = useLossHover(curves, epochRecords);
  const onReady = useBothOnReady(onPlotReady, hoverReady);

  const actions = (
    <span className="panel-actions">
      <label>
        <input type="checkbox" checked={logScale} onChange={(e) => setLogScale(e.target.checked)} /> log
      </label>
      <label>
        smooth
        <input
          type="range"
          min={0}
          max={0.99}
          step={0.01}
          value={smoothing}
          onChange={(e) => setSmoothing(Number(e.target.value))}
        />
      </label>
    </span>
  );
  return (
    <Panel
      title="Loss"
      caption="Training loss per step (smoothed) and validation loss per epoch; dotted lines mark LR drops, ★ the best checkpoint."
      testId="loss-chart"
      className="loss-panel"
      actions={actions}
    >
      <ChartLegend items={legendItems} hidden={hidden} onToggle={toggleTrace} />
      <div className="loss-plane">
        <canvas ref={canvasRef} className="loss-curves" aria-label="training loss curves" />
        <PlotlyChart
          name="loss"
          figure={figure}
          view={view}
          className="plotly-chart loss-plot"
          onReady={onReady}
        />
        {hover && (
          <div className="loss-hover" style={hoverPlacement(hover)}>
            step {hover.step}: {formatLoss(hover.raw)} (smoothed {formatLoss(hover.smoothed)})
            {hover.epoch && (
              <>
                <br />
                epoch {hover.epoch.epoch}: validation {formatLoss(hover.epoch.validationLoss)}, lr{' '}
                {hover.epoch.learningRate.toExponential(1)}
                {hover.epochIsBest ? ' (best checkpoint ★)' : ''}
              </>
            )}
          </div>
        )}
      </div>
    </Panel>
  );
}
