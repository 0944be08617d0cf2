/**
 * The fused WebGPU engine on SwiftShader: parity with PyTorch's fixtures and with the tfjs step,
 * the GPU's noise and dropout against the counter generator, and a steady step's WebGPU calls.
 */
import { expect, test } from '@playwright/test';
import type { EngineCheckState } from '../src/app/engineCheckPage';

test('the fused engine matches PyTorch and the tfjs step, and a step makes ≤ 100 dispatches', async ({
  page,
}) => {
  test.setTimeout(10 * 60_000);
  await page.goto('./engine-check.html');
  const state = () => page.evaluate((): EngineCheckState => window.engineCheck);
  await expect
    .poll(async () => (await state()).finished, { timeout: 9 * 60_000, intervals: [2000] })
    .toBe(true);
  const { error, results } = await state();
  for (const result of results)
    console.info(`${result.passed ? 'pass' : 'FAIL'} ${result.name}: ${result.detail}`);
  expect(error).toBeNull();
  expect(results.map((result) => result.name)).toEqual(
    expect.arrayContaining([
      expect.stringContaining('engine vs PyTorch'),
      expect.stringContaining('GPU gaussian noise'),
      expect.stringContaining('100 steps'),
      expect.stringContaining('dispatches'),
    ]),
  );
  expect(results.filter((result) => !result.passed)).toEqual([]);
});
