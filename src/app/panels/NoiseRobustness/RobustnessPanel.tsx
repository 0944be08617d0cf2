/** How reconstructions degrade with noise: one image at four levels, and PSNR over all levels. */
import { useMemo } from 'react';
import { imageAt } from '../../../shared/imageMath';
import { buildRobustnessFigure, robustnessPsnrRange, robustnessScene } from '../../charts/robustnessFigure';
import { SeriesPlot } from '../../charts/SeriesPlot';
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

const NO_LEVELS: readonly number[] = [];

export function RobustnessPanel() {
  const strip = usePlayground(selectRobustnessStrip);
  const curve = usePlayground(selectRobustnessCurve);
  const stripNoiseLevels = usePlayground(selectStripNoiseLevels);
  const evalNoiseLevel = usePlayground(selectEvalNoiseLevel);
  // Rebuilt only when the range's numbers change: a curve inside it costs no Plotly redraw.
  const [psnrLow, psnrHigh] = robustnessPsnrRange(curve) ?? [NaN, NaN];
  const figure = useMemo(
    () => buildRobustnessFigure(Number.isNaN(psnrLow) ? null : [psnrLow, psnrHigh]),
    [psnrLow, psnrHigh],
  );
  const scene = useMemo(() => robustnessScene(curve, evalNoiseLevel), [curve, evalNoiseLevel]);
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
        <SeriesPlot
          name="robustness"
          figure={figure}
          scene={scene}
          hoverXs={curve?.noiseLevels ?? NO_LEVELS}
          readout={(index) =>
            curve && `noise ${curve.noiseLevels[index].toFixed(2)}: ${curve.psnr[index].toFixed(2)} dB`
          }
          className="robustness-plot"
        />
      </div>
    </Panel>
  );
}
