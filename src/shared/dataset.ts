/** Facts about the datasets that both threads need. */
import type { DatasetName } from './config';

export const IMAGE_SIDE = 28;
export const IMAGE_PIXELS = IMAGE_SIDE * IMAGE_SIDE;

export const FASHION_MNIST_CLASSES = [
  'T-shirt/top',
  'Trouser',
  'Pullover',
  'Dress',
  'Coat',
  'Sandal',
  'Shirt',
  'Sneaker',
  'Bag',
  'Ankle boot',
] as const;

export const MNIST_CLASSES = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

export const DATASET_FILES = {
  trainImages: 'train-images-idx3-ubyte.gz',
  trainLabels: 'train-labels-idx1-ubyte.gz',
  testImages: 't10k-images-idx3-ubyte.gz',
  testLabels: 't10k-labels-idx1-ubyte.gz',
} as const;

export type DatasetFileRole = keyof typeof DATASET_FILES;

/** Decompressed size of each file (IDX header + bytes), the same for MNIST and Fashion-MNIST. */
export const DATASET_FILE_BYTES: Record<DatasetFileRole, number> = {
  trainImages: 16 + 60_000 * IMAGE_PIXELS,
  trainLabels: 8 + 60_000,
  testImages: 16 + 10_000 * IMAGE_PIXELS,
  testLabels: 8 + 10_000,
};

export function classNamesOf(dataset: DatasetName): readonly string[] {
  return dataset === 'mnist' ? MNIST_CLASSES : FASHION_MNIST_CLASSES;
}

/** Folder (relative to the site root) that holds a dataset's four gzipped IDX files. */
export function datasetFolder(dataset: DatasetName): string {
  return `data/${dataset}/`;
}
