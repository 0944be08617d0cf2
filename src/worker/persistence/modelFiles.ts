/**
 * The model as tfjs layers files (model.json + weights.bin) and back. Imports are read as data:
 * JSON is parsed and checked field by field, byte counts before tfjs sees them, the architecture
 * layer by layer; each failure is a ModelFileError that names what is wrong.
 */
import * as tf from '@tensorflow/tfjs';
import type { ModelFiles } from '../../shared/protocol';
import type { Autoencoder } from '../model/autoencoder';
import type { DenseAutoencoderSpec } from '../model/denseAutoencoder';
import { readFlat, snapshotOf } from '../model/flatState';
import { buildConvSequential, convLayerPlan, convLayersToState, convStateToLayers } from './convLayers';
import {
  buildSequential,
  describeLayer,
  layerPlan,
  layerWeights,
  setLayerWeights,
  type LayerPlan,
} from './layersModel';
import { messageOf } from '../../shared/errorMessage';

export const WEIGHTS_FILE_NAME = 'autoencoder.weights.bin';

export class ModelFileError extends Error {
  override name = 'ModelFileError';
}

/** How a model maps to a tf.Sequential: the layers a file must have, and the weights both ways. */
export interface LayersLayout {
  plan: LayerPlan[];
  build(): tf.Sequential;
  /** The model's state (state_dict order) as the layers' weights; the caller disposes them. */
  toLayers(state: readonly tf.Tensor[]): tf.Tensor[];
  /** The layers' weights as the model's state; the caller disposes them. */
  fromLayers(weights: readonly tf.Tensor[]): tf.Tensor[];
}

const copies = (tensors: readonly tf.Tensor[]) => tensors.map(snapshotOf);

/** Dense stacks: the layers' weights are the state itself, in the same order and shapes. */
export function denseLayout(spec: DenseAutoencoderSpec): LayersLayout {
  return { plan: layerPlan(spec), build: () => buildSequential(spec), toLayers: copies, fromLayers: copies };
}

export function layoutOf(model: Autoencoder): LayersLayout {
  if (model.denseSpec) return denseLayout(model.denseSpec);
  return {
    plan: convLayerPlan(),
    build: buildConvSequential,
    toLayers: convStateToLayers,
    fromLayers: convLayersToState,
  };
}

export async function exportModelFiles(model: Autoencoder): Promise<ModelFiles> {
  const layout = layoutOf(model);
  const sequential = layout.build();
  try {
    const weights = layout.toLayers(model.namedState.map(({ variable }) => variable));
    setLayerWeights(sequential, weights);
    weights.forEach((tensor) => tensor.dispose());
    const saved: tf.io.ModelArtifacts[] = [];
    await sequential.save(
      tf.io.withSaveHandler(async (artifacts) => {
        saved.push(artifacts);
        return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
      }),
    );
    const [artifacts] = saved;
    if (!artifacts?.weightData || !artifacts.weightSpecs) throw new Error('tfjs saved no weights');
    // What tf.io.browserDownloads writes, with our file name.
    const modelJson = JSON.stringify({
      modelTopology: artifacts.modelTopology,
      format: artifacts.format ?? 'layers-model',
      generatedBy: artifacts.generatedBy,
      convertedBy: null,
      weightsManifest: [{ paths: [`./${WEIGHTS_FILE_NAME}`], weights: artifacts.weightSpecs }],
    });
    const data = tf.io.CompositeArrayBuffer.join(artifacts.weightData);
    return { modelJson, weightFiles: [{ name: WEIGHTS_FILE_NAME, data }] };
  } finally {
    sequential.dispose();
  }
}

type Fields = Record<string, unknown>;
type WeightGroup = { paths: string[]; weights: tf.io.WeightsManifestEntry[] };

function fail(message: string): never {
  throw new ModelFileError(message);
}
const isObject = (value: unknown): value is Fields => typeof value === 'object' && value !== null;

