import { test, expect, type Page, type TestInfo } from '@playwright/test';
import {
  Texts,
  Widget,
  collectProblems,
  escapeRegExp,
  defaultConfig,
  englishDefaults,
  exampleConfig,
  fullPageShot,
  monthlyMinor,
  telltale,
  type Config,
  type Scope,
} from './pages/site';

// Every word is the consultancy's: with the German example config no English default from the
// TEXTS table (src/model/texts.rs, read at test time) shows anywhere in the widget, and amounts
// are written the way the config's locale writes them.

const GERMAN: Config = exampleConfig('de-DE');
const BRITISH: Config = exampleConfig('en-GB');
const de = new Texts(GERMAN);
const gb = new Texts(BRITISH);

/** Each English default's telltale text (see `telltale`), of every plural form, with its key. */
const TELLTALES = englishDefaults()
  .flatMap((d) => [d.english, ...(d.one === undefined ? [] : [d.one])].map((english) => ({ key: d.key, text: telltale(english) })))
  .filter((d): d is { key: string; text: string } => d.text !== null)
  .filter((d, i, all) => all.findIndex((e) => e.text === d.text) === i);

/**
 * The English defaults found in `words`, as "key: text". A telltale counts as a whole: German
 * that builds on an English loanword ("Break-even-Punkt") is not the English "Break-even".
 */
function englishIn(words: string, sameInTranslation = ''): string[] {
  return TELLTALES.filter((d) => {
    const wordy = /[\p{L}\p{N}]/u;
    const before = wordy.test(d.text.at(0)!) ? '(?<![\\p{L}\\p{N}-])' : '';
    const after = wordy.test(d.text.at(-1)!) ? '(?![\\p{L}\\p{N}-])' : '';
    const found = new RegExp(before + escapeRegExp(d.text) + after, 'u');
    // A word both languages write alike ("Name", "(optional)") is English only when the
    // translation itself never uses it.
    return found.test(words) && !found.test(sameInTranslation);
  }).map((d) => `${d.key}: ${d.text}`);
}

/** Every text the German example writes, run together: its own words. */
const GERMAN_WORDS = Object.values(GERMAN.texts ?? {})
  .flatMap((t) => (typeof t === 'string' ? [t] : Object.values(t as Record<string, string>)))
  .join(' \n ');

/** A German amount in euros: 1.234,50 € (with the locale's no-break space). */
const EURO = /^\d{1,3}(\.\d{3})*,\d{2}\s€$/;
/** A British amount in pounds: £1,234.50. */
const POUND = /^£\d{1,3}(,\d{3})*\.\d{2}$/;

/** The German journey's answers: 13 people, 15 computers, 1 server, an existing client. */
const DE_SIZES = { users: 13, computers: 15, servers: 1 };
const DE_PRICES: Record<string, RegExp> = {
  basis: /^965,20\s€$/, // (13 × 69 € + 119 €) less 5 %
  komfort: /^1\.333,80\s€$/, // (13 × 95 € + 169 €) less 5 %
  rundum: /^1\.810,70\s€$/, // (13 × 129 € + 229 €) less 5 %
};

/** The British answers: 20 people, 22 computers, 2 servers, an existing client. */
const GB_SIZES = { users: 20, computers: 22, servers: 2 };
const GB_PRICES: Record<string, string> = {
  essentials: '£1,320.50', // (20 × £60 + 2 × £95) less 5 %
  professional: '£1,824.00', // (20 × £82 + 2 × £140) less 5 %
  complete: '£2,451.00', // (20 × £110 + 2 × £190) less 5 %
};

test('the expected prices follow from the example configs', () => {
  // Ties the hand-written amounts above to the configs the widget loads.
  const euros = (id: string) => monthlyMinor(GERMAN, id, DE_SIZES, true);
  expect([euros('basis'), euros('komfort'), euros('rundum')]).toEqual([96520, 133380, 181070]);
  const pounds = (id: string) => monthlyMinor(BRITISH, id, GB_SIZES, true);
  expect([pounds('essentials'), pounds('professional'), pounds('complete')]).toEqual([132050, 182400, 245100]);
});

/** Fails with the English texts the widget shows right now, if any. */
async function expectNoEnglish(w: Widget, when: string): Promise<void> {
  const words = await w.allWords();
  expect(words.length, `${when}: the widget shows its words`).toBeGreaterThan(500);
  expect(words, `${when}: the consultancy's name shows`).toContain(GERMAN.company.name);
  expect(englishIn(words, GERMAN_WORDS), `${when}: English default texts in the German widget`).toEqual([]);
}

