/**
 * Runs kept side by side: keep the current run, one table of their test metrics at one evaluation
 * noise, a sweep that fills it, their curves overlaid, and two runs' reconstructions compared.
 */
import { NOISE_TYPES, type NoiseType } from '../../../shared/config';
import { describeNoise } from '../../../shared/runs';
import { Panel } from '../../components/Panel';
import { downloadBlob } from '../../persistence/downloads';
import { usePlayground, type PlaygroundState } from '../../store';
import { training } from '../../trainingClient';
import { curvesOf, isAlreadyKept, nextRunName } from './keptRunInput';
import { RunComparisonView } from './RunComparisonView';
import { RunsOverlay } from './RunsOverlay';
import { RunsTable } from './RunsTable';
import { metricsAt, runsCsv } from './runsTableFormat';
import { SweepControls } from './SweepControls';
import './runs.css';

const EVALUATION_LEVELS = [0, 0.1, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.8, 1];

/** A stopped run with a finished epoch can be kept (its best checkpoint is what is kept), once. */
const selectCanKeep = (s: PlaygroundState) =>
  (s.status === 'paused' || s.status === 'done') &&
  s.epochRecords.length > 0 &&
  s.sweep === null &&
  !isAlreadyKept(s.keptRuns, s.runConfig, s.epochRecords);

function keepCurrentRun() {
  const { keptRuns, epochRecords, metricsHistory } = usePlayground.getState();
  training.keepRun(nextRunName(keptRuns), curvesOf(epochRecords, metricsHistory));
}

export function RunsPanel() {
  const keptRuns = usePlayground((s) => s.keptRuns);
  const noise = usePlayground((s) => s.viewRequest.runsNoise);
  const setRunsNoise = usePlayground((s) => s.setRunsNoise);
  const canKeep = usePlayground(selectCanKeep);
  const scored = keptRuns.filter((run) => metricsAt(run, noise) !== null).length;
  const exportCsv = () =>
    downloadBlob(new Blob([runsCsv(keptRuns, noise)], { type: 'text/csv' }), 'kept-runs.csv');

  return (
    <Panel
      title="Kept runs"
      caption="Keep a paused or finished run to compare it with others. Every row is scored with its best checkpoint on its test images, all at one evaluation noise, so the rows compare."
      testId="runs-panel"
      className="runs-panel"
    >
      <div className="runs-toolbar">
        <button type="button" data-testid="keep-run" disabled={!canKeep} onClick={keepCurrentRun}>
          Keep this run
        </button>
        <label title="The noise added to the test images before every kept run reconstructs them">
          evaluation noise
          <select
            data-testid="runs-noise-type"
            value={noise.type}
            onChange={(e) => setRunsNoise({ ...noise, type: e.target.value as NoiseType })}
          >
            {NOISE_TYPES.map((type) => (
              <option key={type}>{type}</option>
            ))}
          </select>
          <select
            data-testid="runs-noise-level"
            value={String(noise.level)}
            onChange={(e) => setRunsNoise({ ...noise, level: Number(e.target.value) })}
          >
            {EVALUATION_LEVELS.map((level) => (
              <option key={level} value={String(level)}>
                {level.toFixed(2)}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          data-testid="export-runs-csv"
          disabled={keptRuns.length === 0}
          onClick={exportCsv}
        >
          Export CSV
        </button>
        <span className="runs-progress" data-testid="runs-progress" role="status">
          {keptRuns.length === 0
            ? ''
            : scored < keptRuns.length
              ? `Scoring at ${describeNoise(noise)}: ${scored} of ${keptRuns.length} runs done…`
              : `MSE, PSNR and SSIM at ${describeNoise(noise)} noise, mean over each run's test images.`}
        </span>
      </div>
      <RunsTable runs={keptRuns} noise={noise} />
      <SweepControls />
      <RunsOverlay runs={keptRuns} />
      <RunComparisonView />
    </Panel>
  );
}
