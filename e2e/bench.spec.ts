/**
 * bench.html in the app's own worker: every step implementation reports a row, and on WebGPU the
 * fused engine issues a fraction of the tfjs step's WebGPU calls (counts, not timings).
 */
import { expect, test } from '@playwright/test';
import type { BenchPageState } from '../src/app/benchPage';

test('the benchmark measures naive, tfjs and engine steps side by side', async ({ page }) => {
  test.setTimeout(8 * 60_000);
  await page.goto('./bench.html?backends=wasm,webgpu&warmup=1&rounds=1&steps=1&trainSubset=512');
  await expect
    .poll(() => page.evaluate(() => window.benchResult.finished), { timeout: 7 * 60_000, intervals: [2000] })
    .toBe(true);
  const { result, error } = await page.evaluate((): BenchPageState => window.benchResult);
  expect(error).toBeNull();
  if (!result) throw new Error('no result');
  const { rows, crossOriginIsolated, adapter } = result;
  expect(crossOriginIsolated).toBe(true);
  expect(adapter).toContain('swiftshader');
  expect(rows.map((row) => `${row.impl}/${row.backend}`)).toEqual([
    'naive/wasm',
    'tfjs/wasm',
    'naive/webgpu',
    'tfjs/webgpu',
    'engine/webgpu',
  ]);
  for (const row of rows) {
    expect(row.msPerStep).toBeGreaterThan(0);
    expect(row.encodeMsPerStep).toBeGreaterThan(0);
    expect(Number.isFinite(row.samplesPerSec)).toBe(true);
  }
  const find = (impl: string) => rows.find((row) => row.impl === impl && row.backend === 'webgpu');
  const tfjs = find('tfjs');
  const engine = find('engine');
  expect(engine?.dispatchesPerStep).toBeLessThanOrEqual(100);
  expect(engine?.submitsPerStep).toBeLessThanOrEqual(2);
  expect((engine?.apiCallsPerStep ?? Infinity) * 30).toBeLessThan(tfjs?.apiCallsPerStep ?? 0);
});
