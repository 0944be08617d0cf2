/** How reconstructions degrade with noise: one image at four levels, and PSNR over all levels. */
import { useMemo } from 'react';
import { imageAt } from '../../../shared/imageMath';
import { PlotlyChart } from '../../charts/PlotlyChart';
import { buildRobustnessFigure } from '../../charts/robustnessFigure';
import { ImageCanvas } from '../../components/ImageCanvas';
import { Panel } from '../../components/Panel';
import { usePlayground } from '../../store';
import {
  selectEvalNoiseLevel,
  selectRobustnessCurve,
  selectRobustnessStrip,
  selectStripNoiseLevels,
} from '../../store/selectors';

const STRIP_ROWS = [
  { key: 'originals', label: 'original' },
  { key: 'noisy', label: 'noisy' },
  { key: 'reconstructions', label: 'reconstructed' },
] as const;

export function RobustnessPanel() {
  const strip = usePlayground(selectRobustnessStrip);
  const curve = usePlayground(selectRobustnessCurve);
  const stripNoiseLevels = usePlayground(selectStripNoiseLevels);
  const evalNoiseLevel = usePlayground(selectEvalNoiseLevel);
  const figure = useMemo(() => buildRobustnessFigure(curve, evalNoiseLevel), [curve, evalNoiseLevel]);
  const stripCount = strip ? strip.testIndices.length : 0;
  return (
    <Panel
      showsModel
      title="Noise robustness"
      caption="One test image at increasing input noise, and the mean PSNR of reconstructions against the noise level (dotted: the slider)."
      testId="robustness"
      className="robustness-panel"
    >
      <div className="robustness-body">
        <table className="robustness-strip">
          <thead>
            <tr>
              <th scope="col">noise</th>
              {stripNoiseLevels.map((level) => (
                <th scope="col" key={level}>
                  {level}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {STRIP_ROWS.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.label}</th>
                {stripNoiseLevels.map((level, i) => (
                  <td key={level}>
                    <ImageCanvas
                      pixels={strip && i < stripCount ? imageAt(strip[row.key], i) : null}
                      sizePx={40}
                      title={`${row.label} at noise ${level}`}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        <PlotlyChart name="robustness" figure={figure} className="plotly-chart robustness-plot" />
      </div>
    </Panel>
  );
}
