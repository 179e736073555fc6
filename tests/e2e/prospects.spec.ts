import { test, expect } from '@playwright/test';
import { CalculatorPage, PLAN_NAMES, VERDICT_WORDS } from './pages/calculator';
import {
  PROSPECTS,
  describeBusiness,
  expectNoContradiction,
  parseStory,
  screenshot,
  type Prospect,
} from './pages/prospects';

// The three prospects of the issue "An estimate a prospect can trust", each as a whole journey on
// a phone and on a desktop: no verdict until every question is answered, then one story told the
// same way by the fit, the recommendation, the plans, the comparison, the summary bar, the
// screen-reader announcement and the email.

test.describe.configure({ mode: 'parallel' });

/** The recommendation as one sentence, the way the live region and the email say it. */
function recommendationSentence(p: Prospect): string {
  return p.plan ? `Recommended: ${p.plan}, ${p.prices[p.plan]} a month.` : 'Recommended: pay per job for now.';
}

async function journey(calc: CalculatorPage, p: Prospect, width: number): Promise<void> {
  await describeBusiness(calc, p);

  // Answering, one question after another: progress, and the plan only "if a contract suits you".
  for (const [i, [question, option]] of p.answers.entries()) {
    await calc.answer(question, option);
    if (i === p.answers.length - 1) break;
    await expect(calc.fitProgress).toHaveText(calc.progressText(i + 1));
    await expect(calc.fitScore).toHaveCount(0);
    await expect(calc.recommendation.getByText('If a contract suits you', { exact: true })).toBeVisible();
    await expect(calc.recommendation.getByText(`${p.planBeforeVerdict} plan`, { exact: true })).toBeVisible();
    await expect(calc.recommendedBadge()).toHaveCount(0);
    if (width < 600) {
      await expect(calc.summaryBar).toContainText(`${i + 1} of 6 questions answered`);
      await expect(calc.summaryBar).toContainText(
        `If a contract suits you: ${p.planBeforeVerdict}, ${p.prices[p.planBeforeVerdict]} a month`,
      );
    }
    expect(await calc.page.locator('.cf-widget').textContent()).not.toMatch(VERDICT_WORDS);
  }
}

