import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../shared/config';
import type { EvaluationNoise, KeptRunSummary } from '../../../shared/runs';
import { lossSummary, RUNS_TABLE_COLUMNS, runsCsv, trainNoiseSummary } from './runsTableFormat';

const gaussian: EvaluationNoise = { type: 'gaussian', level: 0.25 };
const run: KeptRunSummary = {
  runId: 'r1',
  name: 'latent 15, "wide"',
  keptAtMs: 1,
  config: { ...DEFAULT_CONFIG, preset: 'dense-3', latentSize: 15, epochs: 5 },
  latentDimensions: 15,
  epochsTrained: 5,
  bestEpoch: 4,
  curves: { epochs: [], trainLoss: [], validationLoss: [], psnrEpochs: [], psnr: [] },
  metrics: { noise: gaussian, mse: 0.02961, psnr: 15.934, ssim: 0.4844, testCount: 64 },
};
const cells = (r: KeptRunSummary, noise = gaussian) =>
  Object.fromEntries(RUNS_TABLE_COLUMNS.map((column) => [column.header, column.cell(r, noise)]));

describe('the runs table', () => {
  it('describes the run and shows its metrics only at the table’s noise', () => {
    expect(cells(run)).toMatchObject({
      Model: 'dense-3',
      Latent: '15',
      'Train noise': 'gaussian 0.25',
      Loss: '0.7·MSE + 0.3·L1',
      Epochs: '5 (best 4)',
      MSE: '0.0296',
      'PSNR (dB)': '15.93',
      SSIM: '0.484',
    });
    expect(cells(run, { type: 'gaussian', level: 0.5 })).toMatchObject({ MSE: '…', 'PSNR (dB)': '…' });
    expect(trainNoiseSummary({ ...run.config, trainingMode: 'basic' })).toBe('none (basic)');
    expect(lossSummary({ ...run.config, mseWeight: 0, l1Weight: 0, bceWeight: 1 })).toBe('BCE');
  });

  it('exports one CSV line per run with its metrics, quoting a name with commas or quotes', () => {
    const [header, line, end] = runsCsv([run], gaussian).split('\n');
    expect(header.split(',')).toContain('psnr');
    expect(line).toBe(
      '"latent 15, ""wide""",dense-3,15,denoising,gaussian,0.25,0.7·MSE + 0.3·L1,on,fashion-mnist,5,4,gaussian,0.25,64,0.02961,15.934,0.4844',
    );
    expect(end).toBe('');
    expect(runsCsv([run], { type: 'masking', level: 0.5 }).split('\n')[1]).toMatch(/,masking,0.5,,,,$/);
  });
});
