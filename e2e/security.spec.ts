/**
 * The Content-Security-Policy holds while the app trains and draws: no violation in the page or
 * its workers, every request same-origin, and the policy itself is sent and strict.
 */
import { expect, test, type Page } from '@playwright/test';
import { PlaygroundPage } from './playgroundPage';
import { serveDist } from './staticHost';

const QUERY = 'trainSubset=256&testSubset=256&seed=1';
const VIOLATION_MARK = 'csp-violation:';

/** Records every request of the page and its workers, and every CSP violation reported in them. */
function watch(page: Page): { requests: string[]; violations: string[] } {
  const requests: string[] = [];
  const violations: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => {
    const text = message.text();
    if (text.startsWith(VIOLATION_MARK)) violations.push(text.slice(VIOLATION_MARK.length));
    // Chromium logs a refused load or eval in a worker as a console error there, too.
    else if (/Content Security Policy/i.test(text)) violations.push(text);
  });
  page.on('worker', (worker) => {
    // A worker can end before this lands (the tfjs probes do); then it has nothing left to report.
    worker
      .evaluate((mark) => {
        self.addEventListener('securitypolicyviolation', (event) =>
          console.log(`${mark}${event.effectiveDirective} ${event.blockedURI}`),
        );
      }, VIOLATION_MARK)
      .catch(() => undefined);
  });
  return { requests, violations };
}

test.beforeEach(async ({ page }) => {
  await page.addInitScript((mark) => {
    document.addEventListener('securitypolicyviolation', (event) =>
      console.log(`${mark}${event.effectiveDirective} ${event.blockedURI} ${event.sample}`),
    );
  }, VIOLATION_MARK);
});

test('the policy is sent with every page, strict enough to mean something', async ({ request }) => {
  for (const path of ['./', 'engine-check.html', 'bench.html', 'isolation-sw.js']) {
    const response = await request.get(path);
    expect(response.ok()).toBe(true);
    const policy = parsePolicy(response.headers()['content-security-policy'] ?? '');
    expect(policy.get('default-src'), path).toEqual(["'none'"]);
    for (const directive of ['script-src', 'worker-src', 'connect-src', 'style-src', 'img-src']) {
      const sources = policy.get(directive) ?? [];
      expect(sources, `${path} ${directive}`).toContain("'self'");
      // A wildcard, a scheme or another host would let code or data in from elsewhere; images
      // alone may come from data: URLs (a panel's PNG is made through them).
      expect(
        sources.filter((source) => !source.startsWith("'")),
        `${path} ${directive}`,
      ).toEqual(directive === 'img-src' ? ['data:'] : []);
    }
    // Pages compile no WebAssembly and run nothing that is not a file of ours.
    expect(policy.get('script-src'), path).not.toContain("'unsafe-eval'");
    expect(policy.get('script-src'), path).not.toContain("'wasm-unsafe-eval'");
    expect(policy.get('script-src'), path).not.toContain("'unsafe-inline'");
    expect(policy.get('frame-ancestors'), path).toEqual(["'none'"]);
    expect(policy.get('base-uri'), path).toEqual(["'none'"]);
    // Static hosts send no headers: the built pages carry the policy as a <meta> as well.
    if (!path.endsWith('.js'))
      expect(await response.text(), path).toContain('http-equiv="Content-Security-Policy"');
  }
});

test('on a static host without headers the service worker adds the policy', async ({ page }) => {
  const host = await serveDist('/class/playground/');
  try {
    const { violations } = watch(page);
    await page.goto(`${host.url}?backend=wasm&${QUERY}`);
    await new PlaygroundPage(page).waitForStatus('idle');
    const policy = await page.evaluate(() =>
      fetch('./').then((response) => response.headers.get('Content-Security-Policy')),
    );
    expect(parsePolicy(policy ?? '').get('frame-ancestors')).toEqual(["'none'"]);
    expect(violations).toEqual([]);
  } finally {
    await host.close();
  }
});

for (const backend of ['wasm', 'webgpu'] as const) {
  test(`training on ${backend} and drawing every panel break no rule and leave no origin`, async ({
    page,
    baseURL,
  }) => {
    const { requests, violations } = watch(page);
    const workerUrls: string[] = [];
    page.on('worker', (worker) => workerUrls.push(worker.url()));
    const app = new PlaygroundPage(page);
    const documentResponse = await page.goto(`./?backend=${backend}&${QUERY}`);
    expect(documentResponse?.headers()['content-security-policy']).toBeTruthy();
    await expect(page.getByTestId('backend')).toHaveText(backend, { timeout: 120_000 });
    await app.waitForStatus('idle');
    await page.getByTestId('start').click();
    await app.waitForStepAtLeast(backend === 'webgpu' ? 2 : 6, 300_000);
    await expect(page.getByTestId('loss-chart').locator('.main-svg').first()).toBeVisible();
    await expect(page.getByTestId('recon-grid').locator('canvas, img')).toHaveCount(24);
    await expect(page.getByTestId('latent-scatter').locator('.main-svg').first()).toBeVisible({
      timeout: 120_000,
    });
    await page.getByTestId('pause').click();
    await app.waitForStatus('paused', 240_000);

    expect(violations).toEqual([]);
    const origin = new URL(baseURL ?? '').origin;
    const foreign = requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('blob:'));
    expect(foreign).toEqual([]);
    expect(requests.length).toBeGreaterThan(5);

    // The worker has its own, looser policy: WebAssembly and blob: threads, still no eval.
    const trainingWorker = workerUrls.find((url) => url.includes('training.worker'));
    expect(trainingWorker).toBeDefined();
    const workerResponse = await page.request.get(trainingWorker ?? '');
    const workerPolicy = parsePolicy(workerResponse.headers()['content-security-policy'] ?? '');
    expect(workerPolicy.get('default-src')).toEqual(["'none'"]);
    expect(workerPolicy.get('script-src')).toContain("'wasm-unsafe-eval'");
    expect(workerPolicy.get('script-src')).not.toContain("'unsafe-eval'");
  });
}

test('the policy is enforced: an injected inline script does not run and is reported', async ({ page }) => {
  const { violations } = watch(page);
  await page.goto(`./?backend=cpu&${QUERY}`);
  const ran = await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.injectedScriptRan = true;';
    document.head.append(script);
    return 'injectedScriptRan' in window;
  });
  expect(ran).toBe(false);
  await expect.poll(() => violations.join('\n')).toContain('script-src-elem');
});

function parsePolicy(header: string): Map<string, string[]> {
  const policy = new Map<string, string[]>();
  for (const directive of header.split(';')) {
    const [name, ...sources] = directive.trim().split(/\s+/);
    if (name) policy.set(name.toLowerCase(), sources);
  }
  return policy;
}
