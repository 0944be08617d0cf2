/**
 * `npm run bench`, worker side: on each requested backend, every available step (naive, tfjs,
 * engine) trains the reference model on real images; after a warm-up the implementations
 * alternate in rounds, so a noisy machine slows them alike. Reports the median ms/step, the
 * worker's encode time and, on WebGPU, every WebGPU call counted per step.
 */
import * as tf from '@tensorflow/tfjs';
import { IMAGE_PIXELS } from '../../shared/dataset';
import {
  BENCH_IMPLS,
  type StepProfile,
  type BenchImpl,
  type BenchmarkRequest,
  type BenchmarkResult,
  type BenchmarkRow,
} from '../../shared/speedBenchmark';
import type { BackendName } from '../../shared/config';
import type { LoadedDataset } from '../data/loadDataset';
import { createBenchStep, type BenchData, type BenchStep } from './benchSteps';
import { profileSteps } from './stepProfile';
import { gpuCallCounts, gpuCallsBetween, installGpuCallCounter } from './gpuCallCounter';

interface Measured {
  roundMs: number[];
  encodeMs: number[];
  calls: ReturnType<typeof gpuCallsBetween>[];
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? 0 : sorted[Math.floor(sorted.length / 2)];
};
const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / Math.max(1, values.length);

async function timeSteps(step: BenchStep, first: number, count: number, measured: Measured): Promise<void> {
  const before = gpuCallCounts();
  const startedMs = performance.now();
  for (let i = 0; i < count; i++) {
    await step.step(first + i);
    measured.encodeMs.push(step.lastEncodeMs);
  }
  await step.finish();
  measured.roundMs.push((performance.now() - startedMs) / count);
  measured.calls.push(gpuCallsBetween(before, gpuCallCounts()));
}

function rowOf(impl: BenchImpl, backend: BackendName, batchSize: number, measured: Measured): BenchmarkRow {
  const msPerStep = median(measured.roundMs);
  const steps = measured.encodeMs.length / Math.max(1, measured.roundMs.length);
  const perStep = (pick: (calls: Measured['calls'][number]) => number) =>
    mean(measured.calls.map(pick)) / Math.max(1, steps);
  const callsByMethod: Record<string, number> = {};
  for (const calls of measured.calls) {
    for (const [method, count] of Object.entries(calls.calls)) {
      callsByMethod[method] = (callsByMethod[method] ?? 0) + count / (steps * measured.calls.length);
    }
  }
  return {
    impl,
    backend,
    msPerStep,
    samplesPerSec: msPerStep > 0 ? (batchSize * 1000) / msPerStep : 0,
    dispatchesPerStep: perStep((c) => c.dispatches),
    submitsPerStep: perStep((c) => c.submits),
    apiCallsPerStep: perStep((c) => c.total),
    encodeMsPerStep: median(measured.encodeMs),
    tensorsAfter: tf.memory().numTensors,
    roundMsPerStep: measured.roundMs,
    callsByMethod,
  };
}

async function benchBackend(
  backend: BackendName,
  data: LoadedDataset,
  request: BenchmarkRequest,
  progress: (message: string) => void,
): Promise<{ rows: BenchmarkRow[]; profile: StepProfile | null }> {
  const impls = BENCH_IMPLS.filter((impl) => impl !== 'engine' || backend === 'webgpu');
  const pixels = data.train.images.subarray(0, data.train.count * IMAGE_PIXELS);
  const benchData: BenchData = {
    pixels,
    count: data.train.count,
    images: tf.tensor2d(pixels, [data.train.count, IMAGE_PIXELS]),
  };
  const runs: { impl: BenchImpl; step: BenchStep; measured: Measured }[] = [];
  try {
    for (const impl of impls) {
      progress(`${backend}: warming up ${impl}`);
      const step = await createBenchStep(impl, benchData, request.batchSize);
      runs.push({ impl, step, measured: { roundMs: [], encodeMs: [], calls: [] } });
      for (let i = 0; i < request.warmupSteps; i++) await step.step(i);
      await step.finish();
    }
    let next = request.warmupSteps;
    for (let round = 0; round < request.rounds; round++) {
      for (const { impl, step, measured } of runs) {
        progress(`${backend}: round ${round + 1}/${request.rounds}, ${impl}`);
        await timeSteps(step, next, request.stepsPerRound, measured);
      }
      next += request.stepsPerRound;
    }
    const rows = runs.map(({ impl, measured }) => rowOf(impl, backend, request.batchSize, measured));
    const tfjs = runs.find((run) => run.impl === 'tfjs');
    let profile: StepProfile | null = null;
    if (request.profile && tfjs) {
      progress(`${backend}: profiling the tfjs step`);
      profile = await profileSteps(tfjs.step, next, 2);
    }
    return { rows, profile };
  } finally {
    for (const { step } of runs) step.dispose();
    benchData.images.dispose();
  }
}

export async function runBenchmark(
  request: BenchmarkRequest,
  data: LoadedDataset,
  activate: (backend: BackendName) => Promise<string | null>,
  progress: (message: string) => void,
): Promise<BenchmarkResult> {
  installGpuCallCounter();
  const rows: BenchmarkRow[] = [];
  const skipped: string[] = [];
  const profiles: BenchmarkResult['profiles'] = [];
  let adapter = 'none';
  for (const backend of request.backends) {
    const description = await activate(backend);
    if (description === null) {
      skipped.push(`${backend}: could not start here`);
      continue;
    }
    if (backend === 'webgpu') adapter = description;
    const measured = await benchBackend(backend, data, request, progress);
    rows.push(...measured.rows);
    if (measured.profile) profiles.push({ backend, profile: measured.profile });
  }
  return {
    adapter,
    userAgent: navigator.userAgent,
    crossOriginIsolated: self.crossOriginIsolated,
    rows,
    skipped,
    profiles,
  };
}
