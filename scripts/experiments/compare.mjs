#!/usr/bin/env node
/**
 * The lab's comparisons, measured in the real app: trains each named configuration one after
 * another (never in parallel) in one headless Chromium, on WASM, with fixed seeds and equal data,
 * and prints one markdown table per comparison. Needs `npx vite build` first.
 *
 * Usage: node scripts/experiments/compare.mjs [--epochs 3] [--train 10000] [--test 1000]
 *          [--seeds 0,1] [--only name,name] [--port 4321] [--out results.jsonl]
 *        node scripts/experiments/compare.mjs --from results.jsonl   (tables of recorded runs, no training)
 * Every run also prints a JSON line (and appends it to --out), so a long session leaves a record
 * even when a later configuration fails.
 */
import { appendFileSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { launchChromium, startPreview, trainRun } from '../lib/appInBrowser.mjs';

const { values: options } = parseArgs({
  options: {
    epochs: { type: 'string', default: '3' },
    train: { type: 'string', default: '10000' },
    test: { type: 'string', default: '1000' },
    seeds: { type: 'string', default: '0' },
    only: { type: 'string' },
    port: { type: 'string', default: process.env.PORT ?? '4321' },
    out: { type: 'string' },
    from: { type: 'string' },
  },
});
const epochs = Number(options.epochs);
const seeds = options.seeds.split(',').map(Number);
const port = Number(options.port);

/** Each configuration: its name in the tables and the URL parameters that make it. */
const CONFIGS = {
  'dense-3 L30 denoising': 'preset=dense-3&latent=30',
  'dense-3 L30 basic': 'preset=dense-3&latent=30&mode=basic',
  'dense-5 L15': 'preset=dense-5&latent=15',
  'dense-5 L30': 'preset=dense-5&latent=30',
  'dense-5 L50': 'preset=dense-5&latent=50',
  'dense-5 L100': 'preset=dense-5&latent=100',
  reference: 'preset=reference',
  // The conv recipe trains at Gaussian 0.5; at 0.25 it sees (and is tested on) the reference's noise.
  // conv switches to MNIST by default; this table compares both on Fashion-MNIST.
  'conv (noise 0.25)': 'preset=conv&dataset=fashion-mnist&trainNoiseLevel=0.25',
  'minimal MNIST': 'preset=minimal&dataset=mnist',
};

const TABLES = [
  {
    title: 'a. basic vs denoising (dense-3, latent 30), both tested on the same Gaussian-0.25 noisy images',
    configs: ['dense-3 L30 basic', 'dense-3 L30 denoising'],
  },
  {
    title: 'b. latent size on dense-5',
    configs: ['dense-5 L15', 'dense-5 L30', 'dense-5 L50', 'dense-5 L100'],
  },
  { title: 'c. dense-3 vs dense-5 (latent 30)', configs: ['dense-3 L30 denoising', 'dense-5 L30'] },
  { title: 'd. conv vs reference (Gaussian 0.25 both)', configs: ['reference', 'conv (noise 0.25)'] },
  { title: 'e. minimal on MNIST (uniform-positive noise 0.25)', configs: ['minimal MNIST'] },
];

const wanted = options.only ? options.only.split(',') : Object.keys(CONFIGS);
for (const name of wanted) if (!(name in CONFIGS)) throw new Error(`unknown configuration ${name}`);

const queryOf = (name, seed) =>
  `backend=wasm&seed=${seed}&trainSubset=${options.train}&testSubset=${options.test}&${CONFIGS[name]}`;

/** PSNR of the robustness curve (first 500 test images, the run's noise type) at one level. */
const curveAt = (curve, level) => curve?.psnr[curve.noiseLevels.findIndex((l) => Math.abs(l - level) < 1e-9)];

async function measure(browser, name, seed) {
  const query = queryOf(name, seed);
  try {
    const { records, last, page } = await trainRun({ browser, port, query, epochs });
    await page.close();
    const final = records.at(-1);
    return {
      name,
      seed,
      query,
      epochs,
      backend: last.backend,
      trainStep: last.trainStep,
      trainLoss: final.trainLoss,
      valLoss: final.valLoss,
      ...final.metrics,
      psnrClean: curveAt(last.robustnessCurve, 0),
      psnrAt05: curveAt(last.robustnessCurve, 0.5),
      robustnessCurve: last.robustnessCurve,
      secondsPerEpoch: final.wallS / epochs,
      perEpoch: records.map((r) => ({
        epoch: r.epoch,
        valLoss: r.valLoss,
        psnr: r.metrics.psnr,
        wallS: r.wallS,
      })),
    };
  } catch (error) {
    return { name, seed, query, epochs, failure: error instanceof Error ? error.message : String(error) };
  }
}

const fixed = (digits) => (value) => (Number.isFinite(value) ? value.toFixed(digits) : String(value));
const COLUMNS = [
  ['config', (r) => r.name],
  ['seed', (r) => r.seed],
  ['epochs', (r) => r.epochs],
  ['train loss', (r) => fixed(4)(r.trainLoss)],
  ['val loss', (r) => fixed(4)(r.valLoss)],
  ['test MSE', (r) => fixed(4)(r.mse)],
  ['PSNR dB', (r) => fixed(2)(r.psnr)],
  ['SSIM', (r) => fixed(3)(r.ssim)],
  ['PSNR clean in', (r) => fixed(2)(r.psnrClean)],
  ['PSNR noise 0.5', (r) => fixed(2)(r.psnrAt05)],
  ['s/epoch', (r) => fixed(0)(r.secondsPerEpoch)],
];

function markdownTable(rows) {
  const lines = [
    `| ${COLUMNS.map(([title]) => title).join(' | ')} |`,
    `|${COLUMNS.map(() => ' --- |').join('')}`,
  ];
  for (const row of rows) {
    if (row.failure) lines.push(`| ${row.name} | ${row.seed} | ${row.epochs} | failed: ${row.failure} |`);
    else lines.push(`| ${COLUMNS.map(([, cell]) => cell(row)).join(' | ')} |`);
  }
  return lines.join('\n');
}

async function trainAll() {
  const stopServer = await startPreview(port);
  const browser = await launchChromium();
  const results = [];
  const startedMs = Date.now();
  try {
    for (const seed of seeds) {
      for (const name of wanted) {
        const result = await measure(browser, name, seed);
        results.push(result);
        const line = JSON.stringify({ ...result, elapsedS: Math.round((Date.now() - startedMs) / 1000) });
        console.log(line);
        if (options.out) appendFileSync(options.out, `${line}\n`);
      }
    }
  } finally {
    await browser.close();
    stopServer();
  }
  console.log(
    `\ntrain ${options.train} / test ${options.test} images, ${epochs} epochs, seeds ${seeds.join(', ')}, backend wasm`,
  );
  return results;
}

/** The runs a previous session recorded with --out (every seed), for tables across sessions. */
function recordedResults(path) {
  const lines = readFileSync(path, 'utf8').split('\n').filter(Boolean);
  return lines.map((line) => JSON.parse(line)).filter((result) => wanted.includes(result.name));
}

const results = options.from ? recordedResults(options.from) : await trainAll();
for (const { title, configs } of TABLES) {
  const rows = results.filter((r) => configs.includes(r.name));
  if (rows.length === 0) continue;
  rows.sort((a, b) => configs.indexOf(a.name) - configs.indexOf(b.name) || a.seed - b.seed);
  console.log(`\n### ${title}\n\n${markdownTable(rows)}`);
}
