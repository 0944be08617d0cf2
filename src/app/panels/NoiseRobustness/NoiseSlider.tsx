/** The evaluation noise level: the store follows the thumb at once, the worker once a frame. */
import { frameThrottle } from '../../frameThrottle';
import { usePlayground } from '../../store';
import { selectNoiseLevel, selectSetNoiseLevel } from '../../store/selectors';
import { training } from '../../trainingClient';

const sendNoiseLevel = frameThrottle((noiseLevel: number) => training.setNoiseLevel(noiseLevel));

export function NoiseSlider() {
  const noiseLevel = usePlayground(selectNoiseLevel);
  const setNoiseLevel = usePlayground(selectSetNoiseLevel);
  return (
    <label className="noise-slider" title="Noise level of the grid's inputs (the model is not retrained)">
      noise
      <input
        type="range"
        data-testid="noise-slider"
        min={0}
        max={1}
        step={0.01}
        value={noiseLevel}
        onChange={(event) => {
          const level = Number(event.target.value);
          setNoiseLevel(level);
          sendNoiseLevel(level);
        }}
      />
      <output className="noise-slider-value">{noiseLevel.toFixed(2)}</output>
    </label>
  );
}