async function expectOneStory(calc: CalculatorPage, p: Prospect, width: number): Promise<void> {
  // The verdict.
  await expect(calc.fitProgress).toHaveCount(0);
  await expect(calc.fitBand(p.band)).toBeVisible();
  await expect(calc.fitScore).toHaveText(`Fit score ${p.score} out of 100`);

  // The recommendation, the plans and the comparison name the same plan (or none).
  await calc.expectMonthlyPrices(p.prices);
  await expect(calc.recommendation.getByText('If a contract suits you', { exact: true })).toHaveCount(0);
  const shown = p.plan ?? 'Essential'; // the comparison shows the first plan when no plan is recommended
  if (p.plan) {
    await expect(calc.recommendation.getByText(`${p.plan} plan`, { exact: true })).toBeVisible();
    await expect(calc.recommendedBadge()).toHaveCount(1);
    await expect(calc.recommendedBadge(calc.planCard(p.plan))).toBeVisible();
  } else {
    await expect(calc.recommendation.getByText('Pay per job, for now', { exact: true })).toBeVisible();
    await expect(calc.recommendation.getByText(/ plan$/)).toHaveCount(0);
    await expect(calc.recommendedBadge()).toHaveCount(0);
  }
  await expect(calc.comparePlan(shown)).toBeChecked();
  await expect(calc.compareTable.getByRole('columnheader').nth(1)).toHaveText(`${shown} contract`);

  // The comparison's four sentences, and they agree with each other and with the chart.
  await expect(calc.storySentence('labour')).toHaveText(p.story.labour);
  await expect(calc.storySentence('labour-break-even')).toHaveText(p.story.labourBreakEven);
  await expect(calc.storySentence('total')).toHaveText(p.story.total);
  await expect(calc.storySentence('total-break-even')).toHaveText(p.story.totalBreakEven);
  const parsed = parseStory(await calc.moneyStory());
  expectNoContradiction(parsed, `${p.id}, ${shown}`);
  const markers = await calc.chartMarkers();
  expect(Number(markers[shown]), 'the chart marks the break-even the sentence quotes').toBe(parsed.totalBreakEven);
  await expect(calc.workMix).toContainText(`needs about ${parsed.expected} hours of IT work a year`);

  // The summary bar (on a phone), the announcement and the email say the same.
  if (width < 600) {
    await expect(calc.summaryBar).toBeVisible();
    await expect(calc.summaryBar.getByText(p.band, { exact: true })).toBeVisible();
    await expect(calc.summaryBar).toContainText(p.plan ? `${p.plan}: ${p.prices[p.plan]} a month` : 'Pay per job, for now');
  } else {
    await expect(calc.summaryBar).toBeHidden();
  }
  await expect(calc.live).toHaveText(`Updated: ${p.band}. ${recommendationSentence(p)}`);
  const body = await calc.emailBody();
  const business = `${p.sizes.users} people, ${p.sizes.computers} computers and ${p.sizes.servers} server${p.sizes.servers === '1' ? '' : 's'}`;
  expect(body).toContain(`Business: ${business}.`);
  expect(body.includes('We already work with you.'), 'the email says whether they are a client').toBe(p.existingClient);
  expect(body).toContain(`Required response: ${p.response}.`);
  expect(body).toContain(`Fit: ${p.band} (${p.score}/100).`);
  expect(body).toContain(recommendationSentence(p));
  if (p.plan) expect(body).toContain(`${p.story.labour}\n${p.story.total}`);
  else expect(body).not.toContain('On support work alone');
  for (const name of PLAN_NAMES) expect(body).toContain(`- ${name}: ${p.prices[name]} a month`);

  // No breakdown line for zero of anything; nothing broken.
  await expect(calc.plans.getByRole('term').filter({ hasText: /^0 / })).toHaveCount(0);
  const text = await calc.visibleTextAndValues();
  expect(text).not.toContain('NaN');
  expect(text).not.toContain('undefined');
}

for (const p of PROSPECTS) {
  for (const width of [375, 1280]) {
    test(`${p.id} at ${width} px: progress while answering, then one story`, async ({ page }, testInfo) => {
      await page.setViewportSize({ width, height: 800 });
      const calc = new CalculatorPage(page);
      await calc.goto();
      await journey(calc, p, width);
      await expectOneStory(calc, p, width);

      if (p.existingClient) {
        // The discount, line by line, on every plan.
        const lines = {
          Essential: ['$2,425.00', '−$121.25', '$2,303.75'],
          Priority: ['$3,275.00', '−$163.75', '$3,111.25'],
          Premium: ['$4,300.00', '−$215.00', '$4,085.00'],
        };
        for (const [name, [list, discount, monthly]] of Object.entries(lines) as [keyof typeof lines, string[]][]) {
          await expect(calc.breakdownAmount(name, 'Price before the discount')).toHaveText(list);
          await expect(calc.breakdownAmount(name, 'Existing-client discount (5%)')).toHaveText(discount);
          await expect(calc.breakdownAmount(name, 'Your monthly price')).toHaveText(monthly);
          await expect(calc.planMonthly(name)).toHaveText(`${monthly} per month`);
        }
      }
      if (p.sizes.servers === '0') {
        await expect(calc.breakdownAmount('Essential', 'Minimum monthly fee applies')).toHaveText('$600.00');
        await expect(calc.plans.getByRole('term').filter({ hasText: /server/ })).toHaveCount(0);
      }

      await page.evaluate(() => window.scrollTo(0, 0));
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, 'nothing scrolls sideways').toBeLessThanOrEqual(0);
      await screenshot(page, testInfo, `${p.id}-${width}px`);
    });
  }
}
