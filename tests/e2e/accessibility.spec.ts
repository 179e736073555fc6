// Accessibility: axe-core finds no violation in any state of the calculator, in light and dark.
import { test, expect, Page } from '@playwright/test';
import path from 'node:path';

const AXE = path.join(__dirname, '..', '..', 'node_modules', 'axe-core', 'axe.min.js');

async function violations(page: Page) {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    // @ts-expect-error axe is injected above
    const result = await axe.run(document.querySelector('.cf-widget'), {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    });
    return result.violations.map((v: { id: string; nodes: { target: string[] }[] }) =>
      `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

function fit(page: Page) {
  return page.getByRole('region', { name: 'How well a contract fits' });
}

async function answerAll(page: Page, option: 'first' | 'last') {
  for (const group of await page.locator('.cf-question').all()) {
    const radios = group.getByRole('radio');
    await (option === 'first' ? radios.first() : radios.last()).check();
  }
}

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} scheme`, () => {
    test.use({ colorScheme: scheme });

    test('no violations before any answer, after a strong fit, a poor fit and an invalid entry', async ({ page }) => {
      // Seven full axe runs: on a busy 2-core machine that alone can take half a minute.
      test.setTimeout(60_000);
      await page.goto('/');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      expect(await violations(page), 'initial state').toEqual([]);

      await page.getByLabel('People who use computers', { exact: true }).fill('20');
      await page.locator('.cf-question').first().getByRole('radio').first().check();
      await expect(fit(page).getByText('1 of 6 answered', { exact: false })).toBeVisible();
      expect(await violations(page), 'one of six answered').toEqual([]);

      await answerAll(page, 'first');
      await page.getByLabel('We already work with Northwind IT').check();
      await page.getByText('Show the chart as a table').click();
      await page.getByText('How is this calculated?').click();
      await expect(fit(page).getByText('Strong fit', { exact: true })).toBeVisible();
      expect(await violations(page), 'strong fit').toEqual([]);

      await answerAll(page, 'last');
      await expect(fit(page).getByText('Not a fit yet', { exact: true })).toBeVisible();
      expect(await violations(page), 'poor fit').toEqual([]);

      await page.getByLabel('People who use computers', { exact: true }).fill('lots');
      await expect(page.getByText('Please enter a whole number from 1 to 10,000, using digits.')).toBeVisible();
      await expect(page.getByRole('button', { name: 'Share link' })).toBeDisabled();
      expect(await violations(page), 'invalid entry, sending disabled').toEqual([]);
      await page.getByLabel('People who use computers', { exact: true }).fill('20');

      await page.getByRole('button', { name: 'Share link' }).click();
      await expect(page.getByLabel('Link to these results')).toBeVisible();
      expect(await violations(page), 'share link shown').toEqual([]);

      await page.getByRole('button', { name: 'Start over' }).click();
      await expect(page.getByRole('button', { name: 'Undo', exact: true })).toBeVisible();
      expect(await violations(page), 'after "Start over", with "Undo"').toEqual([]);
    });
  });
}

test('no violations on a phone-sized screen, with the summary bar', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 700 });
  await page.goto('/');
  await expect(page.getByRole('complementary', { name: 'Your estimate so far' })).toBeVisible();
  expect(await violations(page), 'before any answer').toEqual([]);
  await answerAll(page, 'first');
  await expect(page.getByRole('complementary', { name: 'Your estimate so far' })).toContainText('Strong fit');
  expect(await violations(page), 'every question answered').toEqual([]);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, 'nothing scrolls sideways at 320 px').toBeLessThanOrEqual(0);
});
