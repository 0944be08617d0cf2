#!/usr/bin/env node
/**
 * Trains in the real app (production build, real worker, real data) in Debian's headless
 * Chromium and prints one JSON line per finished epoch: losses, metrics, epoch time.
 * Usage: node scripts/train-in-browser.mjs [query] [epochs]   (needs `npm run build` first)
 * e.g.   node scripts/train-in-browser.mjs "backend=wasm&seed=0" 5
 */
import { launchChromium, startPreview, trainRun } from './lib/appInBrowser.mjs';

const query = process.argv[2] ?? 'backend=wasm&seed=0';
const epochs = Number(process.argv[3] ?? 1);
const port = Number(process.env.PORT ?? 4199);

const stopServer = await startPreview(port);
const browser = await launchChromium();
const { page } = await trainRun({
  browser,
  port,
  query,
  epochs,
  onReady: (ready) => console.log(JSON.stringify({ backend: ready.backend, query, epochs })),
  onEpoch: (record) => console.log(JSON.stringify(record)),
});
await page.screenshot({ path: process.env.SCREENSHOT ?? 'trained-app.png', fullPage: false });
await browser.close();
stopServer();
