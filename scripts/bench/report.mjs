/** Prints bench-results.json as a table with the ratios that matter, all from the same run. */

const fixed = (value, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '–');
/** a / b with two significant digits, so 0.035× does not print as 0.0×. */
const ratio = (a, b) => (a > 0 && b > 0 ? `${Number((a / b).toPrecision(2))}×` : '–');

export function printReport(results) {
  console.log(`\nadapter: ${results.adapter}; cross-origin isolated: ${results.crossOriginIsolated}`);
  console.log(`${results.userAgent}\n`);
  const header = [
    'impl',
    'backend',
    'ms/step',
    'samples/s',
    'dispatches',
    'submits',
    'WebGPU calls',
    'encode ms',
    'tensors',
  ];
  const rows = results.rows.map((row) => [
    row.impl,
    row.backend,
    fixed(row.msPerStep),
    fixed(row.samplesPerSec, 0),
    fixed(row.dispatchesPerStep, 0),
    fixed(row.submitsPerStep, 1),
    fixed(row.apiCallsPerStep, 0),
    fixed(row.encodeMsPerStep, 2),
    String(row.tensorsAfter),
  ]);
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i].length)));
  for (const cells of [header, ...rows])
    console.log(cells.map((cell, i) => cell.padStart(widths[i])).join('  '));

  const find = (impl, backend) => results.rows.find((row) => row.impl === impl && row.backend === backend);
  const lines = [];
  for (const backend of new Set(results.rows.map((row) => row.backend))) {
    const naive = find('naive', backend);
    const tfjs = find('tfjs', backend);
    const engine = find('engine', backend);
    if (naive && tfjs)
      lines.push(`${backend}: tfjs step ${ratio(naive.msPerStep, tfjs.msPerStep)} faster than naive`);
    if (engine && tfjs) {
      lines.push(
        `${backend}: engine vs tfjs step: ${ratio(tfjs.apiCallsPerStep, engine.apiCallsPerStep)} fewer WebGPU calls, ` +
          `${ratio(tfjs.encodeMsPerStep, engine.encodeMsPerStep)} less encode time, ` +
          `wall time ${ratio(tfjs.msPerStep, engine.msPerStep)} (>1× = engine faster)`,
      );
    }
    if (engine && naive)
      lines.push(`${backend}: engine ${ratio(naive.msPerStep, engine.msPerStep)} faster than naive`);
  }
  if (results.pytorchCpu) {
    const wasm = find('tfjs', 'wasm');
    lines.push(
      `PyTorch CPU step on this machine: ${fixed(results.pytorchCpu.msPerStep)} ms (${results.pytorchCpu.description})`,
    );
    if (wasm)
      lines.push(
        `app's WASM step vs PyTorch's CPU step: ${ratio(results.pytorchCpu.msPerStep, wasm.msPerStep)} (>1× = the app is faster)`,
      );
  }
  const main = results.mainThread;
  if (main) {
    lines.push(
      `main thread, ${main.seconds} s of training on ${main.backend} with every panel live ` +
        `(${main.latentPoints} scatter points, ${main.epochsMeasured} epoch ends): ` +
        `${main.longTasksOver50ms} tasks over 50 ms, worst ${fixed(main.worstTaskMs, 0)} ms ` +
        `(load average ${main.loadAverage.join(' → ')})`,
    );
    for (const script of main.slowestScripts?.slice(0, 3) ?? [])
      lines.push(
        `  in long frames: ${script.name}: ${script.count}×, ${fixed(script.totalMs, 0)} ms, worst ${fixed(script.worstMs, 0)} ms`,
      );
    for (const [chart, { count, medianMs, worstMs }] of Object.entries(main.redraws ?? {}))
      lines.push(`  ${chart} redraws: ${count}×, median ${medianMs} ms, worst ${worstMs} ms`);
  }
  console.log(`\n${lines.join('\n')}`);
  for (const { backend, profile } of results.profiles ?? []) printProfile(backend, profile);
}

/** Where one tfjs step's worker time goes (bench --profile). */
function printProfile(backend, profile) {
  const kernelMs = profile.kernels.reduce((sum, kernel) => sum + kernel.ms, 0);
  const gpuMs = profile.webGpuCalls.reduce((sum, call) => sum + call.ms, 0);
  console.log(
    `\ntfjs step on ${backend}: ${fixed(profile.stepMs)} ms a step, ${fixed(profile.encodeMs)} ms to issue it: ` +
      `${fixed(kernelMs)} ms inside kernels (${fixed(gpuMs)} ms of it inside WebGPU calls), ` +
      `${fixed(profile.encodeMs - kernelMs)} ms outside (autodiff, tidy); ${profile.pipelinesCreated} pipelines created`,
  );
  for (const kernel of profile.kernels.slice(0, 8)) {
    console.log(
      `  ${kernel.name.padEnd(16)} ${fixed(kernel.calls, 0).padStart(6)} calls ${fixed(kernel.ms).padStart(8)} ms`,
    );
  }
  for (const call of profile.webGpuCalls.slice(0, 6)) {
    console.log(
      `  ${call.method.padEnd(42)} ${fixed(call.calls, 0).padStart(6)} calls ${fixed(call.ms).padStart(8)} ms`,
    );
  }
}
