import * as tf from '@tensorflow/tfjs';

/** tf.customGrad passes the op's tensors then its save function in one list; this splits them. */
export function customGradArgs(args: (tf.Tensor | tf.GradSaveFunc)[]): {
  tensors: tf.Tensor[];
  save: tf.GradSaveFunc;
} {
  const save = args.find((arg): arg is tf.GradSaveFunc => typeof arg === 'function');
  if (!save) throw new Error('customGrad passed no save function');
  return { tensors: args.filter((arg): arg is tf.Tensor => arg instanceof tf.Tensor), save };
}
