import { test, expect, type Page } from '@playwright/test';
import { CalculatorPage, VERDICT_WORDS, WORKED_EXAMPLE } from './pages/calculator';
import { screenshot } from './pages/prospects';
import { Texts, Widget, defaultConfig, hostEvents, waitForHostEvent } from './pages/site';

// A verdict needs enough answers (config `min_answers`, by default every question). Before that,
// no score, band or "fits / does not fit" is shown, announced, emailed, copied, shared or sent to
// the host page; after it, the verdict is everywhere.

test.describe.configure({ mode: 'parallel' });

interface Heard {
  type: string;
  detail: {
    action?: string;
    report: {
      score: number | null;
      band: { label: string } | null;
      verdict_ready: boolean;
      answered_questions: number;
      reasons_for: unknown[];
      reasons_against: unknown[];
    };
    answers: { users: number };
  };
}

/** Records every contract-fit event that reaches the document (they bubble from the host). */
async function recordEvents(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { heard: unknown[] };
    w.heard = [];
    for (const type of ['contract-fit:report', 'contract-fit:next-step']) {
      document.addEventListener(type, (e) => {
        const host = (e.target as Element).closest?.('[data-contract-fit]');
        if (host) w.heard.push({ type, detail: JSON.parse(JSON.stringify((e as CustomEvent).detail)) });
      });
    }
  });
}

const heard = (page: Page) => page.evaluate(() => (window as unknown as { heard: Heard[] }).heard);

/** Clicks "Copy summary" and returns what landed on the clipboard. */
async function copied(calc: CalculatorPage): Promise<string> {
  await calc.page.evaluate(() => navigator.clipboard.writeText(''));
  await calc.copyButton.click();
  let text = '';
  await expect
    .poll(async () => (text = await calc.page.evaluate(() => navigator.clipboard.readText())), { message: 'the summary is copied' })
    .not.toBe('');
  return text;
}

/** Clicks "Share link" and returns the link. */
async function shared(calc: CalculatorPage): Promise<string> {
  await calc.shareButton.click();
  await expect(calc.shareLinkField).toBeVisible();
  return calc.shareLinkField.inputValue();
}

