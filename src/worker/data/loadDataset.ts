/** Fetches, checks and scales one dataset's four gzipped IDX files. */
import { DATASET_FILES, IMAGE_PIXELS } from '../../shared/dataset';
import { concatChunks, gunzip, isGzip } from './gunzip';
import { DatasetError, parseIdxImages, parseIdxLabels } from './idx';
import { messageOf } from '../../shared/errorMessage';

export interface SplitData {
  /** count × 784 pixels in [0, 1]. */
  images: Float32Array;
  labels: Uint8Array;
  count: number;
}

export interface LoadedDataset {
  train: SplitData;
  test: SplitData;
}

interface FetchedFile {
  file: string;
  bytes: Uint8Array<ArrayBuffer>;
}

type ProgressListener = (file: string, loadedBytes: number, totalBytes: number | null) => void;

/** `baseUrl` is the absolute URL of the dataset's folder; subsets keep the first N images. */
export async function loadDataset(
  baseUrl: string,
  options: {
    trainSubset: number | null;
    testSubset: number | null;
    onProgress?: ProgressListener;
    fetchImpl?: typeof fetch;
  },
): Promise<LoadedDataset> {
  const folder = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  const fetchImpl = options.fetchImpl ?? fetch;
  const download = async (file: string): Promise<FetchedFile> => ({
    file,
    bytes: await fetchBytes(new URL(file, folder).href, file, fetchImpl, options.onProgress),
  });
  const [trainImages, trainLabels, testImages, testLabels] = await Promise.all([
    download(DATASET_FILES.trainImages),
    download(DATASET_FILES.trainLabels),
    download(DATASET_FILES.testImages),
    download(DATASET_FILES.testLabels),
  ]);
  // One split at a time, so only one inflated images file is alive at once.
  const train = await decodeSplit(trainImages, trainLabels, options.trainSubset);
  const test = await decodeSplit(testImages, testLabels, options.testSubset);
  return { train, test };
}

async function fetchBytes(
  url: string,
  file: string,
  fetchImpl: typeof fetch,
  onProgress: ProgressListener | undefined,
): Promise<Uint8Array<ArrayBuffer>> {
  try {
    const response = await fetchImpl(url);
    if (!response.ok) throw new DatasetError(file, `missing (HTTP ${response.status})`);
    const totalBytes = contentLength(response);
    onProgress?.(file, 0, totalBytes);
    if (!response.body) return new Uint8Array(await response.arrayBuffer());
    const chunks: Uint8Array<ArrayBuffer>[] = [];
    let loadedBytes = 0;
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      loadedBytes += value.byteLength;
      onProgress?.(file, loadedBytes, totalBytes);
    }
    return concatChunks(chunks);
  } catch (error) {
    if (error instanceof DatasetError) throw error;
    throw new DatasetError(file, `could not be fetched: ${messageOf(error)}`);
  }
}

/** Content-Length counts encoded bytes, so it is no total for a body the browser inflates. */
function contentLength(response: Response): number | null {
  const encoding = response.headers.get('Content-Encoding');
  if (encoding !== null && encoding !== 'identity') return null;
  const length = Number(response.headers.get('Content-Length') ?? NaN);
  return Number.isInteger(length) && length > 0 ? length : null;
}

/** A server that sends `.gz` with Content-Encoding: gzip makes fetch hand over the inflated IDX. */
async function inflate(bytes: Uint8Array<ArrayBuffer>, file: string): Promise<Uint8Array> {
  const isIdx = bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0x08;
  return !isGzip(bytes) && isIdx ? bytes : gunzip(bytes, file);
}

async function decodeSplit(
  imagesFile: FetchedFile,
  labelsFile: FetchedFile,
  subset: number | null,
): Promise<SplitData> {
  const images = parseIdxImages(await inflate(imagesFile.bytes, imagesFile.file), imagesFile.file);
  const labels = parseIdxLabels(await inflate(labelsFile.bytes, labelsFile.file), labelsFile.file);
  if (labels.count !== images.count) {
    const problem = `has ${labels.count} labels but ${imagesFile.file} has ${images.count} images`;
    throw new DatasetError(labelsFile.file, problem);
  }
  const count = subsetCount(subset, images.count, imagesFile.file);
  // slice, not subarray: the result owns a tight buffer that can be transferred.
  return { images: scalePixels(images.pixels, count), labels: labels.labels.slice(0, count), count };
}

function subsetCount(subset: number | null, available: number, file: string): number {
  if (subset === null) return available;
  if (!Number.isInteger(subset) || subset < 1) {
    throw new DatasetError(file, `subset must be a positive whole number (got ${subset})`);
  }
  if (subset > available) {
    throw new DatasetError(file, `subset of ${subset} images requested but the file holds only ${available}`);
  }
  return subset;
}

function scalePixels(pixels: Uint8Array, count: number): Float32Array {
  const scaled = new Float32Array(count * IMAGE_PIXELS);
  for (let i = 0; i < scaled.length; i++) scaled[i] = pixels[i] / 255;
  return scaled;
}
