/** Test MSE, PSNR and SSIM after each epoch: the latest values and their history. */
import { useMemo } from 'react';
import type { MetricsRecord } from '../../../shared/protocol';
import { ChartLegend, useHiddenTraces } from '../../charts/ChartLegend';
import { legendItemsOf } from '../../charts/chartLegend';
import { buildMetricsFigure, metricsAxes, metricsScene, sortedMetrics } from '../../charts/metricsFigure';
import { SeriesPlot } from '../../charts/SeriesPlot';
import { Panel } from '../../components/Panel';
import { usePlayground } from '../../store';
import { selectMetricsHistory, selectRunConfig } from '../../store/selectors';
import { formatMetric, latestMetrics, METRIC_DECIMALS } from './metricsFormat';

interface MetricProps {
  label: string;
  unit?: string;
  testId?: string;
  value: string;
  title: string;
}

/** The test id sits on the number alone, so tests read it without parsing labels or units. */
function Metric({ label, unit, testId, value, title }: MetricProps) {
  return (
    <div className="metric" title={title}>
      <dt>{label}</dt>
      <dd>
        <span className="metric-value" data-testid={testId}>
          {value}
        </span>
        {unit && <span className="metric-unit"> {unit}</span>}
      </dd>
    </div>
  );
}

function metricsReadout(record: MetricsRecord): string {
  const psnr = formatMetric(record.psnr, METRIC_DECIMALS.psnr);
  const ssim = formatMetric(record.ssim, METRIC_DECIMALS.ssim);
  const ssimGlobal = formatMetric(record.ssimGlobal, METRIC_DECIMALS.ssimGlobal);
  return `epoch ${record.epoch}: PSNR ${psnr} dB, SSIM ${ssim} (global ${ssimGlobal})`;
}

export function MetricsPanel() {
  const history = usePlayground(selectMetricsHistory);
  const plannedEpochs = usePlayground(selectRunConfig).epochs;
  const [hidden, toggleTrace] = useHiddenTraces();
  const records = useMemo(() => sortedMetrics(history), [history]);
  const axes = useMemo(() => metricsAxes(history, plannedEpochs), [history, plannedEpochs]);
  // Keyed on the axes' numbers: an epoch whose metrics stay inside them costs no Plotly redraw.
  const axesKey = JSON.stringify(axes);
  const figure = useMemo(() => buildMetricsFigure(JSON.parse(axesKey) as typeof axes), [axesKey]);
  const scene = useMemo(() => metricsScene(records, axes, hidden), [records, axes, hidden]);
  const legendItems = useMemo(() => legendItemsOf(figure.data), [figure]);
  const epochs = useMemo(() => records.map((record) => record.epoch), [records]);
  const latest = latestMetrics(history);
  return (
    <Panel
      showsModel
      title="Test metrics"
      caption="Reconstruction quality on the noisy test set after each epoch: MSE, PSNR (mean per image) and SSIM (Gaussian window)."
      testId="metrics"
      className="metrics-panel"
    >
      <dl className="metric-values">
        <Metric
          label="MSE"
          testId="metric-mse"
          value={formatMetric(latest?.mse, METRIC_DECIMALS.mse)}
          title="Mean squared error per pixel, lower is better"
        />
        <Metric
          label="PSNR"
          unit="dB"
          testId="metric-psnr"
          value={formatMetric(latest?.psnr, METRIC_DECIMALS.psnr)}
          title="Peak signal-to-noise ratio, mean over images, higher is better"
        />
        <Metric
          label="SSIM"
          testId="metric-ssim"
          value={formatMetric(latest?.ssim, METRIC_DECIMALS.ssim)}
          title="Structural similarity, 11×11 Gaussian window (Wang et al. 2004), higher is better"
        />
        <Metric
          label="SSIM (global, lab's)"
          value={formatMetric(latest?.ssimGlobal, METRIC_DECIMALS.ssimGlobal)}
          title="The lab's simplified SSIM over whole images; not comparable with the standard SSIM"
        />
        <div className="metric metric-epoch">
          <dt>epoch</dt>
          <dd>{latest ? latest.epoch : '–'}</dd>
        </div>
      </dl>
      <SeriesPlot
        name="metrics"
        figure={figure}
        scene={scene}
        hoverXs={epochs}
        readout={(index) => metricsReadout(records[index])}
        className="metrics-plot"
      />
      <ChartLegend items={legendItems} hidden={hidden} onToggle={toggleTrace} />
    </Panel>
  );
}
