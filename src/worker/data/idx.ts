/** Parsers for the IDX format of (Fashion-)MNIST: a big-endian header, then raw unsigned bytes. */
import { IMAGE_PIXELS, IMAGE_SIDE } from '../../shared/dataset';

const IMAGES_MAGIC = 2051;
const LABELS_MAGIC = 2049;
const IMAGES_HEADER_BYTES = 16;
const LABELS_HEADER_BYTES = 8;
const CLASS_COUNT = 10;

/** A problem with one dataset file; the message names the file so the UI can show it as is. */
export class DatasetError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`${file}: ${problem}`);
    this.name = 'DatasetError';
  }
}

export interface IdxImages {
  count: number;
  rows: number;
  cols: number;
  /** count × rows × cols bytes, a view into the input (no copy). */
  pixels: Uint8Array;
}

export interface IdxLabels {
  count: number;
  /** A view into the input (no copy). */
  labels: Uint8Array;
}

export function parseIdxImages(bytes: Uint8Array, file: string): IdxImages {
  const header = readHeader(bytes, file, IMAGES_HEADER_BYTES, IMAGES_MAGIC, 'images');
  const count = header.getUint32(4);
  const rows = header.getUint32(8);
  const cols = header.getUint32(12);
  if (rows !== IMAGE_SIDE || cols !== IMAGE_SIDE) {
    throw new DatasetError(file, `images are ${rows}×${cols}, expected ${IMAGE_SIDE}×${IMAGE_SIDE}`);
  }
  checkSize(bytes, file, IMAGES_HEADER_BYTES + count * IMAGE_PIXELS, `${count} images of ${rows}×${cols}`);
  return { count, rows, cols, pixels: bytes.subarray(IMAGES_HEADER_BYTES) };
}

export function parseIdxLabels(bytes: Uint8Array, file: string): IdxLabels {
  const header = readHeader(bytes, file, LABELS_HEADER_BYTES, LABELS_MAGIC, 'labels');
  const count = header.getUint32(4);
  checkSize(bytes, file, LABELS_HEADER_BYTES + count, `${count} labels`);
  const labels = bytes.subarray(LABELS_HEADER_BYTES);
  const badIndex = labels.findIndex((label) => label >= CLASS_COUNT);
  if (badIndex !== -1) {
    throw new DatasetError(file, `label ${labels[badIndex]} at index ${badIndex} is outside 0–9`);
  }
  return { count, labels };
}

function readHeader(
  bytes: Uint8Array,
  file: string,
  headerBytes: number,
  magic: number,
  kind: string,
): DataView {
  // DataView reads big-endian by default, as IDX stores it.
  const header = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The magic number first: it says best what a wrong file is, even a short one.
  const found = bytes.byteLength >= 4 ? header.getUint32(0) : null;
  if (found !== magic) {
    const what = found === null ? `only ${bytes.byteLength} bytes` : `wrong magic number ${found}`;
    throw new DatasetError(file, `${what} (expected ${magic} for IDX ${kind})`);
  }
  if (bytes.byteLength < headerBytes) {
    throw new DatasetError(file, `only ${bytes.byteLength} bytes, too short for an IDX ${kind} header`);
  }
  return header;
}

function checkSize(bytes: Uint8Array, file: string, expectedBytes: number, what: string): void {
  if (bytes.byteLength === expectedBytes) return;
  const hint = bytes.byteLength < expectedBytes ? 'truncated' : 'extra bytes at the end';
  throw new DatasetError(
    file,
    `size ${bytes.byteLength} bytes does not match the header's ${what} (${expectedBytes} bytes): ${hint}`,
  );
}
