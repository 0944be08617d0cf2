/** The speed benchmark's request and result: the worker measures, the bench page and CLI report. */
import type { BackendName } from './config';

/** `naive`: tf.layers + tfjs Adam, kept unoptimised as the baseline; `tfjs`: the app's tfjs-ops step; `engine`: the fused WebGPU step. */
export const BENCH_IMPLS = ['naive', 'tfjs', 'engine'] as const;
export type BenchImpl = (typeof BENCH_IMPLS)[number];

export interface BenchmarkRequest {
  backends: BackendName[];
  batchSize: number;
  /** Steps each implementation trains, untimed, before the rounds (compiling, caches). */
  warmupSteps: number;
  /** Rounds alternate the implementations; each runs this many timed steps per round. */
  rounds: number;
  stepsPerRound: number;
  /** Training images loaded for the bench (the first N). */
  trainSubset: number;
  /** Also break down where the tfjs step's time goes, on each backend. */
  profile: boolean;
}

/** One tfjs step's time, from the worker's side (per step, averaged over `steps`). */
export interface StepProfile {
  steps: number;
  stepMs: number;
  encodeMs: number;
  /** JS time inside each tfjs kernel (nested GPU calls included), slowest first. */
  kernels: { name: string; calls: number; ms: number }[];
  /** Time inside each WebGPU method, slowest first. */
  webGpuCalls: { method: string; calls: number; ms: number }[];
  /** Compute pipelines created: 0 when every pipeline-cache lookup hits. */
  pipelinesCreated: number;
}

export interface BenchmarkRow {
  impl: BenchImpl;
  backend: BackendName;
  /** Median over rounds of the wall time per step, the device awaited. */
  msPerStep: number;
  samplesPerSec: number;
  /** WebGPU calls counted in the worker per step (0 on other backends). */
  dispatchesPerStep: number;
  submitsPerStep: number;
  apiCallsPerStep: number;
  /** The worker's own time to issue a step, without waiting for the device. */
  encodeMsPerStep: number;
  tensorsAfter: number;
  /** Each round's ms/step, for the spread. */
  roundMsPerStep: number[];
  /** The WebGPU calls of one step by method (WebGPU only). */
  callsByMethod: Record<string, number>;
}

export interface BenchmarkResult {
  adapter: string;
  userAgent: string;
  crossOriginIsolated: boolean;
  rows: BenchmarkRow[];
  /** Backends that could not start here, with the reason. */
  skipped: string[];
  profiles: { backend: BackendName; profile: StepProfile }[];
}
