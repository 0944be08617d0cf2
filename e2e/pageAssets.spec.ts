/** The page asks for nothing that is missing: its icon is declared and served (no /favicon.ico 404). */
import { expect, test } from '@playwright/test';

test('the page declares an icon that is served, and loads with no failed request', async ({ page }) => {
  const failures: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Failed to load resource/.test(message.text()))
      failures.push(message.text());
  });
  page.on('response', (response) => {
    if (response.status() >= 400) failures.push(`${response.status()} ${response.url()}`);
  });
  await page.goto('./?backend=cpu&trainSubset=256&testSubset=256');
  await expect(page.getByTestId('status')).toHaveText('idle', { timeout: 120_000 });
  const href = await page.locator('link[rel="icon"]').getAttribute('href');
  expect(href).toBeTruthy();
  const icon = await page.request.get(new URL(href ?? '', page.url()).href);
  expect(icon.status()).toBe(200);
  expect(icon.headers()['content-type']).toContain('image/svg+xml');
  expect(failures).toEqual([]);
});
