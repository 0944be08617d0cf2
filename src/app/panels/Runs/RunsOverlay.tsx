/** The kept runs' curves overlaid; a click on a run's name in the legend hides or shows it. */
import { useMemo, useState } from 'react';
import { buildKeptRunsFigure } from '../../charts/keptRunsFigure';
import { PlotlyChart } from '../../charts/PlotlyChart';
import type { KeptRunSummary } from '../../../shared/runs';

export function RunsOverlay({ runs }: { runs: readonly KeptRunSummary[] }) {
  const [logScale, setLogScale] = useState(true);
  const figure = useMemo(() => buildKeptRunsFigure(runs, logScale), [runs, logScale]);
  if (runs.length === 0) return null;
  return (
    <div className="runs-overlay" data-testid="runs-overlay">
      <label className="runs-overlay-scale">
        <input type="checkbox" checked={logScale} onChange={(e) => setLogScale(e.target.checked)} /> log loss
      </label>
      <PlotlyChart name="runs-overlay" figure={figure} className="plotly-chart runs-plot" />
    </div>
  );
}
