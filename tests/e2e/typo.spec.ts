import { test, expect } from '@playwright/test';
import { CalculatorPage, WORKED_EXAMPLE, WORKED_PRICES } from './pages/calculator';
import { screenshot } from './pages/prospects';

// A typo is never quoted: while "People who use computers" holds `1O`, `1e9` or `1000000000`,
// the results stay on the last answers that were valid as a whole and say so, the field says
// what is wrong, nothing can be copied, printed, shared or emailed, and only valid answers are
// saved or put in a link. Fixing the field brings everything back.
//

test.describe.configure({ mode: 'parallel' });

const TYPOS = [
  { typed: '1O', message: 'Please enter a whole number from 1 to 10,000, using digits.' },
  { typed: '1e9', message: 'Please enter a whole number from 1 to 10,000, using digits.' },
  // A thousand with a European dot: never one person.
  { typed: '1.000', message: 'Please enter a whole number from 1 to 10,000, using digits.' },
  { typed: '1000000000', message: 'Please enter a number from 1 to 10,000.' },
];

const KEPT = 'Showing the results for 20 people, 22 computers and 2 servers — fix the highlighted field.';
const REASON = 'Fix the highlighted field first: until then there is nothing to send.';

async function startWithTheWorkedExample(calc: CalculatorPage): Promise<string> {
  await calc.goto();
  await calc.fillSizes(WORKED_EXAMPLE);
  await calc.answerEveryQuestion('first');
  await expect(calc.fitBand('Strong fit')).toBeVisible();
  await calc.expectMonthlyPrices(WORKED_PRICES);
  await expect.poll(() => calc.savedAnswers()).toContain('"users":"20"');
  await calc.shareButton.click();
  await expect(calc.shareLinkField).toHaveValue(/#users=20&/);
  return calc.page.url();
}

for (const width of [375, 1280]) {
  test(`typos in "People who use computers" keep the last valid results and block sending (${width} px)`, async ({ page }, testInfo) => {
    await page.setViewportSize({ width, height: 800 });
    const calc = new CalculatorPage(page);
    const sharedBefore = await startWithTheWorkedExample(calc);

    for (const [i, typo] of TYPOS.entries()) {
      // The whole text at once, as when pasting or picking an autofill suggestion.
      await calc.users.fill(typo.typed);
      await expect(calc.users).toHaveValue(typo.typed);

      // The field says what is wrong.
      await expect(calc.users).toHaveAttribute('aria-invalid', 'true');
      await expect(calc.business.getByText(typo.message, { exact: true })).toBeVisible();
      await expect(calc.users).toHaveAccessibleDescription(new RegExp(typo.message.replace(/[.]/g, '\\.')));

      // The results stay on 20 people and say so.
      await expect(calc.keptNotice).toHaveText(KEPT);
      await calc.expectMonthlyPrices(WORKED_PRICES);
      await expect(calc.fitBand('Strong fit')).toBeVisible();
      await expect(calc.recommendation.getByText('Essential plan', { exact: true })).toBeVisible();

      // Nothing can be sent, and the reason stands beside the buttons.
      await expect(calc.nothingToSend).toBeVisible();
      for (const button of [calc.copyButton, calc.printButton, calc.shareButton]) {
        await expect(button).toBeDisabled();
        await expect(button).toHaveAccessibleDescription(REASON);
      }
      await expect(calc.emailLink).toHaveAttribute('aria-disabled', 'true');
      expect(await calc.emailLink.getAttribute('href'), 'the email link has no address').toBeNull();

      // Only valid answers are saved or shared.
      const saved = JSON.parse((await calc.savedAnswers()) ?? '{}');
      expect(saved.users, 'the saved answers keep 20 people').toBe('20');
      expect(page.url(), 'the address bar keeps the last shared link').toBe(sharedBefore);
      await expect(calc.shareLinkField).not.toHaveValue(new RegExp(typo.typed));
      if (i === 0) await screenshot(page, testInfo, `typo-${width}px`);
    }

    // A reload brings back the valid answers, not the typo.
    await page.reload();
    await calc.waitUntilReady();
    await expect(calc.users).toHaveValue('20');
    await calc.users.fill(TYPOS[2].typed);
    await expect(calc.keptNotice).toHaveText(KEPT);

    // Fixing the field brings everything back.
    await calc.users.fill('25');
    await expect(calc.users).not.toHaveAttribute('aria-invalid', 'true');
    await expect(calc.keptNotice).toHaveCount(0);
    await expect(calc.nothingToSend).toHaveCount(0);
    for (const button of [calc.copyButton, calc.printButton, calc.shareButton]) await expect(button).toBeEnabled();
    await expect(calc.emailLink).not.toHaveAttribute('aria-disabled', 'true');
    await expect(calc.emailLink).toHaveAttribute('href', /^mailto:.*25%20people/);
    await expect(calc.planMonthly('Essential')).toHaveText('$2,425.00 per month');
    await expect.poll(() => calc.savedAnswers()).toContain('"users":"25"');
    await calc.shareButton.click();
    await expect(calc.shareLinkField).toHaveValue(/#users=25&/);
    await screenshot(page, testInfo, `typo-fixed-${width}px`);
  });
}

// Typed key by key, a typo passes through a valid number on its way ("1" of "1O", "10000" of
// "1000000000"): the results are live, so they show it, and then they say plainly which answers
// they show, nothing can be sent, and only valid answers are saved.
test('typed key by key, a typo leaves honest results: what they show is named, and nothing can be sent', async ({ page }, testInfo) => {
  const onTheWay: Record<string, string> = {
    '1O': 'Showing the results for 1 person, 22 computers and 2 servers — fix the highlighted field.',
    '1e9': 'Showing the results for 1 person, 22 computers and 2 servers — fix the highlighted field.',
    '1.000': 'Showing the results for 1 person, 22 computers and 2 servers — fix the highlighted field.',
    '1000000000': 'Showing the results for 10,000 people, 22 computers and 2 servers — fix the highlighted field.',
  };
  const calc = new CalculatorPage(page);
  await calc.goto();
  await calc.fillSizes(WORKED_EXAMPLE);
  await expect.poll(() => calc.savedAnswers()).toContain('"users":"20"');
  for (const typo of TYPOS) {
    await calc.users.fill('20');
    await calc.users.click();
    await calc.users.press('ControlOrMeta+a');
    await calc.users.pressSequentially(typo.typed, { delay: 30 });
    await expect(calc.users).toHaveAttribute('aria-invalid', 'true');
    await screenshot(page, testInfo, `typed-${typo.typed}`);
    await expect(calc.keptNotice).toHaveText(onTheWay[typo.typed]);
    await expect(calc.copyButton).toBeDisabled();
    await expect(calc.shareButton).toBeDisabled();
    const saved = JSON.parse((await calc.savedAnswers()) ?? '{}').users;
    expect(saved, 'only a valid answer is saved').toMatch(/^(1|10000)$/);
  }
});

// For `1O` and `1e9` too, the message names the numbers allowed.
test('every message for a bad count names the allowed range', async ({ page }) => {
  const calc = new CalculatorPage(page);
  await calc.goto();
  for (const typo of TYPOS) {
    await calc.users.fill(typo.typed);
    await expect(calc.business.locator('.cf-error')).toContainText('from 1 to 10,000');
  }
});
