/** Small tools for the engine's in-browser checks: read GPU buffers, compare, report. */
import * as tf from '@tensorflow/tfjs';
import type { EngineStepper } from '../engineStepper';
import { SCALAR } from '../wgsl/stepKernels';
import type { CheckResult } from '../../../shared/engineCheck';

/** Reads `count` floats of an engine buffer through tfjs (which queues the read after our submits). */
export async function readFloats(buffer: GPUBuffer, count: number, offset = 0): Promise<Float32Array> {
  const all = tf.tensor({ buffer, zeroCopy: true }, [offset + count], 'float32');
  const values = (await all.data()) as Float32Array;
  all.dispose();
  return values.slice(offset, offset + count);
}

/** One engine step on a given batch (batchSource 'external'), waited for: its loss and gradient norm. */
export async function stepOnBatch(
  stepper: EngineStepper,
  batch: { input: Float32Array<ArrayBuffer>; target: Float32Array<ArrayBuffer> },
  stepIndex: number,
): Promise<{ loss: number; gradientNorm: number }> {
  stepper.trainer.writeBatch(batch.input, batch.target);
  // A slow GPU's step returns its own loss (it ran alone); a fast one's comes with the drain.
  const returned = await stepper.step({
    stepIndex,
    stepInEpoch: 0,
    indices: new Int32Array(0),
    noiseSeed: 0,
    dropoutSeed: 0,
  });
  const [record] = [...returned, ...(await stepper.drain())];
  const { scratch } = stepper.trainer.plan;
  const [gradientNorm] = await readFloats(
    stepper.trainer.buffers.scratch,
    1,
    scratch.scalarSlot + SCALAR.gradientNorm,
  );
  return { loss: record.loss, gradientNorm };
}

/** max |a − e| / max(|e|, floor): relative above `floor`, absolute (scaled) below it. */
export function worstRelativeError(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  floor: number,
): number {
  if (actual.length !== expected.length) return Infinity;
  let worst = 0;
  for (let i = 0; i < expected.length; i++) {
    const error = Math.abs(actual[i] - expected[i]) / Math.max(Math.abs(expected[i]), floor);
    worst = Math.max(worst, Number.isNaN(error) ? Infinity : error);
  }
  return worst;
}

/** Collects comparisons under one check name; passes when every one is within its tolerance. */
export class Comparison {
  private worst = 0;
  private readonly failures: string[] = [];

  constructor(
    readonly name: string,
    private readonly tolerance: number,
    private readonly floor = 1e-1,
  ) {}

  compare(label: string, actual: ArrayLike<number>, expected: ArrayLike<number>, tolerance = this.tolerance) {
    const error = worstRelativeError(actual, expected, this.floor);
    this.worst = Math.max(this.worst, error);
    if (!(error <= tolerance)) this.failures.push(`${label}: ${error.toExponential(2)} > ${tolerance}`);
  }

  fail(message: string): void {
    this.failures.push(message);
  }

  result(extra = ''): CheckResult {
    return {
      name: this.name,
      passed: this.failures.length === 0,
      worstError: this.worst,
      detail: [this.failures.slice(0, 5).join('; '), extra].filter(Boolean).join(' | '),
    };
  }
}
