/** Files handed to the browser's downloads (tf.io.browserDownloads does the same, but needs tfjs). */
import type { ModelFiles } from '../../shared/protocol';

export const MODEL_JSON_NAME = 'autoencoder.json';

export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The click has started the download; the URL can go once it has been read.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** model.json and its weights, side by side as tf.loadLayersModel expects them. */
export function downloadModelFiles(files: ModelFiles): void {
  downloadBlob(new Blob([files.modelJson], { type: 'application/json' }), MODEL_JSON_NAME);
  for (const { name, data } of files.weightFiles) {
    downloadBlob(new Blob([data], { type: 'application/octet-stream' }), name);
  }
}

/** The files a user picked for import-model, read as data: the .json is the model, the rest weights. */
export async function readModelFiles(picked: readonly File[]): Promise<ModelFiles> {
  const json = picked.find((file) => file.name.toLowerCase().endsWith('.json')) ?? picked[0];
  if (!json) throw new Error('Choose the model’s .json file and its weights file.');
  const weights = picked.filter((file) => file !== json);
  return {
    modelJson: await json.text(),
    weightFiles: await Promise.all(
      weights.map(async (file) => ({ name: file.name, data: await file.arrayBuffer() })),
    ),
  };
}
