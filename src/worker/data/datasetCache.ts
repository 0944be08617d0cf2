/**
 * The worker's loaded data set, kept across resets: a reset with the same data set and subsets
 * reuses it, so only a change of those loads (and announces) the files again. Kept runs of another
 * data set get its test split loaded apart, so each is scored on the images it was tested on.
 */
import type { DatasetName, TrainingConfig } from '../../shared/config';
import type { EmitEvent } from '../../shared/protocol';
import type { LoadedDataset, SplitData } from './loadDataset';

export type LoadDataset = (
  baseUrl: string,
  options: {
    trainSubset: number | null;
    testSubset: number | null;
    onProgress?: (file: string, loadedBytes: number, totalBytes: number | null) => void;
  },
) => Promise<LoadedDataset>;

export class DatasetCache {
  private data: LoadedDataset | null = null;
  private key = '';
  /** `dataset|testSubset` of the loaded data set's test split. */
  private testKey = '';
  private otherTest: { key: string; test: Promise<SplitData> } | null = null;
  /** The page's address, which the data folder is relative to; set by `initialize`. */
  baseUrl = '';

  constructor(private readonly loadDataset: LoadDataset) {}

  async get(config: TrainingConfig, emit: EmitEvent): Promise<LoadedDataset> {
    const key = `${config.dataset}|${config.trainSubset}|${config.testSubset}`;
    if (this.data && key === this.key) return this.data;
    const startedMs = performance.now();
    this.data = null;
    const loaded = await this.loadDataset(new URL(`data/${config.dataset}/`, this.baseUrl).href, {
      trainSubset: config.trainSubset,
      testSubset: config.testSubset,
      onProgress: (file, loadedBytes, totalBytes) =>
        emit({ type: 'dataLoadProgressed', file, loadedBytes, totalBytes }),
    });
    this.data = loaded;
    this.key = key;
    this.testKey = `${config.dataset}|${config.testSubset}`;
    // The page shows and brushes test images: it gets them once, as bytes.
    const testImages = Uint8Array.from(loaded.test.images, (value) => Math.round(value * 255));
    const testLabels = loaded.test.labels.slice(0, loaded.test.count);
    emit(
      {
        type: 'dataLoaded',
        trainCount: loaded.train.count,
        validationCount:
          config.validation === 'test' ? loaded.test.count : Math.round(loaded.train.count * 0.1),
        testCount: loaded.test.count,
        elapsedMs: performance.now() - startedMs,
        testImages,
        testLabels,
      },
      [testImages.buffer, testLabels.buffer],
    );
    return loaded;
  }

  /** The first `testSubset` test images of `dataset` (all when null), on the CPU. */
  testSplit(dataset: DatasetName, testSubset: number | null): Promise<SplitData> {
    const key = `${dataset}|${testSubset}`;
    if (this.data && key === this.testKey) return Promise.resolve(this.data.test);
    if (this.otherTest?.key !== key) {
      // The loader needs a train subset: one image is the least it decodes.
      const url = new URL(`data/${dataset}/`, this.baseUrl).href;
      const test = this.loadDataset(url, { trainSubset: 1, testSubset }).then((loaded) => loaded.test);
      const entry = { key, test };
      this.otherTest = entry;
      test.catch(() => {
        if (this.otherTest === entry) this.otherTest = null;
      });
    }
    return this.otherTest.test;
  }
}
