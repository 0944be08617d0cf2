/** Pure builder of the PSNR-vs-test-noise curve, with the slider's current level marked. */
import type { Layout } from 'plotly.js-dist-min';
import type { RobustnessCurve } from '../../shared/protocol';
import type { Figure } from './PlotlyChart';

/** PSNR at `noiseLevel`, linearly interpolated along the curve; null outside it or without one. */
export function psnrAtNoiseLevel(curve: RobustnessCurve | null, noiseLevel: number): number | null {
  if (!curve) return null;
  const { noiseLevels, psnr } = curve;
  for (let i = 0; i + 1 < noiseLevels.length; i++) {
    const [low, high] = [noiseLevels[i], noiseLevels[i + 1]];
    if (noiseLevel >= low && noiseLevel <= high) {
      const t = high > low ? (noiseLevel - low) / (high - low) : 0;
      return psnr[i] + t * (psnr[i + 1] - psnr[i]);
    }
  }
  return noiseLevels.length === 1 && noiseLevels[0] === noiseLevel ? psnr[0] : null;
}

export function buildRobustnessFigure(curve: RobustnessCurve | null, noiseLevel: number): Figure {
  const markedPsnr = psnrAtNoiseLevel(curve, noiseLevel);
  const layout: Partial<Layout> = {
    margin: { l: 8, r: 8, t: 8, b: 32 },
    xaxis: { title: { text: 'test noise level', font: { size: 10 } }, range: [0, 1], tickfont: { size: 9 } },
    yaxis: { title: { text: 'PSNR (dB)', font: { size: 10 } }, tickfont: { size: 9 }, automargin: true },
    showlegend: false,
    shapes: [
      {
        type: 'line',
        xref: 'x',
        yref: 'paper',
        x0: noiseLevel,
        x1: noiseLevel,
        y0: 0,
        y1: 1,
        line: { color: '#e0005a', dash: 'dot', width: 1.5 },
      },
    ],
    uirevision: 'robustness',
  };
  return {
    data: [
      {
        type: 'scatter',
        mode: 'lines+markers',
        name: 'PSNR',
        x: curve?.noiseLevels ?? [],
        y: curve?.psnr ?? [],
        line: { color: '#1f77b4', width: 2 },
        marker: { size: 4 },
        hovertemplate: 'noise %{x:.2f}: %{y:.2f} dB<extra></extra>',
      },
      {
        type: 'scatter',
        mode: 'markers',
        name: 'slider level',
        x: markedPsnr === null ? [] : [noiseLevel],
        y: markedPsnr === null ? [] : [markedPsnr],
        marker: { size: 10, color: '#e0005a', line: { color: '#fff', width: 1 } },
        hovertemplate: 'slider %{x:.2f}: %{y:.2f} dB<extra></extra>',
      },
    ],
    layout,
  };
}