function parseManifest(modelJson: string): {
  topology: Fields;
  groups: WeightGroup[];
} {
  let value: unknown;
  try {
    value = JSON.parse(modelJson);
  } catch {
    throw new ModelFileError('The model file is not JSON: choose the model.json that export-model saved.');
  }
  if (!isObject(value) || !isObject(value.modelTopology) || !Array.isArray(value.weightsManifest)) {
    throw new ModelFileError(
      'The file is not a tfjs layers model: it has no modelTopology and weightsManifest.',
    );
  }
  const groups = value.weightsManifest.map((group: unknown) => {
    if (!isObject(group) || !Array.isArray(group.paths) || !Array.isArray(group.weights)) {
      throw new ModelFileError('The model file’s weightsManifest is malformed.');
    }
    const paths = group.paths.map((path: unknown) =>
      typeof path === 'string' ? path : fail('The model file names a weights file that is not a path.'),
    );
    const weights = group.weights.map((entry: unknown): tf.io.WeightsManifestEntry => {
      const shape = isObject(entry) && Array.isArray(entry.shape) ? entry.shape.filter(Number.isInteger) : [];
      if (
        !isObject(entry) ||
        typeof entry.name !== 'string' ||
        entry.dtype !== 'float32' ||
        !Array.isArray(entry.shape) ||
        shape.length !== entry.shape.length
      ) {
        return fail('The model file lists a weight that is not a named float32 array.');
      }
      return { name: entry.name, shape, dtype: 'float32' };
    });
    return { paths, weights };
  });
  return { topology: value.modelTopology, groups };
}

/** The weight files' bytes in manifest order, checked against what the manifest says they hold. */
function weightBytes(files: ModelFiles, groups: WeightGroup[]): ArrayBuffer {
  const byName = new Map(files.weightFiles.map((file) => [file.name, file.data]));
  const parts = groups.flatMap((group) =>
    group.paths.map((path) => {
      const name = path.split('/').pop() ?? path;
      const data = byName.get(name);
      if (!data)
        throw new ModelFileError(`The weights file ${name} is missing: choose it together with model.json.`);
      return data;
    }),
  );
  const data = tf.io.concatenateArrayBuffers(parts);
  const expected = groups
    .flatMap((g) => g.weights)
    .reduce((sum, w) => sum + 4 * w.shape.reduce((a, b) => a * b, 1), 0);
  if (data.byteLength < expected) {
    throw new ModelFileError(`The weights file is truncated: ${data.byteLength} of ${expected} bytes.`);
  }
  if (data.byteLength > expected) {
    throw new ModelFileError(
      `The weights file has ${data.byteLength - expected} bytes more than model.json lists.`,
    );
  }
  return data;
}

/** Why the loaded layers differ from `expected`, naming the first difference, or null. */
function architectureMismatch(
  model: tf.LayersModel,
  expected: LayerPlan[],
  inputSize: number,
): string | null {
  const input = model.inputs[0]?.shape.slice(1).join('×');
  if (input !== String(inputSize)) return `the model takes inputs of ${input}, this one ${inputSize} pixels`;
  if (model.layers.length !== expected.length) {
    return `the model has ${model.layers.length} layers, this architecture ${expected.length}`;
  }
  for (const [index, plan] of expected.entries()) {
    const layer = model.layers[index];
    const found = describeLayer(layer.getClassName(), layer.getConfig());
    if (found !== describeLayer(plan.kind, plan))
      return `layer ${index + 1} is ${found}; this architecture needs ${describeLayer(plan.kind, plan)}`;
  }
  return null;
}

/** The file's weights flat in state_dict order, once every check passed. */
export async function importModelFiles(
  files: ModelFiles,
  layout: LayersLayout,
): Promise<Float32Array<ArrayBuffer>> {
  const { topology, groups } = parseManifest(files.modelJson);
  const weightData = weightBytes(files, groups);
  const weightSpecs = groups.flatMap((group) => group.weights);
  let model: tf.LayersModel;
  try {
    model = await tf.loadLayersModel(tf.io.fromMemory({ modelTopology: topology, weightSpecs, weightData }));
  } catch (error) {
    throw new ModelFileError(`tfjs cannot read the model: ${messageOf(error)}`);
  }
  try {
    const problem = architectureMismatch(model, layout.plan, 784);
    if (problem) throw new ModelFileError(`Wrong architecture: ${problem}.`);
    const state = layout.fromLayers(layerWeights(model));
    try {
      return await readFlat(state);
    } finally {
      state.forEach((tensor) => tensor.dispose());
    }
  } finally {
    model.dispose();
  }
}
