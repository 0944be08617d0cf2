/**
 * The engine's promise in numbers: a steady step of the reference model at batch 128 makes at
 * most 100 dispatches and 2 submits, and creates no bind group and no buffer.
 */
import { DEFAULT_CONFIG } from '../../../shared/config';
import { gpuCallCounts, gpuCallsBetween, installGpuCallCounter } from '../../bench/gpuCallCounter';
import { createDenseAutoencoder, REFERENCE_SPEC } from '../../model/denseAutoencoder';
import { EngineStepper, engineOptionsFor } from '../engineStepper';
import type { CheckResult } from '../../../shared/engineCheck';

export async function checkCallCounts(): Promise<CheckResult> {
  const name = 'steady engine step: ≤ 100 dispatches, ≤ 2 submits, nothing created';
  if (!installGpuCallCounter()) return { name, passed: false, worstError: null, detail: 'no WebGPU here' };
  const config = { ...DEFAULT_CONFIG, batchSize: 128 };
  const count = 256;
  const pixels = Float32Array.from({ length: count * 784 }, (_, i) => (i % 251) / 255);
  const model = createDenseAutoencoder(REFERENCE_SPEC, 0);
  const stepper = await EngineStepper.create(model, engineOptionsFor(model, config), config, {
    pixels,
    count,
  });
  stepper.startEpoch(
    Int32Array.from({ length: count }, (_, i) => i),
    2,
  );
  const step = (stepIndex: number) =>
    stepper.step({
      stepIndex,
      stepInEpoch: stepIndex % 2,
      indices: new Int32Array(0),
      noiseSeed: stepIndex,
      dropoutSeed: stepIndex,
    });
  await step(0);
  await stepper.drain();
  const before = gpuCallCounts();
  const returned = await step(1);
  const after = gpuCallCounts();
  const losses = [...returned, ...(await stepper.drain())];
  const calls = gpuCallsBetween(before, after);
  stepper.dispose();
  model.dispose();
  const passed =
    calls.dispatches <= 100 &&
    calls.submits <= 2 &&
    calls.bindGroupsCreated === 0 &&
    calls.buffersCreated === 0 &&
    losses.length === 1 &&
    losses.every((record) => Number.isFinite(record.loss));
  return {
    name,
    passed,
    worstError: null,
    detail: `${calls.dispatches} dispatches, ${calls.submits} submits, ${calls.total} WebGPU calls, ${calls.bindGroupsCreated} bind groups and ${calls.buffersCreated} buffers created; losses ${losses.map((l) => l.loss.toFixed(4)).join(', ')}`,
  };
}
