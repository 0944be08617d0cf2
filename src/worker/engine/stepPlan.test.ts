import { describe, expect, it } from 'vitest';
import { REFERENCE_SPEC } from '../model/denseAutoencoder';
import { networkFromAutoencoder } from './networkLayout';
import { gridFor, planStep, type EngineOptions } from './stepPlan';

const options: EngineOptions = {
  network: networkFromAutoencoder(REFERENCE_SPEC),
  batchSize: 128,
  batchSource: 'images',
  noise: { type: 'gaussian', level: 0.25 },
  lossWeights: { mseWeight: 0.7, l1Weight: 0.3, bceWeight: 0 },
  gradientClipNorm: 1,
  beta1: 0.9,
  beta2: 0.999,
  epsilon: 1e-8,
};

describe('the fused step plan', () => {
  it('is 57 dispatches for the reference model: batch, 18 forward, 18 backward, 18 weight gradients, finish, AdamW', () => {
    const { kernels } = planStep(options);
    expect(kernels).toHaveLength(57);
    expect(kernels[0].label).toBe('prepare batch');
    expect(kernels.slice(1, 19).map((k) => k.label)).toEqual(
      Array.from({ length: 18 }, (_, i) => `forward ${i}`),
    );
    expect(kernels[19].label).toBe('backward 17');
    expect(kernels[20].label).toBe('weight gradient 17');
    expect(kernels.slice(-2).map((k) => k.label)).toEqual(['finish step', 'adamw']);
    expect(planStep({ ...options, batchSource: 'external' }).kernels).toHaveLength(56);
  });

  it('bakes every size into WGSL with one entry point and stays within the workgroup limits', () => {
    for (const { code, workgroups } of planStep(options).kernels) {
      expect(code.match(/fn main\(/g)).toHaveLength(1);
      expect(code).not.toMatch(/undefined|NaN|-1u/);
      workgroups.forEach((count) => expect(count).toBeGreaterThanOrEqual(1));
      workgroups.forEach((count) => expect(count).toBeLessThanOrEqual(65535));
    }
  });

  it('keeps the scratch regions apart: inverse std, loss and norm partials, scalars, loss ring', () => {
    const { scratch, layout } = planStep(options);
    expect(scratch.lossSlot).toBe(layout.inverseStdCount);
    expect(scratch.normSlot).toBe(scratch.lossSlot + scratch.lossCount);
    expect(scratch.scalarSlot).toBe(scratch.normSlot + scratch.normCount);
    expect(scratch.ringSlot).toBeGreaterThan(scratch.scalarSlot);
    expect(scratch.total).toBe(scratch.ringSlot + scratch.ringSize);
    // The loss partials are the last block's workgroups: one per 8 of its 784 outputs.
    expect(scratch.lossCount).toBe(98);
  });

  it('leaves clipping out of the WGSL when it is off, and each noise type in', () => {
    const finish = (clip: number) =>
      planStep({ ...options, gradientClipNorm: clip }).kernels.at(-2)?.code ?? '';
    expect(finish(1)).toContain('min(1.0 / (norm + 1e-6), 1.0)');
    expect(finish(0)).not.toContain('min(');
    for (const type of ['gaussian', 'uniform', 'salt-and-pepper', 'masking'] as const) {
      const prepare = planStep({ ...options, noise: { type, level: 0.3 } }).kernels[0].code;
      expect(prepare).toContain('fn corrupt');
      expect(prepare).toContain('randomUniform');
    }
  });

  it('splits a long 1-D grid into rows of at most 65535 workgroups', () => {
    expect(gridFor(10)).toEqual([10, 1]);
    expect(gridFor(70000)).toEqual([65535, 2]);
  });
});
