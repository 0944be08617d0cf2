/**
 * Two runs (kept, or the current one) side by side on the same noisy test images: the originals,
 * the noisy inputs at the table's evaluation noise, and one row of reconstructions per run with
 * its PSNR on these images. Keep a basic and a denoising run to see what denoising training buys.
 */
import { IMAGE_PIXELS } from '../../../shared/dataset';
import { CURRENT_RUN_ID, describeNoise, type KeptRunSummary, type RunComparison } from '../../../shared/runs';
import { ImageCanvas } from '../../components/ImageCanvas';
import { usePlayground } from '../../store';

const IMAGE_SIZE_PX = 40;

function ImageRow({
  label,
  images,
  count,
  testId,
}: {
  label: string;
  images: Float32Array;
  count: number;
  testId?: string;
}) {
  return (
    <div className="recon-grid-row" role="row" data-testid={testId}>
      <span className="compare-label">{label}</span>
      {Array.from({ length: count }, (_, i) => (
        <ImageCanvas
          key={i}
          pixels={images.subarray(i * IMAGE_PIXELS, (i + 1) * IMAGE_PIXELS)}
          sizePx={IMAGE_SIZE_PX}
        />
      ))}
    </div>
  );
}

function RunChoice({
  value,
  runs,
  testId,
  onChoose,
}: {
  value: string;
  runs: readonly KeptRunSummary[];
  testId: string;
  onChoose(runId: string): void;
}) {
  return (
    <select data-testid={testId} value={value} onChange={(e) => onChoose(e.target.value)}>
      <option value="">—</option>
      <option value={CURRENT_RUN_ID}>current run</option>
      {runs.map((run) => (
        <option key={run.runId} value={run.runId}>
          {run.name}
        </option>
      ))}
    </select>
  );
}

function ComparisonRows({
  comparison,
  nameOf,
}: {
  comparison: RunComparison;
  nameOf(runId: string): string;
}) {
  if (comparison.problem) return <p className="sweep-note">{comparison.problem}</p>;
  const count = comparison.testIndices.length;
  return (
    <div className="recon-grid" role="grid">
      <ImageRow label="original" images={comparison.originals} count={count} />
      <ImageRow
        label={`noisy (${describeNoise(comparison.noise)})`}
        images={comparison.noisy}
        count={count}
      />
      {comparison.rows.map((row) => (
        <ImageRow
          key={row.runId}
          testId="compare-row"
          label={`${nameOf(row.runId)}: PSNR ${row.psnr.toFixed(2)} dB`}
          images={row.reconstructions}
          count={count}
        />
      ))}
    </div>
  );
}

export function RunComparisonView() {
  const keptRuns = usePlayground((s) => s.keptRuns);
  const compared = usePlayground((s) => s.viewRequest.comparedRuns);
  const comparison = usePlayground((s) => s.comparison);
  const setComparedRuns = usePlayground((s) => s.setComparedRuns);
  const [first = '', second = ''] = compared;
  const nameOf = (runId: string) =>
    runId === CURRENT_RUN_ID ? 'current run' : (keptRuns.find((run) => run.runId === runId)?.name ?? runId);
  // Shown only while it answers the runs chosen now (a newer answer replaces it).
  const current =
    comparison && compared.length > 0 && comparison.runIds.join() === compared.join() ? comparison : null;
  return (
    <div className="runs-compare" data-testid="runs-compare">
      <div className="runs-toolbar">
        <span>Compare reconstructions of the same noisy test images:</span>
        <RunChoice
          value={first}
          runs={keptRuns}
          testId="compare-run-a"
          onChoose={(id) => setComparedRuns([id, second].filter(Boolean))}
        />
        <span>with</span>
        <RunChoice
          value={second}
          runs={keptRuns}
          testId="compare-run-b"
          onChoose={(id) => setComparedRuns([first, id].filter(Boolean))}
        />
      </div>
      {current && <ComparisonRows comparison={current} nameOf={nameOf} />}
    </div>
  );
}
