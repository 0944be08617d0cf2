import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../shared/config';
import type { KeptRunSummary } from '../../shared/runs';
import { buildKeptRunsFigure } from './keptRunsFigure';

const run = (runId: string, validationLoss: number[]): KeptRunSummary => ({
  runId,
  name: `run ${runId}`,
  keptAtMs: 0,
  config: DEFAULT_CONFIG,
  latentDimensions: 2,
  epochsTrained: validationLoss.length,
  bestEpoch: 1,
  curves: {
    epochs: validationLoss.map((_, i) => i + 1),
    trainLoss: validationLoss.map((v) => v * 1.1),
    validationLoss,
    psnrEpochs: [1],
    psnr: [14],
  },
  metrics: null,
});

describe('the kept runs’ overlay', () => {
  it('draws each run’s losses and PSNR as one legend group named once', () => {
    const { data, layout } = buildKeptRunsFigure([run('a', [0.3, 0.2]), run('b', [0.4])], true);
    expect(data).toHaveLength(6);
    const groups = data.map((trace) => (trace as { legendgroup: string }).legendgroup);
    expect(groups).toEqual(['a', 'a', 'a', 'b', 'b', 'b']);
    const named = data.filter((trace) => (trace as { showlegend?: boolean }).showlegend !== false);
    expect(named.map((trace) => trace.name)).toEqual(['run a', 'run b']);
    expect(data[0]).toMatchObject({ x: [1, 2], y: [0.3, 0.2] });
    expect(data[2]).toMatchObject({ x: [1], y: [14], xaxis: 'x2', yaxis: 'y2' });
    expect(layout.yaxis?.type).toBe('log');
  });
});
