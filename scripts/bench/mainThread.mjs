/* global window */
/**
 * Main-thread smoothness of a Playwright page: long tasks (> 50 ms) seen by a `longtask`
 * PerformanceObserver while the app runs.
 *
 *   import { installLongTaskObserver, measureMainThread } from './scripts/bench/mainThread.mjs';
 *   await installLongTaskObserver(page);            // before page.goto: observes from the first task
 *   await page.goto(url); ...start whatever should be measured...
 *   const result = await measureMainThread(page, { durationMs: 120_000 });
 *   // → { longTasksOver50ms, worstTaskMs, totalLongTaskMs, durationMs, tasks: [{ startMs, durationMs }],
 *   //     slowestScripts: [{ name, count, totalMs, worstMs, layoutMs }],
 *   //     redraws: { [chart]: { count, medianMs, worstMs } } }
 *
 * `measureMainThread` counts only the tasks that start inside its window (from its call to
 * `durationMs` later); `startMs` is relative to that window. Without `installLongTaskObserver`
 * it installs the observer itself at its call (then `buffered` entries before it are ignored).
 */

const LONG_TASK_MS = 50;

/**
 * Page-side: one observer, entries kept on `window.__longTasks` as [startTime, duration]; the
 * long animation frames' scripts (what ran: invoker, function, source), to say what a long task
 * was; and the app's own `plotly-redraw:<chart>` and `canvas-draw:<chart>` measures, each chart's
 * redraw time (canvas draws reported as `canvas:<chart>`).
 */
function observeLongTasks() {
  if (window.__longTasks) return;
  window.__longTasks = [];
  window.__longFrameScripts = [];
  window.__redraws = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      if (entry.name.startsWith('plotly-redraw:'))
        window.__redraws.push([entry.startTime, entry.duration, entry.name.slice('plotly-redraw:'.length)]);
      else if (entry.name.startsWith('canvas-draw:'))
        window.__redraws.push([
          entry.startTime,
          entry.duration,
          `canvas:${entry.name.slice('canvas-draw:'.length)}`,
        ]);
  }).observe({ type: 'measure' });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__longTasks.push([entry.startTime, entry.duration]);
  }).observe({ type: 'longtask', buffered: true });
  if (!PerformanceObserver.supportedEntryTypes.includes('long-animation-frame')) return;
  new PerformanceObserver((list) => {
    for (const frame of list.getEntries())
      for (const script of frame.scripts) {
        const source = script.sourceURL.split('/').pop();
        const name = `${script.invoker} → ${script.sourceFunctionName || '(anonymous)'} (${source}:${script.sourceCharPosition})`;
        window.__longFrameScripts.push([
          frame.startTime,
          script.duration,
          script.forcedStyleAndLayoutDuration,
          name,
        ]);
      }
  }).observe({ type: 'long-animation-frame', buffered: true });
}

/** The scripts that ran longest inside long animation frames of the window, summed by name. */
function summariseScripts(entries, windowStartMs, windowEndMs) {
  const byName = new Map();
  for (const [startMs, durationMs, layoutMs, name] of entries) {
    if (startMs < windowStartMs || startMs >= windowEndMs) continue;
    const total = byName.get(name) ?? { name, count: 0, totalMs: 0, worstMs: 0, layoutMs: 0 };
    total.count += 1;
    total.totalMs += durationMs;
    total.worstMs = Math.max(total.worstMs, durationMs);
    total.layoutMs += layoutMs;
    byName.set(name, total);
  }
  return [...byName.values()].sort((a, b) => b.totalMs - a.totalMs).slice(0, 8);
}

/** Each chart's redraws in the window: how many, the median and the worst, in ms. */
function summariseRedraws(entries, windowStartMs, windowEndMs) {
  const byChart = new Map();
  for (const [startMs, durationMs, chart] of entries) {
    if (startMs < windowStartMs || startMs >= windowEndMs) continue;
    byChart.set(chart, [...(byChart.get(chart) ?? []), durationMs]);
  }
  const summary = {};
  for (const [chart, durations] of [...byChart].sort(([a], [b]) => a.localeCompare(b))) {
    durations.sort((a, b) => a - b);
    summary[chart] = {
      count: durations.length,
      medianMs: Math.round(durations[Math.floor(durations.length / 2)]),
      worstMs: Math.round(durations[durations.length - 1]),
    };
  }
  return summary;
}

/** Registers the observer for every document the page loads; call before `page.goto`. */
export async function installLongTaskObserver(page) {
  await page.addInitScript(observeLongTasks);
}

/** Watches the page for `durationMs` and reports the long tasks that started in that window. */
export async function measureMainThread(page, { durationMs }) {
  await page.evaluate(observeLongTasks);
  const windowStartMs = await page.evaluate(() => performance.now());
  await page.waitForTimeout(durationMs);
  const windowEndMs = await page.evaluate(() => performance.now());
  const entries = await page.evaluate(() => window.__longTasks);
  const scripts = await page.evaluate(() => window.__longFrameScripts);
  const redraws = await page.evaluate(() => window.__redraws);
  const tasks = entries
    .filter(([startMs, taskMs]) => startMs >= windowStartMs && startMs < windowEndMs && taskMs > LONG_TASK_MS)
    .map(([startMs, taskMs]) => ({
      startMs: Math.round(startMs - windowStartMs),
      durationMs: Math.round(taskMs),
    }));
  return {
    longTasksOver50ms: tasks.length,
    worstTaskMs: tasks.reduce((worst, task) => Math.max(worst, task.durationMs), 0),
    totalLongTaskMs: tasks.reduce((sum, task) => sum + task.durationMs, 0),
    durationMs: Math.round(windowEndMs - windowStartMs),
    tasks,
    slowestScripts: summariseScripts(scripts, windowStartMs, windowEndMs),
    redraws: summariseRedraws(redraws, windowStartMs, windowEndMs),
  };
}

/**
 * Opens the app at `url?query` in a new page of `browser`, starts training, waits for the first
 * epoch end (it fills every panel), then measures `seconds` of the steady state. Viewport tall
 * enough that every panel is on screen. Returns measureMainThread's result with what trained.
 */
export async function measureTrainingApp(
  browser,
  url,
  { query, seconds, viewport = { width: 1280, height: 1800 } },
) {
  const page = await browser.newPage({ viewport });
  try {
    await installLongTaskObserver(page);
    await page.goto(`${url}?${query}`);
    const snapshot = () => page.evaluate(() => window.playground.snapshot());
    await page
      .getByTestId('status')
      .filter({ hasText: /^(idle|failed)$/ })
      .waitFor({ timeout: 300_000 });
    const ready = await snapshot();
    if (ready.status === 'failed') throw new Error(ready.errorMessage);
    await page.getByTestId('start').click();
    await page.waitForFunction(() => window.playground.snapshot().epoch >= 1, null, {
      timeout: 600_000,
      polling: 1000,
    });
    const before = await snapshot();
    const result = await measureMainThread(page, { durationMs: seconds * 1000 });
    const after = await snapshot();
    return {
      ...result,
      backend: after.backend,
      latentPoints: after.latentPoints,
      epochsMeasured: after.epoch - before.epoch,
      status: after.status,
    };
  } finally {
    await page.close();
  }
}
