/** Decompresses a whole gzip file with the platform's DecompressionStream (browsers, Node ≥ 18). */
import { DatasetError } from './idx';

type Bytes = Uint8Array<ArrayBuffer>;

const GZIP_MAGIC = [0x1f, 0x8b] as const;

export function isGzip(bytes: Uint8Array): boolean {
  return bytes[0] === GZIP_MAGIC[0] && bytes[1] === GZIP_MAGIC[1];
}

/** Takes an ArrayBuffer-backed view: the stream API rejects views of shared memory. */
export async function gunzip(
  compressed: Uint8Array<ArrayBuffer>,
  file: string,
): Promise<Uint8Array<ArrayBuffer>> {
  if (!isGzip(compressed)) throw new DatasetError(file, notGzipProblem(compressed));
  const stream = new DecompressionStream('gzip');
  const writer = stream.writable.getWriter();
  // Written and read concurrently: the writable only drains as the readable is consumed.
  const written = writer.write(compressed).then(() => writer.close());
  try {
    const [, chunks] = await Promise.all([written, readChunks(stream.readable)]);
    return concatChunks(chunks);
  } catch {
    throw new DatasetError(file, 'truncated or corrupt gzip data');
  }
}

function notGzipProblem(bytes: Uint8Array): string {
  if (bytes.byteLength === 0) return 'empty file (the file may be missing)';
  // Dev servers answer a missing file with their index.html and status 200.
  const start = new TextDecoder().decode(bytes.subarray(0, 64)).trimStart();
  if (start.startsWith('<')) return 'not a gzip file (got HTML? the file may be missing)';
  return 'not a gzip file';
}

async function readChunks(readable: ReadableStream<Bytes>): Promise<Bytes[]> {
  const chunks: Bytes[] = [];
  const reader = readable.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return chunks;
    chunks.push(value);
  }
}

/** Joins chunks into one buffer; a single chunk is returned as is. */
export function concatChunks(chunks: readonly Bytes[]): Bytes {
  if (chunks.length === 1) return chunks[0];
  const total = chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0);
  const joined = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    joined.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return joined;
}
