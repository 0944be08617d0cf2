/**
 * The PSNR-vs-test-noise chart: Plotly's axes (PSNR framed on a nice range, so a new curve at an
 * epoch end redraws Plotly only when it crosses one) and the curve with the slider's level marked,
 * drawn on the canvas under them (drawSeries), so neither an epoch end nor a slider move costs a
 * Plotly redraw.
 */
import type { Layout } from 'plotly.js-dist-min';
import type { RobustnessCurve } from '../../shared/protocol';
import { GRID_OVER_CANVAS, type SeriesScene } from './drawSeries';
import { PSNR_RANGE_BEFORE_DATA } from './metricsFigure';
import { niceRange } from './niceValues';
import type { AxisRange } from './planePicking';
import type { Figure } from './PlotlyChart';

export const ROBUSTNESS_COLOR = '#1f77b4';
const SLIDER_COLOR = '#e0005a';
/** Noise levels run from 0 to 1; a little room either side keeps the end markers whole. */
const NOISE_RANGE: AxisRange = [-0.03, 1.03];

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

/** The PSNR axis's range: the curve's values rounded out to nice ones; null before a curve. */
export function robustnessPsnrRange(curve: RobustnessCurve | null): AxisRange | null {
  return niceRange([curve?.psnr ?? []]);
}

/**
 * The axes alone. Their one trace holds two points, unseen: it names the curve, and a plot with no
 * point at all leaves Plotly's trace layer empty.
 */
export function buildRobustnessFigure(psnrRange: AxisRange | null): Figure {
  const layout: Partial<Layout> = {
    margin: { l: 44, r: 8, t: 8, b: 32 },
    xaxis: {
      title: { text: 'test noise level', font: { size: 10 } },
      range: NOISE_RANGE,
      fixedrange: true,
      tickfont: { size: 9 },
      gridcolor: GRID_OVER_CANVAS,
      zeroline: false,
    },
    yaxis: {
      title: { text: 'PSNR (dB)', font: { size: 10 } },
      tickfont: { size: 9 },
      gridcolor: GRID_OVER_CANVAS,
      zeroline: false,
      fixedrange: true,
      range: psnrRange ?? PSNR_RANGE_BEFORE_DATA,
    },
    showlegend: false,
    // Transparent: the curve's canvas underneath shows through.
    paper_bgcolor: 'rgba(0,0,0,0)',
    plot_bgcolor: 'rgba(0,0,0,0)',
  };
  return {
    data: [
      {
        type: 'scatter',
        mode: 'markers',
        name: 'PSNR',
        // The same two points always, so a new PSNR range is a range-only change (rangeOnlyChange.ts).
        x: NOISE_RANGE,
        y: PSNR_RANGE_BEFORE_DATA,
        marker: { color: ROBUSTNESS_COLOR, opacity: 0 },
        hoverinfo: 'skip',
      },
    ],
    layout,
  };
}

/** The curve, and the slider's level as a dotted line with a point where it meets the curve. */
export function robustnessScene(curve: RobustnessCurve | null, noiseLevel: number): SeriesScene {
  const markedPsnr = psnrAtNoiseLevel(curve, noiseLevel);
  return {
    series: [
      {
        name: 'PSNR',
        x: curve?.noiseLevels ?? [],
        y: curve?.psnr ?? [],
        color: ROBUSTNESS_COLOR,
        lineWidth: 2,
        dash: [],
        markerRadius: 2.5,
      },
      {
        name: 'slider level',
        x: markedPsnr === null ? [] : [noiseLevel],
        y: markedPsnr === null ? [] : [markedPsnr],
        color: SLIDER_COLOR,
        lineWidth: 0,
        dash: [],
        markerRadius: 5,
        markerOutline: '#ffffff',
      },
    ],
    verticals: [{ x: noiseLevel, color: SLIDER_COLOR, width: 1.5, dash: [2, 3] }],
  };
}
