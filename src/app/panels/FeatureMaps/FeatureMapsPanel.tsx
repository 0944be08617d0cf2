/** The conv preset's bottleneck: its feature maps of one test image; absent for the dense models. */
import { IMAGE_PIXELS as PIXELS } from '../../../shared/dataset';
import { ImageCanvas } from '../../components/ImageCanvas';
import { Panel } from '../../components/Panel';
import { usePlayground, type PlaygroundState } from '../../store';

const selectFeatureMaps = (s: PlaygroundState) => s.featureMaps;

export function FeatureMapsPanel() {
  const featureMaps = usePlayground(selectFeatureMaps);
  if (!featureMaps) return null;
  const { testIndex, side, images } = featureMaps;
  const channels = images.length / PIXELS;
  return (
    <Panel
      title="Bottleneck feature maps"
      caption={`The conv encoder's ${channels} maps of ${side}×${side} for test image #${testIndex} (the grid's first; brush the scatter to choose another), each on its own scale.`}
      testId="feature-maps"
    >
      <div className="feature-maps">
        {Array.from({ length: channels }, (_, channel) => (
          <ImageCanvas
            key={channel}
            pixels={images.subarray(channel * PIXELS, (channel + 1) * PIXELS)}
            sizePx={70}
            title={`map ${channel + 1}`}
          />
        ))}
      </div>
    </Panel>
  );
}
