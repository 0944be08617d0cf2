/** Synthetic IDX files and a fake fetch for the data tests; imported only by *.test.ts. */
import { DATASET_FILES, IMAGE_SIDE } from '../../shared/dataset';

type Bytes = Uint8Array<ArrayBuffer>;

/** Image i has every pixel equal to (i * 51) % 256, so scaling is easy to check. */
export function idxImages(count: number, options: { magic?: number; side?: number } = {}): Bytes {
  const side = options.side ?? IMAGE_SIDE;
  const bytes = new Uint8Array(16 + count * side * side);
  const header = new DataView(bytes.buffer);
  header.setUint32(0, options.magic ?? 2051);
  header.setUint32(4, count);
  header.setUint32(8, side);
  header.setUint32(12, side);
  for (let i = 0; i < count; i++)
    bytes.fill((i * 51) % 256, 16 + i * side * side, 16 + (i + 1) * side * side);
  return bytes;
}

/** Labels 0, 1, …, 9, 0, … unless given. */
export function idxLabels(count: number, labels?: readonly number[]): Bytes {
  const bytes = new Uint8Array(8 + count);
  const header = new DataView(bytes.buffer);
  header.setUint32(0, 2049);
  header.setUint32(4, count);
  for (let i = 0; i < count; i++) bytes[8 + i] = labels?.[i] ?? i % 10;
  return bytes;
}

export async function gzip(bytes: Bytes): Promise<Bytes> {
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

export type FakeFiles = Record<string, Bytes>;

/** A valid gzipped dataset: `trainCount` train and `testCount` test images. */
export async function validFiles(trainCount = 12, testCount = 5): Promise<FakeFiles> {
  return {
    [DATASET_FILES.trainImages]: await gzip(idxImages(trainCount)),
    [DATASET_FILES.trainLabels]: await gzip(idxLabels(trainCount)),
    [DATASET_FILES.testImages]: await gzip(idxImages(testCount)),
    [DATASET_FILES.testLabels]: await gzip(idxLabels(testCount)),
  };
}

/** Serves `files` by name like a static host: 404 for anything else; records every URL asked. */
export function fakeFetch(files: FakeFiles, requested: string[] = []): typeof fetch {
  return async (input) => {
    const url = input instanceof Request ? input.url : String(input);
    requested.push(url);
    const body = files[url.slice(url.lastIndexOf('/') + 1)];
    if (body === undefined) return new Response('<!doctype html><h1>Not found</h1>', { status: 404 });
    return new Response(body, { headers: { 'Content-Length': String(body.byteLength) } });
  };
}
