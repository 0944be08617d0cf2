/** Original / noisy / reconstructed rows for 8 test images (or the scatter's brushed ones). */
import { useMemo } from 'react';
import { GRID_IMAGE_COUNT } from '../../../shared/viewRequest';
import { ImageCanvas } from '../../components/ImageCanvas';
import { Panel } from '../../components/Panel';
import { usePlayground } from '../../store';
import {
  selectBrushedTestIndices,
  selectGrid,
  selectRunConfig,
  selectSelectedTestIndex,
  selectSelectTestIndex,
  selectSetBrushedTestIndices,
} from '../../store/selectors';
import { NoiseSlider } from '../NoiseRobustness/NoiseSlider';
import { gridColumns, type GridColumn } from './gridColumns';

const IMAGE_SIZE_PX = 48;

const ROWS: { key: keyof Omit<GridColumn, 'testIndex'>; label: string }[] = [
  { key: 'original', label: 'original' },
  { key: 'noisy', label: 'noisy' },
  { key: 'reconstruction', label: 'reconstructed' },
];

export function ReconstructionGridPanel() {
  const grid = usePlayground(selectGrid);
  const selectedTestIndex = usePlayground(selectSelectedTestIndex);
  const selectTestIndex = usePlayground(selectSelectTestIndex);
  const brushedTestIndices = usePlayground(selectBrushedTestIndices);
  const setBrushedTestIndices = usePlayground(selectSetBrushedTestIndices);
  const columns = useMemo(() => gridColumns(grid), [grid]);
  const runConfig = usePlayground(selectRunConfig);
  const testNoiseType = usePlayground((s) => s.viewRequest.evalNoiseType) ?? runConfig.noiseType;
  // The slider sets the test noise; training has its own, which may differ (or be none: basic mode).
  const trainedOn =
    runConfig.trainingMode === 'basic'
      ? 'clean inputs (basic autoencoder)'
      : `${runConfig.noiseType} noise ${runConfig.trainNoiseLevel}`;

  const actions = (
    <span className="panel-actions">
      {brushedTestIndices && (
        <>
          <span className="brush-note">
            brushed: {Math.min(GRID_IMAGE_COUNT, brushedTestIndices.length)} of {brushedTestIndices.length}
          </span>
          <button type="button" data-testid="clear-brush" onClick={() => setBrushedTestIndices(null)}>
            clear brush
          </button>
        </>
      )}
      <NoiseSlider />
    </span>
  );
  return (
    <Panel
      showsModel
      title="Reconstructions"
      caption="Test images, the same images with noise added, and the autoencoder's reconstruction of the noisy input. Click one to select it."
      testId="recon-grid"
      className="recon-grid-panel"
      actions={actions}
    >
      <div className="recon-grid" role="grid">
        {ROWS.map((row) => (
          <div className="recon-grid-row" role="row" key={row.key}>
            <span className="recon-grid-label">
              {row.key === 'noisy' && grid?.noiseLevels.length ? (
                <>
                  test noise
                  <br />
                  {testNoiseType} {grid.noiseLevels[0].toFixed(2)}
                </>
              ) : (
                row.label
              )}
            </span>
            {columns.map((column, i) => (
              <ImageCanvas
                key={i}
                pixels={column[row.key]}
                sizePx={IMAGE_SIZE_PX}
                testIndex={column.testIndex ?? undefined}
                highlighted={column.testIndex !== null && column.testIndex === selectedTestIndex}
                title={
                  column.testIndex === null ? undefined : `test image #${column.testIndex}, ${row.label}`
                }
                onSelect={() =>
                  column.testIndex !== null &&
                  selectTestIndex(column.testIndex === selectedTestIndex ? null : column.testIndex)
                }
              />
            ))}
          </div>
        ))}
      </div>
      <p className="grid-noise-note" data-testid="grid-noise-note">
        The model was trained on {trainedOn}; the slider sets the test noise.
      </p>
    </Panel>
  );
}
