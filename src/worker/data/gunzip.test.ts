import { describe, expect, it } from 'vitest';
import { gunzip } from './gunzip';
import { DatasetError } from './idx';
import { gzip, idxImages } from './idxFixtures';

const FILE = 't10k-images-idx3-ubyte.gz';

describe('gunzip', () => {
  it('restores the original bytes, across many output chunks', async () => {
    const original = idxImages(2000);
    const restored = await gunzip(await gzip(original), FILE);
    // A byte loop: deep equality on megabytes is slow.
    expect(restored.length).toBe(original.length);
    expect(restored.every((byte, i) => byte === original[i])).toBe(true);
  });

  it('reports a truncated stream with the file name', async () => {
    const compressed = await gzip(idxImages(50));
    const truncated = compressed.slice(0, compressed.length - 20);
    await expect(gunzip(truncated, FILE)).rejects.toThrow(`${FILE}: truncated or corrupt gzip data`);
    await expect(gunzip(truncated, FILE)).rejects.toBeInstanceOf(DatasetError);
  });

  it('reports corrupt compressed data', async () => {
    const corrupt = await gzip(idxImages(50));
    corrupt.fill(0xff, 20, 60);
    await expect(gunzip(corrupt, FILE)).rejects.toThrow('truncated or corrupt gzip data');
  });

  it('recognises an HTML page served in place of the file', async () => {
    const page = new TextEncoder().encode('\n<!doctype html><html><body>Vite</body></html>');
    await expect(gunzip(page, FILE)).rejects.toThrow(
      `${FILE}: not a gzip file (got HTML? the file may be missing)`,
    );
  });

  it('recognises a file that is not gzip at all', async () => {
    await expect(gunzip(idxImages(1), FILE)).rejects.toThrow(`${FILE}: not a gzip file`);
    await expect(gunzip(new Uint8Array(0), FILE)).rejects.toThrow(/empty file/);
  });
});
