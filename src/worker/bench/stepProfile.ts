/**
 * Where the time of one tfjs step on WebGPU goes, from the worker's side: JS time inside each tfjs
 * kernel (its registry entries wrapped for the measurement), time inside each WebGPU call, what is
 * created per step (buffers, bind groups, pipelines: 0 pipelines = every pipeline-cache lookup
 * hit), and the wait for the loss readback.
 */
import * as tf from '@tensorflow/tfjs';
import type { StepProfile } from '../../shared/speedBenchmark';
import type { BenchStep } from './benchSteps';
import { gpuCallCounts, gpuCallMilliseconds, gpuCallsBetween } from './gpuCallCounter';

/** Wraps every kernel of the backend to time it; returns the totals and an undo. */
function timeKernels(backend: string) {
  const totals = new Map<string, { calls: number; ms: number }>();
  const originals = tf.getKernelsForBackend(backend);
  for (const config of originals) {
    const kernelFunc = config.kernelFunc;
    tf.unregisterKernel(config.kernelName, backend);
    tf.registerKernel({
      ...config,
      kernelFunc: (params) => {
        const startedMs = performance.now();
        const result = kernelFunc(params);
        const total = totals.get(config.kernelName) ?? { calls: 0, ms: 0 };
        total.calls += 1;
        total.ms += performance.now() - startedMs;
        totals.set(config.kernelName, total);
        return result;
      },
    });
  }
  const restore = () => {
    for (const config of originals) {
      tf.unregisterKernel(config.kernelName, backend);
      tf.registerKernel(config);
    }
  };
  return { totals, restore };
}

export async function profileSteps(step: BenchStep, first: number, count: number): Promise<StepProfile> {
  const kernels = timeKernels(tf.getBackend());
  const callsBefore = gpuCallCounts();
  const msBefore = gpuCallMilliseconds();
  let encodeMs = 0;
  let totalMs = 0;
  try {
    for (let i = 0; i < count; i++) {
      const startedMs = performance.now();
      await step.step(first + i);
      encodeMs += step.lastEncodeMs;
      totalMs += performance.now() - startedMs;
    }
    await step.finish();
  } finally {
    kernels.restore();
  }
  const calls = gpuCallsBetween(callsBefore, gpuCallCounts());
  const msAfter = gpuCallMilliseconds();
  const perStep = (value: number) => value / count;
  return {
    steps: count,
    stepMs: perStep(totalMs),
    encodeMs: perStep(encodeMs),
    kernels: [...kernels.totals.entries()]
      .map(([name, { calls: kernelCalls, ms }]) => ({ name, calls: perStep(kernelCalls), ms: perStep(ms) }))
      .sort((a, b) => b.ms - a.ms),
    webGpuCalls: Object.entries(calls.calls)
      .map(([method, methodCalls]) => ({
        method,
        calls: perStep(methodCalls),
        ms: perStep((msAfter[method] ?? 0) - (msBefore[method] ?? 0)),
      }))
      .sort((a, b) => b.ms - a.ms),
    pipelinesCreated: perStep(
      (calls.calls['GPUDevice.createComputePipeline'] ?? 0) +
        (calls.calls['GPUDevice.createComputePipelineAsync'] ?? 0),
    ),
  };
}
