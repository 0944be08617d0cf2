/**
 * A latent larger than 2-D is shown on the plane of its first two principal components (PCA of
 * the test codes), and a point of that plane decodes through the inverse projection
 * mean + x·PC1 + y·PC2. The covariance is one product on the device; its top two eigenvectors
 * come from power iteration on the d×d matrix in JS (d ≤ 392), which is quick and exact enough.
 */
import * as tf from '@tensorflow/tfjs';

export interface LatentProjection {
  dimensions: number;
  mean: Float32Array;
  /** PC1 then PC2, each of `dimensions` values, unit length. */
  axes: [Float32Array, Float32Array];
  /** Share of the total variance along PC1 and PC2. */
  explainedVariance: [number, number];
}

const ITERATIONS = 300;

/** Fits the projection to `count` codes of `dimensions` values each (row-major). */
export async function fitProjection(codes: Float32Array, dimensions: number): Promise<LatentProjection> {
  const count = codes.length / dimensions;
  const [meanTensor, covarianceTensor] = tf.tidy(() => {
    const z = tf.tensor2d(codes, [count, dimensions]);
    const mean = tf.mean(z, 0);
    const centred = tf.sub(z, mean);
    return [mean, tf.div(tf.matMul(centred, centred, true, false), Math.max(1, count))];
  });
  const mean = (await meanTensor.data()) as Float32Array;
  const covariance = Float64Array.from(await covarianceTensor.data());
  tf.dispose([meanTensor, covarianceTensor]);
  let trace = 0;
  for (let i = 0; i < dimensions; i++) trace += covariance[i * dimensions + i];
  const first = topEigenvector(covariance, dimensions);
  deflate(covariance, dimensions, first);
  const second = topEigenvector(covariance, dimensions);
  const share = (value: number) => (trace > 0 ? value / trace : 0);
  return {
    dimensions,
    mean,
    axes: [Float32Array.from(first.vector), Float32Array.from(second.vector)],
    explainedVariance: [share(first.value), share(second.value)],
  };
}

interface Eigen {
  vector: Float64Array;
  value: number;
}

/** Power iteration from a fixed start; the sign makes the largest entry positive, so plots do not flip. */
function topEigenvector(matrix: Float64Array, n: number): Eigen {
  const start = Float64Array.from({ length: n }, (_, i) => 1 + i / n);
  let vector = start.map((x) => x / Math.hypot(...start));
  let value = 0;
  for (let iteration = 0; iteration < ITERATIONS; iteration++) {
    const next = multiply(matrix, n, vector);
    const norm = Math.hypot(...next);
    if (norm === 0) break;
    value = norm;
    vector = next.map((x) => x / norm);
  }
  let largest = 0;
  for (let i = 0; i < n; i++) if (Math.abs(vector[i]) > Math.abs(vector[largest])) largest = i;
  if (vector[largest] < 0) vector = vector.map((x) => -x);
  return { vector, value };
}

function multiply(matrix: Float64Array, n: number, vector: Float64Array): Float64Array {
  const result = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let j = 0; j < n; j++) sum += matrix[i * n + j] * vector[j];
    result[i] = sum;
  }
  return result;
}

function deflate(matrix: Float64Array, n: number, { vector, value }: Eigen): void {
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) matrix[i * n + j] -= value * vector[i] * vector[j];
}

/** The codes' coordinates on the plane (count×2). */
export function projectCodes(codes: Float32Array, projection: LatentProjection): Float32Array {
  const { dimensions, mean, axes } = projection;
  const count = codes.length / dimensions;
  const plane = new Float32Array(count * 2);
  for (let r = 0; r < count; r++) {
    let x = 0;
    let y = 0;
    for (let k = 0; k < dimensions; k++) {
      const centred = codes[r * dimensions + k] - mean[k];
      x += centred * axes[0][k];
      y += centred * axes[1][k];
    }
    plane[2 * r] = x;
    plane[2 * r + 1] = y;
  }
  return plane;
}

/** Latent codes (rows×dimensions) of plane points (rows×2): mean + x·PC1 + y·PC2. */
export function unprojectPoints(points: tf.Tensor2D, projection: LatentProjection): tf.Tensor2D {
  return tf.tidy(() => {
    const axes = tf.tensor2d([...projection.axes[0], ...projection.axes[1]], [2, projection.dimensions]);
    return tf.add(tf.matMul(points, axes), tf.tensor1d(projection.mean));
  });
}
