/** The evaluation noise level: the store follows the thumb at once, the worker once a frame. */
import { usePlayground } from '../../store';
import { selectEvalNoiseLevel, selectSetEvalNoiseLevel } from '../../store/selectors';

export function NoiseSlider() {
  const evalNoiseLevel = usePlayground(selectEvalNoiseLevel);
  const setEvalNoiseLevel = usePlayground(selectSetEvalNoiseLevel);
  return (
    <label className="noise-slider" title="Noise level of the grid's inputs (the model is not retrained)">
      noise
      <input
        type="range"
        data-testid="noise-slider"
        min={0}
        max={1}
        step={0.01}
        value={evalNoiseLevel}
        onChange={(event) => setEvalNoiseLevel(Number(event.target.value))}
      />
      <output className="noise-slider-value">{evalNoiseLevel.toFixed(2)}</output>
    </label>
  );
}
