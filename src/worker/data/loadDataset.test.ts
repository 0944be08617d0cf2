import { describe, expect, it, vi } from 'vitest';
import { DATASET_FILES, IMAGE_PIXELS } from '../../shared/dataset';
import { DatasetError } from './idx';
import { fakeFetch, gzip, idxImages, idxLabels, validFiles, type FakeFiles } from './idxFixtures';
import { loadDataset } from './loadDataset';

const BASE_URL = 'http://127.0.0.1:5173/data/fashion-mnist/';
const ALL = { trainSubset: null, testSubset: null };

async function load(files: FakeFiles, options: Partial<Parameters<typeof loadDataset>[1]> = {}) {
  return loadDataset(BASE_URL, { ...ALL, fetchImpl: fakeFetch(files), ...options });
}

async function withFile(name: string, bytes: Uint8Array<ArrayBuffer>): Promise<FakeFiles> {
  return { ...(await validFiles()), [name]: bytes };
}

describe('loadDataset', () => {
  it('fetches the four files from the folder and scales pixels to [0, 1]', async () => {
    const requested: string[] = [];
    const data = await loadDataset(BASE_URL, { ...ALL, fetchImpl: fakeFetch(await validFiles(), requested) });
    expect(requested.sort()).toEqual(
      Object.values(DATASET_FILES)
        .map((file) => BASE_URL + file)
        .sort(),
    );
    expect(data.train.count).toBe(12);
    expect(data.test.count).toBe(5);
    expect(data.train.images).toBeInstanceOf(Float32Array);
    expect(data.train.images.length).toBe(12 * IMAGE_PIXELS);
    const firstPixelOf = (i: number) => data.train.images[i * IMAGE_PIXELS];
    expect([firstPixelOf(0), firstPixelOf(1), firstPixelOf(5)]).toEqual([0, Math.fround(51 / 255), 1]);
    expect(Array.from(data.test.labels)).toEqual([0, 1, 2, 3, 4]);
  });

  it('keeps the first N images of each split as subsets', async () => {
    const data = await load(await validFiles(), { trainSubset: 7, testSubset: 2 });
    expect(data.train.count).toBe(7);
    expect(data.train.images.length).toBe(7 * IMAGE_PIXELS);
    expect(Array.from(data.train.labels)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(data.train.labels.buffer.byteLength).toBe(7);
    expect(data.test.count).toBe(2);
  });

  it('rejects a subset larger than the split', async () => {
    await expect(load(await validFiles(), { testSubset: 6 })).rejects.toThrow(
      `${DATASET_FILES.testImages}: subset of 6 images requested but the file holds only 5`,
    );
  });

  it('reports progress for every file, with Content-Length as the total', async () => {
    const files = await validFiles();
    const onProgress = vi.fn();
    await load(files, { onProgress });
    for (const [file, bytes] of Object.entries(files)) {
      expect(onProgress).toHaveBeenCalledWith(file, 0, bytes.byteLength);
      expect(onProgress).toHaveBeenCalledWith(file, bytes.byteLength, bytes.byteLength);
    }
  });

  it('gives a null total when the server sends no Content-Length', async () => {
    const files = await validFiles();
    const onProgress = vi.fn();
    const fetchImpl: typeof fetch = async (input) =>
      new Response(files[String(input).split('/').pop() ?? '']);
    await loadDataset(BASE_URL, { ...ALL, onProgress, fetchImpl });
    expect(onProgress).toHaveBeenCalledWith(
      DATASET_FILES.trainLabels,
      files[DATASET_FILES.trainLabels].length,
      null,
    );
  });

  it('accepts a body the browser already inflated (Content-Encoding: gzip)', async () => {
    const data = await load(await withFile(DATASET_FILES.testLabels, idxLabels(5)));
    expect(data.test.count).toBe(5);
  });

  it('names a missing file (HTTP 404)', async () => {
    const files = await validFiles();
    delete files[DATASET_FILES.trainLabels];
    const failure = load(files);
    await expect(failure).rejects.toBeInstanceOf(DatasetError);
    await expect(failure).rejects.toThrow(`${DATASET_FILES.trainLabels}: missing (HTTP 404)`);
  });

  it('names a file that could not be fetched at all', async () => {
    const fetchImpl: typeof fetch = async () => {
      throw new TypeError('fetch failed');
    };
    await expect(load({}, { fetchImpl })).rejects.toThrow(/could not be fetched: fetch failed/);
  });

  it('names a truncated gzip file', async () => {
    const compressed = await gzip(idxImages(12));
    const files = await withFile(DATASET_FILES.trainImages, compressed.slice(0, compressed.length / 2));
    await expect(load(files)).rejects.toThrow(`${DATASET_FILES.trainImages}: truncated or corrupt gzip data`);
  });

  it('names a file served as an HTML page', async () => {
    const page = new TextEncoder().encode('<!DOCTYPE html><html></html>');
    await expect(load(await withFile(DATASET_FILES.testImages, page))).rejects.toThrow(
      `${DATASET_FILES.testImages}: not a gzip file (got HTML? the file may be missing)`,
    );
  });

  it('names a file with the wrong magic number', async () => {
    const files = await withFile(DATASET_FILES.testImages, await gzip(idxLabels(5)));
    await expect(load(files)).rejects.toThrow(`${DATASET_FILES.testImages}: wrong magic number 2049`);
  });

  it('names a file whose payload is shorter than its count', async () => {
    const truncated = idxImages(12).slice(0, 16 + 11 * IMAGE_PIXELS);
    const files = await withFile(DATASET_FILES.trainImages, await gzip(truncated));
    await expect(load(files)).rejects.toThrow(/train-images-idx3-ubyte\.gz: size .* 12 images .* truncated/);
  });

  it('names a labels file with a label outside 0–9', async () => {
    const files = await withFile(DATASET_FILES.testLabels, await gzip(idxLabels(5, [0, 1, 2, 3, 200])));
    await expect(load(files)).rejects.toThrow(
      `${DATASET_FILES.testLabels}: label 200 at index 4 is outside 0–9`,
    );
  });

  it('rejects labels that do not match the images in count', async () => {
    const files = await withFile(DATASET_FILES.trainLabels, await gzip(idxLabels(11)));
    await expect(load(files)).rejects.toThrow(
      `${DATASET_FILES.trainLabels}: has 11 labels but ${DATASET_FILES.trainImages} has 12 images`,
    );
  });
});
