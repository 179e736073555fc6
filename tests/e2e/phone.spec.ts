import { test, expect } from '@playwright/test';
import { CalculatorPage, WORKED_EXAMPLE } from './pages/calculator';

// On a phone the results are below the questions: a compact summary ("Your estimate so far")
// stays in view while the prospect answers, and its button moves focus to the results.

test.use({ viewport: { width: 375, height: 740 }, hasTouch: true, isMobile: true });

test('the summary bar stays in view while answering, and "See your results" moves focus there', async ({ page }, testInfo) => {
  const calc = new CalculatorPage(page);
  await calc.goto();
  await calc.fillSizes(WORKED_EXAMPLE);
  await expect(calc.summaryBar).toBeInViewport();
  await expect(calc.summaryBar).toContainText('0 of 6 questions answered');

  const groups = await calc.questionGroups.all();
  for (const [i, group] of groups.entries()) {
    const radio = group.getByRole('radio').first();
    await radio.tap();
    await expect(radio).toBeChecked();
    // The whole bar is on screen, below the answer just given (it does not cover it).
    await expect(calc.summaryBar).toBeInViewport({ ratio: 1 });
    const bar = (await calc.summaryBar.boundingBox())!;
    const answered = (await radio.locator('xpath=..').boundingBox())!;
    expect(answered.y + answered.height, `answer ${i + 1} is above the bar`).toBeLessThanOrEqual(bar.y + 1);
    if (i < groups.length - 1) {
      await expect(calc.summaryBar).toContainText(`${i + 1} of 6 questions answered`);
      await expect(calc.summaryBar).toContainText('If a contract suits you: Essential, $2,000.00 a month');
    }
  }

  // After the last answer: the verdict and the plan, in view.
  await expect(calc.summaryBar.getByText('Strong fit', { exact: true })).toBeVisible();
  await expect(calc.summaryBar).toContainText('Essential: $2,000.00 a month');
  await expect(calc.summaryBar).toBeInViewport({ ratio: 1 });
  let file = testInfo.outputPath('summary-bar-375px.png');
  await page.screenshot({ path: file });
  await testInfo.attach('summary-bar-375px', { path: file, contentType: 'image/png' });

  await calc.seeResultsButton.tap();
  await expect(calc.resultsHeading).toBeFocused();
  expect(await calc.focused()).toMatchObject({ text: 'Your results' });
  await expect(calc.fitBand('Strong fit')).toBeInViewport();
  file = testInfo.outputPath('see-your-results-375px.png');
  await page.screenshot({ path: file });
  await testInfo.attach('see-your-results-375px', { path: file, contentType: 'image/png' });
  // From the results heading, Tab goes on into the results, not back to the top of the page.
  await page.keyboard.press('Tab');
  expect((await calc.focused())?.text).toMatch(/Compare with paying per job/);
});