test('with 0 to 5 of 6 answers no verdict anywhere; the 6th brings it everywhere', async ({ page, context, browser }, testInfo) => {
  test.setTimeout(90_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.setViewportSize({ width: 1280, height: 900 });
  await recordEvents(page);
  const calc = new CalculatorPage(page);
  await calc.goto();
  await calc.fillSizes(WORKED_EXAMPLE);

  for (let answered = 0; answered < 6; answered++) {
    if (answered > 0) await calc.answerQuestion(answered - 1, 'first');
    const progress = calc.progressText(answered);
    const where = `with ${answered} of 6 answered`;

    // On screen, hidden parts (the phone's bar, the print header) included.
    await expect(calc.fitProgress, where).toHaveText(progress);
    await expect(calc.fitScore, where).toHaveCount(0);
    expect(await page.locator('.cf-widget').textContent(), `${where}: the widget's text`).not.toMatch(VERDICT_WORDS);
    await expect(calc.recommendation.getByText('If a contract suits you', { exact: true })).toBeVisible();

    // Announced.
    await expect(calc.live, where).toHaveText(`Updated: ${progress} If a contract suits you: Essential, $2,000.00 a month.`);

    // Emailed.
    const body = await calc.emailBody();
    expect(body, `${where}: the email`).not.toMatch(VERDICT_WORDS);
    expect(body).toContain(`Fit: not decided yet (${answered} of 6 questions answered).`);
    expect(body).toContain('If a contract suits us: Essential, $2,000.00 a month.');

    // Copied and shared.
    const summary = await copied(calc);
    expect(summary, `${where}: the copied summary`).not.toMatch(VERDICT_WORDS);
    expect(summary).toContain(`Fit: not decided yet (${answered} of 6 questions answered).`);
    const link = await shared(calc);
    const keys = [...new URLSearchParams(new URL(link).hash.slice(1)).keys()];
    expect(keys.every((k) => /^(users|computers|servers|client|response|downtime|q\.[a-z_]+)$/.test(k)), `${where}: ${link}`).toBe(true);
    expect(decodeURIComponent(link)).not.toMatch(VERDICT_WORDS);

    // Sent to the host page: a report once the answers settle, and the next steps just taken.
    await expect
      .poll(async () => (await heard(page)).some((e) => e.type === 'contract-fit:report' && e.detail.answers.users === 20 && e.detail.report.answered_questions === answered), {
        message: `${where}: a report event`,
      })
      .toBe(true);
    await expect.poll(async () => (await heard(page)).filter((e) => e.type === 'contract-fit:next-step').length).toBe(2 * (answered + 1));
    for (const e of await heard(page)) {
      const r = e.detail.report;
      expect(r.answered_questions).toBeLessThan(6);
      expect({ score: r.score, band: r.band, verdict_ready: r.verdict_ready, reasons: r.reasons_for.length + r.reasons_against.length }, `${where}: ${e.type}`).toEqual({
        score: null,
        band: null,
        verdict_ready: false,
        reasons: 0,
      });
      expect(JSON.stringify(e.detail)).not.toMatch(VERDICT_WORDS);
    }
  }
  await screenshot(page, testInfo, 'five-of-six-answered-1280px');

  // The sixth answer: the verdict, everywhere.
  await calc.answerQuestion(5, 'first');
  await expect(calc.fitBand('Strong fit')).toBeVisible();
  await expect(calc.fitScore).toHaveText('Fit score 100 out of 100');
  await expect(calc.fitProgress).toHaveCount(0);
  await expect(calc.recommendedBadge(calc.planCard('Essential'))).toBeVisible();
  await expect(calc.live).toHaveText('Updated: Strong fit. Recommended: Essential, $2,000.00 a month.');
  const body = await calc.emailBody();
  expect(body).toContain('Fit: Strong fit (100/100).');
  expect(body).toContain('Recommended: Essential, $2,000.00 a month.');
  const summary = await copied(calc);
  expect(summary).toContain('Fit: Strong fit (100/100).');
  await expect
    .poll(async () => (await heard(page)).some((e) => e.type === 'contract-fit:report' && e.detail.report.answered_questions === 6))
    .toBe(true);
  const verdictEvents = (await heard(page)).filter((e) => e.detail.report.answered_questions === 6);
  for (const e of verdictEvents) {
    expect(e.detail.report).toMatchObject({ score: 100, verdict_ready: true, band: { label: 'Strong fit' } });
    expect(e.detail.report.reasons_for).toHaveLength(6);
  }
  expect(verdictEvents.map((e) => e.detail.action ?? 'report')).toEqual(expect.arrayContaining(['report', 'copy']));

  // The shared link reopens the same verdict in a fresh browser.
  const link = await shared(calc);
  const fresh = await browser.newContext();
  try {
    const other = new CalculatorPage(await fresh.newPage());
    await other.goto(link);
    await expect(other.fitBand('Strong fit')).toBeVisible();
  } finally {
    await fresh.close();
  }
  await screenshot(page, testInfo, 'six-of-six-answered-1280px');
});

test('a config with min_answers 3 gives its verdict at the third answer (375 px)', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto('/site/min-answers.html');
  const texts = new Texts({ ...defaultConfig(), min_answers: 3 });
  const w = new Widget(page.locator('#quick'), texts);
  await w.ready();
  const fit = w.fit;
  const bar = page.getByRole('complementary', { name: 'Your estimate so far' });
  const radios = (i: number) => w.questionGroups.nth(i).getByRole('radio');

  await radios(0).first().check();
  await radios(1).first().check();
  await expect(w.fitProgress(2)).toHaveText('2 of 6 answered — 1 more to see whether a contract suits you.');
  await expect(w.fitScore()).toHaveCount(0);
  await expect(bar).toContainText('2 of 6 questions answered');
  expect(await w.root.textContent()).not.toMatch(VERDICT_WORDS);
  const before = await waitForHostEvent(page, 'a report with two answers', (e) => e.host === 'quick' && e.detail.report.answered_questions === 2);
  expect(before.detail.report).toMatchObject({ score: null, band: null, verdict_ready: false, min_answers: 3 });
  const mail = decodeURIComponent((await w.emailLink.getAttribute('href')) ?? '');
  expect(mail).toContain('Fit: not decided yet (2 of 6 questions answered).');
  await screenshot(page, testInfo, 'min-answers-3-two-answered-375px');

  await radios(2).first().check();
  await expect(w.fitScore()).toHaveText('Fit score 100 out of 100');
  await expect(fit.getByText('Strong fit', { exact: true })).toBeVisible();
  await expect(fit.getByText('Based on 3 of 6 questions.', { exact: true })).toBeVisible();
  await expect(bar.getByText('Strong fit', { exact: true })).toBeVisible();
  const after = await waitForHostEvent(page, 'a report with three answers', (e) => e.host === 'quick' && e.detail.report.answered_questions === 3);
  expect(after.detail.report).toMatchObject({ score: 100, verdict_ready: true, band: { label: 'Strong fit' } });
  expect(decodeURIComponent((await w.emailLink.getAttribute('href')) ?? '')).toContain('Fit: Strong fit (100/100).');
  expect((await hostEvents(page)).every((e) => e.host === 'quick')).toBe(true);
  await screenshot(page, testInfo, 'min-answers-3-three-answered-375px');
});
