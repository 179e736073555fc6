import { test, expect } from '@playwright/test';
import { CalculatorPage } from './pages/calculator';
import { screenshot } from './pages/prospects';
import { Texts, Widget, exampleConfig } from './pages/site';
import { openWidgets } from './support/sec-helpers';

// One of anything reads in the singular, in English and in German (plural forms chosen with
// Intl.PluralRules for the config's locale).

test.describe.configure({ mode: 'parallel' });

const ONE = { users: '1', computers: '1', servers: '1' };

test('English at 1280 px: 1 person, 1 computer, 1 server, "Within 1 hour"', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const calc = new CalculatorPage(page);
  await calc.goto();
  await calc.fillSizes(ONE);
  await expect(calc.response.getByRole('option')).toHaveText(['No particular need', 'Within 1 hour', 'Within 4 hours', 'Within 8 hours']);
  await calc.chooseResponse('Within 1 hour');

  await expect(calc.breakdownTerm('Essential', /person/)).toHaveText('1 person × $85.00');
  await expect(calc.breakdownTerm('Essential', /server/)).toHaveText('1 server × $150.00');
  await expect(calc.planCard('Premium').getByText('Guaranteed response within 1 hour', { exact: true })).toBeVisible();
  await expect(calc.planCard('Priority').getByText('Guaranteed response within 4 hours', { exact: true })).toBeVisible();
  await expect(calc.recommendation.getByText('$1,000.00 a month, with a guaranteed response within 1 hour.', { exact: true })).toBeVisible();
  await expect(calc.compare.getByText(/^We estimate \$12\.50 an hour: 1 person × \$50\.00 an hour/)).toBeVisible();
  await expect(calc.explainSteps.first()).toHaveText(
    'Support hours: 1 person × 6 h + 1 computer × 2 h + 1 server × 12 h = 20 hours a year, of which 15% are emergencies (3 h).',
  );
  const body = await calc.emailBody();
  expect(body).toContain('Business: 1 person, 1 computer and 1 server.');
  expect(body).toContain('Required response: Within 1 hour.');
  const subject = new URLSearchParams(((await calc.emailLink.getAttribute('href')) ?? '').split('?')[1]).get('subject');
  expect(subject).toBe('IT service contract estimate for 1 person');

  // The kept-results notice names the business in the singular too.
  await calc.users.fill('1O');
  await expect(calc.keptNotice).toHaveText('Showing the results for 1 person, 1 computer and 1 server — fix the highlighted field.');
  await screenshot(page, testInfo, 'singular-en-1280px');

  const text = (await calc.visibleTextAndValues()) + decodeURIComponent(body);
  expect(text).not.toMatch(/\b1 (people|computers|servers|hours)\b/);
  expect(text).not.toMatch(/Within 1 hours/);
});

test('German at 375 px: "1 Person", "Innerhalb einer Stunde"', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto('/site/german.html');
  const de = new Texts(exampleConfig('de-DE'));
  const w = new Widget(page.locator('#de'), de);
  await w.ready();
  await w.fillSizes({ users: 1, computers: 1, servers: 1 });
  await expect(w.response.getByRole('option')).toHaveText([
    'Keine besonderen Anforderungen',
    'Innerhalb einer Stunde',
    'Innerhalb von 4 Stunden',
    'Innerhalb von 8 Stunden',
  ]);
  await w.response.selectOption({ label: 'Innerhalb einer Stunde' });
  await expect(w.planCard('Basis').getByText(/^1 Person × 69,00\s€$/)).toBeVisible();
  await expect(w.planCard('Rundum').locator('.cf-plan__response')).toHaveText('Garantierte Reaktion innerhalb einer Stunde');
  await expect(w.planCard('Komfort').locator('.cf-plan__response')).toHaveText('Garantierte Reaktion innerhalb von 4 Stunden');
  await expect(w.recommendation.getByText(/im Monat, mit garantierter Reaktion innerhalb einer Stunde\.$/)).toBeVisible();
  await w.users.fill('1O');
  await expect(w.root.getByText(de.t('error.kept', { business: de.business({ users: 1, computers: 1, servers: 1 }) }), { exact: true })).toBeVisible();
  await expect(w.root.getByRole('status').filter({ hasText: 'für 1 Person, 1 Computer und 1 Server' })).toBeVisible();
  await screenshot(page, testInfo, 'singular-de-375px');
  const words = await w.allWords();
  expect(words).not.toMatch(/\b1 (Personen|Mitarbeitende|Stunden)\b/);
  expect(words).not.toMatch(/innerhalb von 1 Stunden\b/i);
});

// The config sets Japanese numbers but keeps the built-in English: English counts by English
// rules (Japanese has no singular, which gave "1 servers").
test('Japanese numbers with the built-in English wording: "1 server", "Within 1 hour"', async ({ page }) => {
  await openWidgets(page, { widgets: [{ id: 'w', config: { locale: 'ja-JP', currency: 'JPY' }, attrs: { 'data-storage': 'off' } }] });
  const host = page.locator('#w');
  await expect(host.locator('.cf-plan').first().locator('dt').filter({ hasText: /server/ })).toHaveText(/^1 server × /);
  const options = await host.locator('select option').allTextContents();
  expect(options).toContain('Within 1 hour');
  const text = (await host.locator('.cf-widget').innerText()) + options.join('\n');
  expect(text).not.toMatch(/\b1 (people|computers|servers|hours)\b/);
});
