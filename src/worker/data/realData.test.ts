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
