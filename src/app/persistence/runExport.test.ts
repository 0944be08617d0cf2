import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../shared/config';
import { parseRunFile, RunFileError } from '../../shared/runFile';
import { curvesCsv, historyOf, runJson } from './runExport';

const state = {
  runConfig: { ...DEFAULT_CONFIG, seed: 7, trainSubset: 256 },
  epoch: 1,
  step: 2,
  learningRate: 5e-4,
  batchSteps: [1, 2],
  batchLosses: [0.5, 0.25],
  epochRecords: [
    {
      epoch: 1,
      step: 2,
      trainLoss: 0.375,
      validationLoss: 0.3,
      learningRate: 5e-4,
      learningRateDropped: true,
      isBest: true,
      epochElapsedMs: 12,
    },
  ],
  metricsHistory: [{ epoch: 1, mse: 0.02, psnr: 17, ssim: 0.5, ssimGlobal: 0.6 }],
};

function parseError(text: string): string {
  try {
    parseRunFile(text);
  } catch (error) {
    expect(error).toBeInstanceOf(RunFileError);
    return (error as Error).message;
  }
  throw new Error('parsed');
}

describe('run file', () => {
  it('round-trips the configuration, seed, counters, curves and metrics', () => {
    const run = parseRunFile(runJson(state));
    expect(run.config).toEqual(state.runConfig);
    expect(run).toMatchObject({ epoch: 1, step: 2, learningRate: 5e-4 });
    expect(run.history).toEqual(historyOf(state));
  });

  it('names what is wrong with a file that is not a usable run', () => {
    const good = JSON.parse(runJson(state));
    const variant = (change: (file: typeof good) => void) => {
      const copy = structuredClone(good);
      change(copy);
      return JSON.stringify(copy);
    };
    expect(parseError('{"format": "autoencoder-playground-run", ')).toMatch(
      /^Not a usable run file: it is not JSON/,
    );
    expect(parseError('[1, 2]')).toMatch(/"format" is not "autoencoder-playground-run"/);
    expect(parseError(variant((f) => (f.version = 9)))).toMatch(/version 9 is not 1/);
    expect(parseError(variant((f) => (f.config.batchSize = 'big')))).toMatch(
      /config\.batchSize is not a number/,
    );
    expect(parseError(variant((f) => (f.config.noiseType = 'pink')))).toMatch(
      /config\.noiseType is not one of/,
    );
    expect(parseError(variant((f) => (f.config.epochs = 0)))).toMatch(/epochs: out of range/);
    expect(parseError(variant((f) => (f.history.batchLosses[1].loss = null)))).toMatch(
      /history\.batchLosses\[1\]\.loss is not a number/,
    );
    expect(parseError(variant((f) => delete f.history.metricsHistory))).toMatch(
      /metricsHistory is not a list/,
    );
  });

  it('writes one CSV row per batch and per epoch, with the epoch’s metrics', () => {
    expect(curvesCsv(state).split('\n')).toEqual([
      'kind,epoch,step,batch_loss,train_loss,validation_loss,learning_rate,mse,psnr,ssim,ssim_global',
      'batch,,1,0.5,,,,,,,',
      'batch,,2,0.25,,,,,,,',
      'epoch,1,2,,0.375,0.3,0.0005,0.02,17,0.5,0.6',
      '',
    ]);
  });
});
