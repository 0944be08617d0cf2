/**
 * Property tests: whatever bytes arrive (random, or a valid file truncated, flipped, re-headed),
 * the data layer returns consistent data or a DatasetError naming the file, never a TypeError,
 * a RangeError or arrays that disagree with their counts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DATASET_FILES, IMAGE_PIXELS, IMAGE_SIDE } from '../../shared/dataset';
import { gunzip } from './gunzip';
import { DatasetError, parseIdxImages, parseIdxLabels } from './idx';
import { fakeFetch, gzip, idxImages, idxLabels, validFiles } from './idxFixtures';
import { loadDataset } from './loadDataset';

type Bytes = Uint8Array<ArrayBuffer>;
type Mutation = (bytes: Bytes) => Bytes;

const FILE = 'some-file.gz';

/** A header field's new value: small counts and sides, 28, and the extremes of a uint32. */
const headerValue = fc.oneof(
  fc.integer({ min: 0, max: 40 }),
  fc.constant(IMAGE_SIDE),
  fc.nat(),
  fc.constant(2 ** 32 - 1),
);

/** Names a mutation, so a failing case prints what was done to the file. */
const named = (label: string, apply: Mutation): Mutation =>
  Object.assign(apply, { [fc.toStringMethod]: () => label });

/** One way to damage a file; positions are fractions so they fit any length. */
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc
    .double({ min: 0, max: 1, noNaN: true })
    .map((at) => named(`truncate at ${at}`, (bytes) => bytes.slice(0, Math.floor(at * bytes.length)))),
  fc
    .tuple(fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), fc.integer({ min: 0, max: 255 }))
    .map(([at, value]) =>
      named(`set the byte at ${at} to ${value}`, (bytes) => {
        const flipped = bytes.slice();
        if (flipped.length > 0) flipped[Math.floor(at * flipped.length)] = value;
        return flipped;
      }),
    ),
  fc.tuple(fc.constantFrom(0, 4, 8, 12), headerValue).map(([offset, value]) =>
    named(`set the header's uint32 at ${offset} to ${value}`, (bytes) => {
      const reheaded = bytes.slice();
      if (reheaded.length >= offset + 4) new DataView(reheaded.buffer).setUint32(offset, value);
      return reheaded;
    }),
  ),
  fc.uint8Array({ minLength: 1, maxLength: 900 }).map((extra) =>
    named(`append ${extra.length} bytes`, (bytes) => {
      const longer = new Uint8Array(bytes.length + extra.length);
      longer.set(bytes);
      longer.set(extra, bytes.length);
      return longer;
    }),
  ),
);

const mutations = fc.array(mutation, { minLength: 1, maxLength: 3 });
const mutate = (bytes: Bytes, steps: Mutation[]) => steps.reduce((current, step) => step(current), bytes);

/** Random bytes, or a valid file of `make(count)` damaged one to three ways. */
function damaged(make: (count: number) => Bytes, maxCount: number): fc.Arbitrary<Bytes> {
  return fc.oneof(
    fc.uint8Array({ maxLength: 3000 }).map((bytes) => Uint8Array.from(bytes)),
    fc
      .tuple(fc.integer({ min: 0, max: maxCount }), mutations)
      .map(([count, steps]) => mutate(make(count), steps)),
  );
}

/** Runs `parse`; a failure must be a DatasetError whose message names `file` and says what is wrong. */
function parsedOrNamedError<T>(parse: () => T, file: string): T | null {
  try {
    return parse();
  } catch (error) {
    expectNamedError(error, file);
    return null;
  }
}

function expectNamedError(error: unknown, file: string) {
  expect(error).toBeInstanceOf(DatasetError);
  if (!(error instanceof DatasetError)) return;
  expect(error.file).toBe(file);
  expect(error.message).toBe(`${file}: ${error.problem}`);
  expect(error.problem.length).toBeGreaterThan(5);
}

describe('IDX parsers on random and damaged bytes', () => {
  it('parseIdxImages returns 28×28 images whose pixels match the count, or a DatasetError', () => {
    fc.assert(
      fc.property(damaged(idxImages, 3), (bytes) => {
        const parsed = parsedOrNamedError(() => parseIdxImages(bytes, FILE), FILE);
        if (!parsed) return;
        expect([parsed.rows, parsed.cols]).toEqual([IMAGE_SIDE, IMAGE_SIDE]);
        expect(Number.isInteger(parsed.count) && parsed.count >= 0).toBe(true);
        expect(parsed.pixels.length).toBe(parsed.count * IMAGE_PIXELS);
      }),
      { numRuns: 500 },
    );
  });

  it('parseIdxLabels returns one label in 0–9 per counted image, or a DatasetError', () => {
    fc.assert(
      fc.property(damaged(idxLabels, 30), (bytes) => {
        const parsed = parsedOrNamedError(() => parseIdxLabels(bytes, FILE), FILE);
        if (!parsed) return;
        expect(parsed.labels.length).toBe(parsed.count);
        expect(parsed.labels.every((label) => label < 10)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('gunzip on random and damaged bytes', () => {
  it('returns the original bytes or a DatasetError: gzip’s checksum catches every other change', async () => {
    const original = idxImages(2);
    const compressed = await gzip(original);
    const input = fc.oneof(
      fc.uint8Array({ maxLength: 2000 }).map((bytes) => Uint8Array.from(bytes)),
      fc.uint8Array({ maxLength: 200 }).map((tail) => Uint8Array.from([0x1f, 0x8b, ...tail])),
      mutations.map((steps) => mutate(compressed, steps)),
    );
    await fc.assert(
      fc.asyncProperty(input, async (bytes) => {
        const restored = await gunzip(bytes, FILE).catch((error: unknown) => expectNamedError(error, FILE));
        if (restored) expect(restored).toEqual(original);
      }),
      { numRuns: 300 },
    );
  });
});

describe('loadDataset on a damaged file', () => {
  it('returns splits whose images, labels and counts agree, or a DatasetError naming a dataset file', async () => {
    const valid = await validFiles(3, 2);
    const files = Object.values(DATASET_FILES);
    const damage = fc.tuple(fc.constantFrom(...files), fc.boolean(), mutations);
    await fc.assert(
      fc.asyncProperty(damage, async ([file, beforeCompression, steps]) => {
        const bytes = beforeCompression
          ? await gzip(mutate(await gunzip(valid[file], file), steps))
          : mutate(valid[file], steps);
        const fetchImpl = fakeFetch({ ...valid, [file]: bytes });
        const options = { trainSubset: null, testSubset: null, fetchImpl };
        const loaded = await loadDataset('http://127.0.0.1/data/', options).catch((error: unknown) => {
          expect(error).toBeInstanceOf(DatasetError);
          if (error instanceof DatasetError) expectNamedError(error, error.file);
          expect(files).toContain(error instanceof DatasetError ? error.file : null);
          return null;
        });
        if (!loaded) return;
        for (const split of [loaded.train, loaded.test]) {
          expect(split.images.length).toBe(split.count * IMAGE_PIXELS);
          expect(split.labels.length).toBe(split.count);
          expect(split.labels.every((label) => label < 10)).toBe(true);
          expect(split.images.every((pixel) => pixel >= 0 && pixel <= 1)).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });
});
