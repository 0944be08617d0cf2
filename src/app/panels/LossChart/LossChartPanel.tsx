/** Live loss curves: batch loss (smoothed) and validation loss per epoch, LR drops, best checkpoint. */
import { useMemo, useState } from 'react';
import { ChartLegend, useHiddenTraces } from '../../charts/ChartLegend';
import { legendItemsOf, withHiddenTraces } from '../../charts/chartLegend';
import { PlotlyChart } from '../../charts/PlotlyChart';
import { buildLossFigure } from '../../charts/lossFigure';
import { Panel } from '../../components/Panel';
import { usePlayground } from '../../store';
import { selectBatchLosses, selectBatchSteps, selectEpochRecords } from '../../store/selectors';
import { useThrottledValue } from '../../useThrottledValue';

/** Each redraw is a full Plotly replot; once a second is live enough for a loss curve. */
const LOSS_REDRAW_INTERVAL_MS = 1000;
/** The raw and smoothed batch-loss traces only ever grow during training: they are extended. */
const TRAINING_TRACES = [0, 1];

export function LossChartPanel() {
  const batchSteps = usePlayground(selectBatchSteps);
  const batchLosses = usePlayground(selectBatchLosses);
  const epochRecords = usePlayground(selectEpochRecords);
  const [logScale, setLogScale] = useState(true);
  const [smoothing, setSmoothing] = useState(0.9);
  const [hidden, toggleTrace] = useHiddenTraces();
  const drawn = useThrottledValue(
    useMemo(
      () => buildLossFigure({ batchSteps, batchLosses, epochRecords, smoothing, logScale }),
      [batchSteps, batchLosses, epochRecords, smoothing, logScale],
    ),
    LOSS_REDRAW_INTERVAL_MS,
  );
  const figure = useMemo(() => withHiddenTraces(drawn, hidden), [drawn, hidden]);
  const legendItems = useMemo(() => legendItemsOf(drawn.data), [drawn]);
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
      <PlotlyChart
        name="loss"
        figure={figure}
        extendable={TRAINING_TRACES}
        className="plotly-chart loss-plot"
      />
    </Panel>
  );
}
