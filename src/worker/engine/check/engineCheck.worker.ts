/**
 * Runs the fused engine's checks on this browser's WebGPU adapter and posts the results: the
 * end-to-end suite runs it on SwiftShader (engine-check.html), anyone can open it on a real GPU.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import { REFERENCE_SPEC } from '../../model/denseAutoencoder';
import { checkCallCounts } from './callCounts';
import type { CheckMessage, CheckResult } from '../../../shared/engineCheck';
import { checkGeneralStack, MIXED_SIGMOID_STACK, SIGMOID_HIDDEN_STACK } from './generalStacks';
import { checkRandomness } from './randomness';
import { checkStateRoundTrip } from './stateRoundTrip';
import { checkTfjsParity } from './tfjsParity';
import { checkTfjsStepAgainstTorch, checkTorchParity } from './torchParity';
import { messageOf } from '../../../shared/errorMessage';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: CheckMessage): void => scope.postMessage(message);

/** The reference model without dropout (masks cannot be shared between the two paths). */
const REFERENCE_NO_DROPOUT = {
  ...REFERENCE_SPEC,
  encoderDropout: REFERENCE_SPEC.encoderDropout.map(() => 0),
};
/** A small dense stack for the long check: SwiftShader runs it in seconds. */
const SMALL = {
  encoderSizes: [784, 64, 16, 2],
  decoderSizes: [2, 16, 64, 784],
  encoderDropout: [0, 0],
  batchNormMomentum: 0.1,
  batchNormEpsilon: 1e-5,
};

async function runChecks(): Promise<CheckResult[]> {
  if (!(await tf.setBackend('webgpu'))) throw new Error('this browser has no WebGPU');
  await tf.ready();
  const results: CheckResult[] = [];
  const record = (result: CheckResult) => {
    results.push(result);
    post({ type: 'progress', result });
  };

  (await checkTorchParity()).forEach(record);
  record(await checkTfjsStepAgainstTorch());
  (await checkRandomness()).forEach(record);
  record(
    await checkTfjsParity('engine vs tfjs step, reference model, 1 step', REFERENCE_NO_DROPOUT, 32, 1, {
      loss: 1e-5,
      gradientNorm: 5e-3,
      weights: 5e-3,
    }),
  );
  record(
    await checkTfjsParity('engine vs tfjs step, 784-64-16-2 stack, 100 steps', SMALL, 32, 100, {
      loss: 1e-3,
      gradientNorm: 1e-3,
      weights: 1e-3,
    }),
  );
  const bce = { mseWeight: 0, l1Weight: 0, bceWeight: 1 };
  const everyLoss = { mseWeight: 0.5, l1Weight: 0.3, bceWeight: 0.2 };
  const l1 = { mseWeight: 0, l1Weight: 1, bceWeight: 0 };
  const stacks = [
    ['mixed stack, BCE, 1 step', MIXED_SIGMOID_STACK, bce, 1, 1e-5],
    ['mixed stack, MSE + L1 + BCE, 100 steps', MIXED_SIGMOID_STACK, everyLoss, 100, 1e-3],
    ['sigmoid hidden layer, linear output, L1, 1 step', SIGMOID_HIDDEN_STACK, l1, 1, 1e-5],
    ['sigmoid hidden layer, linear output, L1, 100 steps', SIGMOID_HIDDEN_STACK, l1, 100, 1e-3],
  ] as const;
  for (const [name, network, loss, steps, tolerance] of stacks)
    record(await checkGeneralStack(`engine vs tfjs CPU ops, ${name}`, network, loss, steps, tolerance));
  record(await checkStateRoundTrip());
  record(await checkCallCounts());
  return results;
}

runChecks().then(
  (results) => post({ type: 'done', results, numTensors: tf.memory().numTensors }),
  (error: unknown) => post({ type: 'error', message: messageOf(error) }),
);
