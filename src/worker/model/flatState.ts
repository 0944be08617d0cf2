/** Tensors as one flat Float32Array and back: the layout of saved runs and of the engine's buffers. */
import * as tf from '@tensorflow/tfjs';

/** Concatenates the tensors' values in order (asynchronous reads only: WebGPU needs them). */
export async function readFlat(tensors: readonly tf.Tensor[]): Promise<Float32Array<ArrayBuffer>> {
  const values = await Promise.all(tensors.map((tensor) => tensor.data<'float32'>()));
  const flat = new Float32Array(values.reduce((total, v) => total + v.length, 0));
  let offset = 0;
  for (const v of values) {
    flat.set(v, offset);
    offset += v.length;
  }
  return flat;
}

/** Each variable takes its slice of `flat`; throws before assigning anything when the sizes differ. */
export function assignFlat(flat: Float32Array, variables: readonly tf.Variable[]): void {
  const total = variables.reduce((sum, variable) => sum + variable.size, 0);
  if (flat.length !== total) throw new Error(`expected ${total} values, got ${flat.length}`);
  tf.tidy(() => {
    let offset = 0;
    for (const variable of variables) {
      variable.assign(tf.tensor(flat.subarray(offset, offset + variable.size), variable.shape));
      offset += variable.size;
    }
  });
}

/** Kept tensors shaped like `variables` holding `flat` (e.g. a saved best checkpoint). */
export function tensorsFromFlat(flat: Float32Array, variables: readonly tf.Variable[]): tf.Tensor[] {
  const total = variables.reduce((sum, variable) => sum + variable.size, 0);
  if (flat.length !== total) throw new Error(`expected ${total} values, got ${flat.length}`);
  let offset = 0;
  return variables.map((variable) => {
    const tensor = tf.keep(tf.tensor(flat.slice(offset, offset + variable.size), variable.shape));
    offset += variable.size;
    return tensor;
  });
}

/**
 * A kept copy with memory of its own. tf.clone shares its source's memory, and on WebGPU the fused
 * engine updates the model's variables in place, so a snapshot of weights must really copy them.
 */
export function snapshotOf(tensor: tf.Tensor): tf.Tensor {
  return tf.keep(tf.tidy(() => tf.add(tensor, 0)));
}
