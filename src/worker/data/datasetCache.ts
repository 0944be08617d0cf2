/**
 * The dataset the current run trains on, loaded once per (dataset, subsets), and the test split
 * of any other dataset a kept run needs, so kept runs are scored on the images they were tested on.
 */
import type { DatasetName, TrainingConfig } from '../../shared/config';
import type { EmitEvent } from '../../shared/protocol';
import type { LoadedDataset, SplitData } from './loadDataset';

export type DatasetLoader = (
  baseUrl: string,
  options: {
    trainSubset: number | null;
    testSubset: number | null;
    onProgress?: (file: string, loadedBytes: number, totalBytes: number | null) => void;
  },
) => Promise<LoadedDataset>;

type DataChoice = Pick<TrainingConfig, 'dataset' | 'trainSubset' | 'testSubset' | 'validation'>;

const keyOf = (choice: Pick<TrainingConfig, 'dataset' | 'trainSubset' | 'testSubset'>) =>
  `${choice.dataset}|${choice.trainSubset}|${choice.testSubset}`;

export class DatasetCache {
  /** The page's base URL; each dataset lives under data/<name>/ below it. */
  baseUrl = '';
  private current: { key: string; choice: DataChoice; data: LoadedDataset } | null = null;
  private otherTest: { key: string; test: Promise<SplitData> } | null = null;

  constructor(private readonly load: DatasetLoader) {}

  private folderOf(dataset: DatasetName): string {
    return new URL(`data/${dataset}/`, this.baseUrl).href;
  }

  /** The data of `choice`, loading it (with progress, then `dataLoaded`) unless it is loaded. */
  async ensure(choice: DataChoice, emit: EmitEvent): Promise<LoadedDataset> {
    const key = keyOf(choice);
    if (this.current?.key === key) return this.current.data;
    const startedMs = performance.now();
    this.current = null;
    const loaded = await this.load(this.folderOf(choice.dataset), {
      trainSubset: choice.trainSubset,
      testSubset: choice.testSubset,
      onProgress: (file, loadedBytes, totalBytes) =>
        emit({ type: 'dataLoadProgressed', file, loadedBytes, totalBytes }),
    });
    this.current = { key, choice, data: loaded };
    const testImages = Uint8Array.from(loaded.test.images, (value) => Math.round(value * 255));
    const testLabels = loaded.test.labels.slice(0, loaded.test.count);
    emit(
      {
        type: 'dataLoaded',
        trainCount: loaded.train.count,
        validationCount:
          choice.validation === 'test' ? loaded.test.count : Math.round(loaded.train.count * 0.1),
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
    const current = this.current;
    if (current && current.choice.dataset === dataset && current.choice.testSubset === testSubset) {
      return Promise.resolve(current.data.test);
    }
    const key = `${dataset}|${testSubset}`;
    if (this.otherTest?.key !== key) {
      // The loader needs a train subset: one image is the least it reads.
      const test = this.load(this.folderOf(dataset), { trainSubset: 1, testSubset }).then((d) => d.test);
      const entry = { key, test };
      this.otherTest = entry;
      test.catch(() => {
        if (this.otherTest === entry) this.otherTest = null;
      });
    }
    return this.otherTest.test;
  }
}