/** The whole German journey, checking for English at every step that shows new words. */
async function germanJourney(page: Page, scope: Scope, testInfo: TestInfo, shots: string): Promise<void> {
  const w = new Widget(scope, de);
  await w.ready();
  await expect(w.root).toHaveAttribute('lang', 'de-DE');
  await expectNoEnglish(w, 'on load');

  // Sizes, with a mistake first: the error and the "kept results" notice are German too.
  await w.users.fill('zwölf');
  await expect(w.users).toHaveAttribute('aria-invalid', 'true');
  // The results stay on the answers shown before the typo (the starting 10 people, 10 computers, 1 server).
  await expect(w.root.getByText(de.t('error.kept', { business: de.business({ users: 10, computers: 10, servers: 1 }) }), { exact: true })).toBeVisible();
  await expectNoEnglish(w, 'with an invalid entry');
  await w.users.fill('1000000');
  await expect(w.users).toHaveAttribute('aria-invalid', 'true');
  await expectNoEnglish(w, 'with too large an entry');
  await w.fillSizes(DE_SIZES);
  await expect(w.users).not.toHaveAttribute('aria-invalid', 'true');

  await w.existingClient.check();
  const responses = await w.response.locator('option').count();
  expect(responses).toBeGreaterThan(2);
  await w.response.selectOption({ index: 2 });
  await w.downtime.fill('250,5');
  await expect(w.downtime).not.toHaveAttribute('aria-invalid', 'true');
  await w.downtime.fill('250,555');
  await expect(w.downtime).toHaveAttribute('aria-invalid', 'true');
  await expectNoEnglish(w, 'with too many decimals');
  await w.downtime.fill('');

  // Before any answer the fit and recommendation ask for them; then every question.
  await expectNoEnglish(w, 'before answering');
  expect(await w.answerEveryQuestion('first')).toBe(GERMAN.questions.length);
  await expect(w.fitScore()).toBeVisible();
  await expectNoEnglish(w, 'after answering every question');

  // Prices, in euros as Germans write them.
  for (const [id, price] of Object.entries(DE_PRICES)) {
    const name = GERMAN.plans.find((p) => p.id === id)!.name;
    await expect(w.planMonthly(name), `${name} monthly`).toHaveText(price);
  }
  for (const amount of await w.planCards.locator('.cf-plan__monthly').allTextContents()) {
    expect(amount).toMatch(EURO);
  }
  // The existing-client discount line shows in every breakdown.
  await expect(w.planCards.first().getByText(de.t('plans.line_discount', { percent: '5 %' }), { exact: true })).toBeVisible();

  // Every disclosure open, every plan compared.
  expect(await w.openAllDetails()).toBeGreaterThanOrEqual(2);
  await expectNoEnglish(w, 'with every detail open');
  for (const plan of GERMAN.plans) {
    const pill = w.compare.getByRole('radio', { name: plan.name, exact: true });
    await pill.check();
    await expect(pill).toBeChecked();
    await expect(w.compare.getByRole('columnheader', { name: de.t('compare.contract', { plan: plan.name }), exact: true })).toBeVisible();
    await expectNoEnglish(w, `comparing ${plan.name}`);
  }

  await fullPageShot(page, testInfo, `${shots}-journey`);

  // The share link and its confirmation.
  await w.shareButton.click();
  await expect(w.shareLinkField).toBeVisible();
  await expect(w.root.getByText(de.t('next.link_copied'), { exact: true })).toBeVisible();
  await expectNoEnglish(w, 'after sharing the link');

  // Starting over says so in German too.
  await w.nextStep.getByRole('button', { name: de.t('next.reset'), exact: true }).click();
  await expect(w.root.getByText(de.t('next.reset_done'), { exact: true })).toBeVisible();
  await expectNoEnglish(w, 'after starting over');
}

test.describe('German example', () => {
  test.use({ viewport: { width: 1280, height: 900 } });

  test('light DOM: no English anywhere, euro amounts, lang de-DE', async ({ page, context }, testInfo) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const problems = collectProblems(page);
    await page.goto('/site/german.html');
    await germanJourney(page, page.locator('#de'), testInfo, 'german-1280px');
    expect(problems).toEqual([]);
  });

  test('custom element: no English anywhere, euro amounts, lang de-DE', async ({ page, context }, testInfo) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('/site/custom-element.html');
    await germanJourney(page, page.locator('contract-fit#de'), testInfo, 'german-custom-element-1280px');
  });
});

test.describe('German example on a phone', () => {
  test.use({ viewport: { width: 375, height: 740 } });

  test('375px: the whole German journey, without English and without sideways scrolling', async ({ page, context }, testInfo) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('/site/german.html');
    await germanJourney(page, page.locator('#de'), testInfo, 'german-375px');
    expect(await page.evaluate(() => document.documentElement.scrollWidth), 'nothing scrolls sideways').toBeLessThanOrEqual(375);
    await fullPageShot(page, testInfo, 'german-375px-end');
  });
});

test('British example: pound amounts and lang en-GB', async ({ page }) => {
  await page.goto('/site/script-embed.html');
  const w = new Widget(page.locator('#uk'), gb);
  await w.ready();
  await expect(w.root).toHaveAttribute('lang', 'en-GB');
  await w.fillSizes(GB_SIZES);
  await w.existingClient.check();
  for (const [id, price] of Object.entries(GB_PRICES)) {
    const name = BRITISH.plans.find((p) => p.id === id)!.name;
    await expect(w.planMonthly(name), `${name} monthly`).toHaveText(price);
  }
  for (const amount of await w.planCards.locator('.cf-plan__monthly').allTextContents()) {
    expect(amount).toMatch(POUND);
  }
  await expect(w.root).not.toContainText('$');
  await expect(w.root).not.toContainText('€');
  // The US widget beside it keeps dollars and en-US.
  await expect(new Widget(page.locator('#us'), new Texts(defaultConfig())).root).toHaveAttribute('lang', 'en-US');
});

test('the English check finds English where there is English', async ({ page }) => {
  // The scan above must not pass by finding nothing: on the default (English) widget it finds
  // most of the telltales that show without interaction.
  await page.goto('/tools/estimate/');
  const w = new Widget(page, new Texts(defaultConfig()));
  await w.ready();
  const found = englishIn(await w.allWords());
  expect(TELLTALES.length).toBeGreaterThan(100);
  expect(found.length).toBeGreaterThan(40);
  expect(found).toEqual(expect.arrayContaining(['widget.title: Is an IT service contract right for you?', 'next.print: Print or save as PDF']));
});
