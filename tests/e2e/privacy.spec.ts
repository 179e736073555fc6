// Privacy: a full journey talks to no other origin, sets no cookie, and keeps only its own
// prefixed entries in localStorage.
import { test, expect } from '@playwright/test';

test('a journey makes no foreign request, sets no cookie and stores only prefixed answers', async ({ page, context, baseURL }) => {
  const origins = new Set<string>();
  page.on('request', (r) => origins.add(new URL(r.url()).origin));
  await page.goto('/');
  await page.getByLabel('People who use computers', { exact: true }).fill('20');
  for (const group of await page.locator('.cf-question').all()) await group.getByRole('radio').first().check();
  await page.getByRole('button', { name: 'Share link' }).click();
  await expect(page.getByLabel('Link to these results')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('People who use computers', { exact: true })).toHaveValue('20');

  expect([...origins]).toEqual([new URL(baseURL!).origin]);
  expect(await context.cookies()).toEqual([]);
  expect(await page.evaluate(() => document.cookie)).toBe('');
  const keys = await page.evaluate(() => Object.keys(localStorage));
  expect(keys.length).toBeGreaterThan(0);
  for (const key of keys) expect(key).toMatch(/^contract-fit:v1:/);
});

test('when storage throws on every call, the calculator still works', async ({ page }) => {
  await page.addInitScript(() => {
    const fail = () => { throw new DOMException('denied', 'SecurityError'); };
    Object.defineProperty(window, 'localStorage', { get: fail });
  });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  await page.getByLabel('People who use computers', { exact: true }).fill('20');
  await expect(page.locator('.cf-plan__monthly').first()).toHaveText('$1,850.00');
  await page.getByRole('button', { name: 'Start over' }).click();
  await expect(page.getByLabel('People who use computers', { exact: true })).toHaveValue('10');
  expect(errors).toEqual([]);
});
