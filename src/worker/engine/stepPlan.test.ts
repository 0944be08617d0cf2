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
  it('is 74 dispatches for the reference model: batch, 18 forward, 18 backward, 18 weight gradients, finish, 18 AdamW', () => {
    const { kernels } = planStep(options);
    expect(kernels).toHaveLength(74);
    expect(kernels[0].label).toBe('prepare batch');
    expect(kernels.slice(1, 19).map((k) => k.label)).toEqual(
      Array.from({ length: 18 }, (_, i) => `forward ${i}`),
    );
    expect(kernels[19].label).toBe('backward 17');
    expect(kernels[20].label).toBe('weight gradient 17');
    expect(kernels.slice(-19).map((k) => k.label)).toEqual([
      'finish step',
      ...Array.from({ length: 18 }, (_, i) => `adamw ${i}`),
    ]);
    expect(planStep({ ...options, batchSource: 'external' }).kernels).toHaveLength(73);
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
      planStep({ ...options, gradientClipNorm: clip }).kernels.find((k) => k.label === 'finish step')?.code ??
      '';
    expect(finish(1)).toContain('min(1.0 / (norm + 1e-6), 1.0)');
    expect(finish(0)).not.toContain('min(');
    for (const type of ['gaussian', 'uniform', 'salt-and-pepper', 'masking'] as const) {
      const prepare = planStep({ ...options, noise: { type, level: 0.3 } }).kernels[0].code;
      expect(prepare).toContain('fn corrupt');
      expect(prepare).toContain('randomUniform');
    }
  });

  it('binds each variable where it is used, never more than eight storage buffers a kernel', () => {
    const { kernels, layout } = planStep(options);
    for (const { bindings, code } of kernels) {
      expect(bindings.length).toBeLessThanOrEqual(8);
      // What a kernel declares is exactly what it binds (binding 0 is the step's uniform).
      expect(code.match(/@binding\((\d+)\)/g)).toHaveLength(bindings.length + 1);
    }
    const forward = kernels.find((k) => k.label === 'forward 0');
    expect(forward?.bindings).toEqual([
      { flat: 'activations' },
      { flat: 'scratch' },
      ...(['weight', 'bias', 'gamma', 'beta', 'runningMean', 'runningVar'] as const).map((role) => ({
        layer: 0,
        role,
      })),
    ]);
    // The backward pass of block 0 reads the next block's weights under their own name.
    const backward = kernels.find((k) => k.label === 'backward 0');
    expect(backward?.bindings).toContainEqual({ layer: 1, role: 'weight', as: 'nextWeights' });
    // AdamW covers every parameter once: the blocks' ranges tile the flat gradient layout.
    const adamw = kernels.filter((k) => k.label.startsWith('adamw'));
    const starts = adamw.map((k) => Number(/let i = (\d+)u \+ j;/.exec(k.code)?.[1]));
    expect(starts).toEqual(layout.layers.map(({ offsets }) => offsets.weight));
    expect(adamw.at(-1)?.code).toContain(`if (j >= ${layout.parameterCount - starts.at(-1)!}u)`);
  });

  it('splits a long 1-D grid into rows of at most 65535 workgroups', () => {
    expect(gridFor(10)).toEqual([10, 1]);
    expect(gridFor(70000)).toEqual([65535, 2]);
  });
});
