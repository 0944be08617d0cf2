/** Test MSE, PSNR and SSIM after each epoch: the latest values and their history. */
import { useMemo } from 'react';
import { ChartLegend, useHiddenTraces } from '../../charts/ChartLegend';
import { legendItemsOf, withHiddenTraces } from '../../charts/chartLegend';
import { buildMetricsFigure } from '../../charts/metricsFigure';
import { PlotlyChart } from '../../charts/PlotlyChart';
import { Panel } from '../../components/Panel';
import { usePlayground } from '../../store';
import { selectMetricsHistory } from '../../store/selectors';
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

export function MetricsPanel() {
  const history = usePlayground(selectMetricsHistory);
  const [hidden, toggleTrace] = useHiddenTraces();
  const built = useMemo(() => buildMetricsFigure(history), [history]);
  const figure = useMemo(() => withHiddenTraces(built, hidden), [built, hidden]);
  const legendItems = useMemo(() => legendItemsOf(built.data), [built]);
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
      <PlotlyChart name="metrics" figure={figure} className="plotly-chart metrics-plot" />
      <ChartLegend items={legendItems} hidden={hidden} onToggle={toggleTrace} />
    </Panel>
  );
}
