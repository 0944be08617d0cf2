import { describe, expect, it } from 'vitest';
import { DatasetError, parseIdxImages, parseIdxLabels } from './idx';
import { idxImages, idxLabels } from './idxFixtures';

const FILE = 'train-images-idx3-ubyte';

describe('parseIdxImages', () => {
  it('reads the header and exposes the pixels', () => {
    const parsed = parseIdxImages(idxImages(3), FILE);
    expect(parsed).toMatchObject({ count: 3, rows: 28, cols: 28 });
    expect(parsed.pixels.length).toBe(3 * 784);
    expect([parsed.pixels[0], parsed.pixels[784], parsed.pixels[2 * 784 + 783]]).toEqual([0, 51, 102]);
  });

  it('rejects a wrong magic number, naming the file', () => {
    const parse = () => parseIdxImages(idxImages(2, { magic: 2049 }), FILE);
    expect(parse).toThrow(DatasetError);
    expect(parse).toThrow(`${FILE}: wrong magic number 2049 (expected 2051 for IDX images)`);
  });

  it('rejects a payload shorter than the header promises', () => {
    const truncated = idxImages(4).subarray(0, 16 + 3 * 784 + 100);
    expect(() => parseIdxImages(truncated, FILE)).toThrow(/does not match the header's 4 images.*truncated/);
  });

  it('rejects extra bytes after the images', () => {
    const padded = new Uint8Array(16 + 2 * 784 + 1);
    padded.set(idxImages(2));
    expect(() => parseIdxImages(padded, FILE)).toThrow(/extra bytes at the end/);
  });

  it('rejects a file too short for a header', () => {
    expect(() => parseIdxImages(idxImages(0).subarray(0, 10), FILE)).toThrow(/only 10 bytes, too short/);
    expect(() => parseIdxImages(new Uint8Array(2), FILE)).toThrow(/only 2 bytes \(expected 2051/);
  });

  it('rejects images that are not 28×28', () => {
    expect(() => parseIdxImages(idxImages(2, { side: 32 }), FILE)).toThrow(
      /images are 32×32, expected 28×28/,
    );
  });
});

describe('parseIdxLabels', () => {
  it('reads every label', () => {
    const parsed = parseIdxLabels(idxLabels(12), 'labels');
    expect(parsed.count).toBe(12);
    expect(Array.from(parsed.labels)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1]);
  });

  it('rejects a label outside 0–9', () => {
    expect(() => parseIdxLabels(idxLabels(4, [0, 9, 10, 3]), 'labels')).toThrow(
      'labels: label 10 at index 2 is outside 0–9',
    );
  });

  it('rejects an images file given as labels', () => {
    expect(() => parseIdxLabels(idxImages(1), 'labels')).toThrow(/wrong magic number 2051 \(expected 2049/);
  });

  it('rejects a truncated labels file', () => {
    expect(() => parseIdxLabels(idxLabels(10).subarray(0, 15), 'labels')).toThrow(/10 labels.*truncated/);
  });

  it('exposes the file and the problem separately', () => {
    const error = catchError(() => parseIdxLabels(idxLabels(1, [42]), 'x.gz'));
    expect(error).toBeInstanceOf(DatasetError);
    expect(error).toMatchObject({ file: 'x.gz', problem: 'label 42 at index 0 is outside 0–9' });
  });
});

function catchError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
