/** Watches the WebGPU device for loss (tfjs never does) and, for tests, loses it on purpose. */
import * as tf from '@tensorflow/tfjs';
import { WebGPUBackend } from '@tensorflow/tfjs-backend-webgpu';

/** debug.loseDevice() destroys the device: that loss is reported, unlike tfjs's own teardown. */
let destroyedOnPurpose = false;

/** Calls `onLost` with a message if the WebGPU device in use is lost. */
export function watchDeviceLoss(onLost: (message: string) => void): void {
  const backend = tf.backend();
  if (!(backend instanceof WebGPUBackend)) return;
  void backend.device.lost.then((info) => {
    if (info.reason === 'destroyed' && !destroyedOnPurpose) return;
    const detail = destroyedOnPurpose ? 'destroyed by debug.loseDevice()' : info.message || info.reason;
    onLost(`The GPU device was lost (${detail}).`);
  });
}

/** As a real loss would: destroys the WebGPU device, or on other backends crashes the worker. */
export function loseDevice(): void {
  const backend = tf.backend();
  if (backend instanceof WebGPUBackend) {
    destroyedOnPurpose = true;
    backend.device.destroy();
    return;
  }
  // Thrown outside any handler, so it reaches the page's worker.onerror like a real crash.
  setTimeout(() => {
    throw new Error('simulated crash (debug.loseDevice())');
  });
}
