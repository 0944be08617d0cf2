/** Where the model errs: |original − reconstruction| per pixel for 6 grid images, one colour scale. */
import { useMemo, useState } from 'react';
import { ImageCanvas } from '../../components/ImageCanvas';
import { Panel } from '../../components/Panel';
import { usePlayground } from '../../store';
import { selectGrid, selectSelectedTestIndex, selectSelectTestIndex } from '../../store/selectors';
import {
  colorBarTicks,
  errorMapsOf,
  errorScaleMax,
  heatGradientCss,
  type ErrorScaleMode,
} from './errorScale';

const IMAGE_SIZE_PX = 48;
const HEAT_GRADIENT = heatGradientCss();

function ColorBar({ scaleMax }: { scaleMax: number }) {
  return (
    <div className="error-colorbar" aria-label={`colour scale from 0 to ${scaleMax.toFixed(3)}`}>
      <div className="error-colorbar-gradient" style={{ background: HEAT_GRADIENT }} />
      <div className="error-colorbar-ticks">
        {colorBarTicks(scaleMax).map((tick) => (
          <span key={tick.label} style={{ bottom: `${tick.fraction * 100}%` }}>
            {tick.label}
          </span>
        ))}
      </div>
    </div>
  );
}

export function ErrorMapsPanel() {
  const grid = usePlayground(selectGrid);
  const selectedTestIndex = usePlayground(selectSelectedTestIndex);
  const selectTestIndex = usePlayground(selectSelectTestIndex);
  const [scaleMode, setScaleMode] = useState<ErrorScaleMode>('shared-max');
  const maps = useMemo(() => errorMapsOf(grid), [grid]);
  const scaleMax = useMemo(
    () =>
      errorScaleMax(
        maps.map((entry) => entry.errorMap),
        scaleMode,
      ),
    [maps, scaleMode],
  );

  const actions = (
    <label className="panel-actions" title="Fixed keeps colours comparable across epochs">
      <input
        type="checkbox"
        checked={scaleMode === 'fixed'}
        onChange={(event) => setScaleMode(event.target.checked ? 'fixed' : 'shared-max')}
      />
      fixed 0–1 scale
    </label>
  );
  return (
    <Panel
      showsModel
      title="Error maps"
      caption="Each image beside its per-pixel absolute error |original − reconstruction|; all maps share one colour scale, bright = high error."
      testId="error-maps"
      className="error-maps-panel"
      actions={actions}
    >
      <div className="error-maps-body">
        <div className="error-maps">
          {maps.map(({ testIndex, original, errorMap }) => {
            const highlighted = testIndex === selectedTestIndex;
            const select = () => selectTestIndex(highlighted ? null : testIndex);
            return (
              <figure className="error-map-pair" key={testIndex}>
                <ImageCanvas
                  pixels={original}
                  sizePx={IMAGE_SIZE_PX}
                  testIndex={testIndex}
                  highlighted={highlighted}
                  title={`test image #${testIndex}`}
                  onSelect={select}
                />
                <ImageCanvas
                  pixels={errorMap}
                  colorMap="heat"
                  scaleMax={scaleMax}
                  sizePx={IMAGE_SIZE_PX}
                  testIndex={testIndex}
                  highlighted={highlighted}
                  title={`|error| of test image #${testIndex}`}
                  onSelect={select}
                />
                <figcaption>#{testIndex}</figcaption>
              </figure>
            );
          })}
          {maps.length === 0 && <p className="empty-note">Waiting for the first reconstructions…</p>}
        </div>
        <ColorBar scaleMax={scaleMax} />
      </div>
    </Panel>
  );
}
