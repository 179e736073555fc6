import { test as base, expect, type Page } from '@playwright/test';
import {
  CalculatorPage,
  DEFAULT_PRICES,
  PLAN_NAMES,
  STORAGE_KEY,
  WORKED_EXAMPLE,
  WORKED_PRICES,
  escapeRegExp,
} from './pages/calculator';

// The calculator on a fresh page (nothing saved, no shared link); each test opens it itself so
// that it can prepare the page first (init scripts, a fragment, a viewport).
const test = base.extend<{ calc: CalculatorPage }>({
  calc: async ({ page }, use) => {
    await use(new CalculatorPage(page));
  },
});

/** Every console error and uncaught exception the page reports. */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console.error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`uncaught: ${err.message}`));
  page.on('response', (res) => {
    if (res.status() >= 400) errors.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  return errors;
}

/** The worked example with every question answered with its first option and a 4-hour response. */
async function strongFitJourney(calc: CalculatorPage): Promise<void> {
  await calc.fillSizes(WORKED_EXAMPLE);
  await calc.answerEveryQuestion('first');
  await calc.chooseResponse('Within 4 hours');
  await expect(calc.fitBand('Strong fit')).toBeVisible();
  await calc.expectMonthlyPrices(WORKED_PRICES);
}

/** Neither "NaN" nor "undefined" anywhere in the page's text, field values, labels or links. */
async function expectNoBrokenNumbers(calc: CalculatorPage): Promise<void> {
  const text = await calc.visibleTextAndValues();
  expect(text).not.toContain('NaN');
  expect(text).not.toContain('undefined');
}

const EXPECTED_REASONS_FOR = [
  'You want a long-term partner who knows your systems.',
  "You're ready to trust a partner with your day-to-day IT.",
  'You value a predictable IT budget.',
  'Downtime costs you money, so a guaranteed response is worth a lot.',
  'You want routine upkeep handled before problems start.',
  'Waiting your turn for help is costing you time today.',
];

// Strongest first (src/model/fit.rs sorts by points), config order among equals.
const EXPECTED_REASONS_AGAINST = [
  "You'd rather shop around for each job, which a contract doesn't reward.", // -3
  'You prefer to pay per job.', // -3
  "You'd rather keep IT decisions in-house.", // -2
  'You can wait out most problems, so priority service is worth less to you.', // -2
  "You'd rather fix things when they break than maintain them.", // -2
  'Things run smoothly for you today, so a contract adds less.', // -2
];

test.describe('strong-fit journey', () => {
  test.beforeEach(async ({ calc }) => {
    await calc.goto();
    await strongFitJourney(calc);
  });

  test('shows a strong fit, recommends Priority and prices all three plans', async ({ calc }) => {
    await expect(calc.fitBand('Strong fit')).toBeVisible();
    await expect(calc.fit.getByText('Fit score 100 out of 100', { exact: true })).toBeVisible();
    await expect(calc.fit.getByRole('img', { name: 'Fit score 100 out of 100' })).toBeVisible();
    await expect(calc.reasons('for')).toHaveText(EXPECTED_REASONS_FOR);
    await expect(calc.reasonsHeading('against')).toHaveCount(0);

    await expect(calc.recommendation.getByText('Priority plan', { exact: true })).toBeVisible();
    await expect(
      calc.recommendation.getByText('$2,700.00 a month, with a guaranteed response within 4 hours.', { exact: true }),
    ).toBeVisible();
    await expect(
      calc.recommendation.getByText('The most affordable plan that responds as fast as you need.', { exact: true }),
    ).toBeVisible();

    // Exactly one badge, and it is inside the Priority card.
    await expect(calc.recommendedBadge()).toHaveCount(1);
    await expect(calc.recommendedBadge(calc.planCard('Priority'))).toBeVisible();
    await expect(calc.recommendedBadge(calc.planCard('Essential'))).toHaveCount(0);
    await expect(calc.recommendedBadge(calc.planCard('Premium'))).toHaveCount(0);

    await calc.expectMonthlyPrices(WORKED_PRICES);
    await expect(calc.planAnnual('Essential')).toHaveText('$24,000.00 a year');
    await expect(calc.planAnnual('Priority')).toHaveText('$32,400.00 a year');
    await expect(calc.planAnnual('Premium')).toHaveText('$42,600.00 a year');
    await expect(calc.planCard('Priority').getByText('Guaranteed response within 4 hours')).toBeVisible();
    await expect(calc.breakdownAmount('Priority', '20 people × $115.00')).toHaveText('$2,300.00');
    await expect(calc.breakdownAmount('Priority', '2 servers × $200.00')).toHaveText('$400.00');
    await expectNoBrokenNumbers(calc);
  });

  test('compares the plan with paying per job, each saving with its basis and break-even', async ({ calc }) => {
    await expect(calc.compareHeading).toBeVisible();
    await expect(calc.comparePlan('Priority')).toBeChecked();
    await expect(calc.compareTable.getByRole('columnheader')).toHaveText(['Per year', 'Priority contract', 'Pay as you go']);
    await expect(calc.compareCells('IT support')).toHaveText([
      '$32,400.00 (upkeep and emergencies included)',
      '$30,315.00',
    ]);
    await expect(calc.compareCells('An urgent hour of work')).toHaveText(['Included', '$225.00 ($150.00 × 1.5)']);
    await expect(calc.compareCells('Response time')).toHaveText([
      'Guaranteed within 4 h',
      'Not guaranteed, typically 24 h',
    ]);
    await expect(calc.compareCells('Expected cost of downtime while waiting')).toHaveText(['$14,100.00', '$84,600.00']);
    await expect(calc.compareCells('Total')).toHaveText(['$46,500.00', '$114,915.00']);

    // The worked example's story (README, "Worked example"): dearer on support work alone,
    // cheaper once the downtime a 4-hour response avoids is counted; each with its break-even.
    await expect(calc.storySentence('labour')).toHaveText(
      'On support work alone, the Priority plan costs about $2,085 a year more than paying per job.',
    );
    await expect(calc.storySentence('labour-break-even')).toHaveText(
      'On support work alone, the contract pays for itself once you need more than 200.9 hours of support a year; ' +
        'we expect about 188 hours for your business.',
    );
    await expect(calc.storySentence('total')).toHaveText(
      'Counting the downtime a response guaranteed within 4 hours avoids, you save about $68,415 a year.',
    );
    await expect(calc.storySentence('total-break-even')).toHaveText(
      'Counting downtime, it pays for itself above 60.4 hours of support a year.',
    );
    await expect(calc.workMix.getByRole('paragraph')).toHaveText(
      'A business like yours needs about 188 hours of IT work a year. ' +
        'About 159.8 hours (85%) is routine upkeep: updates, antivirus, new laptops, email and phones. ' +
        'About 28.2 hours (15%) is emergencies, from roughly 14.1 incidents a year.',
    );
    // The downtime assumption behind the saving sits right there, and can be changed there.
    await expect(calc.compare.getByText(/^We estimate \$250\.00 an hour: 20 people × \$50\.00 an hour × 25% of staff/)).toBeVisible();
    await expect(calc.compare.getByRole('textbox', { name: 'What does an hour of downtime cost you? (optional)' })).toBeVisible();
    await expect(calc.business.getByRole('textbox', { name: /downtime/ })).toHaveCount(0);

    // Comparing with another plan re-labels and re-prices the contract column and the story.
    await calc.comparePlan('Essential').check();
    await expect(calc.compareTable.getByRole('columnheader').nth(1)).toHaveText('Essential contract');
    await expect(calc.compareCells('Response time').first()).toHaveText('Guaranteed within 8 h');
    await expect(calc.storySentence('labour')).toHaveText(
      'On support work alone, the Essential plan costs about $6,315 a year less than paying per job.',
    );
    await expect(calc.storySentence('labour-break-even')).toContainText('more than 148.8 hours');
    await expect(calc.storySentence('total')).toHaveText(
      'Counting the downtime a response guaranteed within 8 hours avoids, you save about $62,715 a year.',
    );
    await expect(calc.storySentence('total-break-even')).toHaveText(
      'Counting downtime, it pays for itself above 52 hours of support a year.',
    );

    // The prospect's own downtime figure replaces the estimate.
    await calc.pickComparePlan('Priority');
    await calc.downtime.fill('400');
    await expect(calc.compare.getByText('We use your figure: $400.00 for an hour of downtime.', { exact: true })).toBeVisible();
    await expect(calc.compareCells('Expected cost of downtime while waiting')).toHaveText(['$22,560.00', '$135,360.00']);
  });

  test('draws the cost chart on both bases, markers at the break-evens, with a table equivalent', async ({ calc }) => {
    await expect(calc.chartImage).toBeVisible();
    await expect(calc.chartBasis('Counting downtime')).toBeChecked();
    await expect(calc.chartBreakEvenPoints).toHaveCount(3);
    for (const point of await calc.chartBreakEvenPoints.all()) {
      await expect(point).toBeVisible();
    }
    expect(await calc.chartMarkers()).toEqual({ Essential: '52.0', Priority: '60.4', Premium: '71.9' });
    await expect(calc.chart.getByText(/^Yearly cost of each plan and of paying per job, counting the downtime/)).toBeVisible();

    await expect(calc.chartTable).toBeHidden();
    await calc.chartTableToggle.click();
    await expect(calc.chartTable).toBeVisible();
    await expect(calc.chartTable.getByRole('columnheader')).toHaveText([
      'Option',
      'Cost per year for your business',
      'Cheaper than paying per job above',
    ]);
    await expect(calc.chartTableRow('Essential').getByRole('cell')).toHaveText(['$52,200.00', '52 hours a year']);
    await expect(calc.chartTableRow('Priority').getByRole('cell')).toHaveText(['$46,500.00', '60.4 hours a year']);
    await expect(calc.chartTableRow('Premium').getByRole('cell')).toHaveText(['$46,125.00', '71.9 hours a year']);
    await expect(calc.chartTableRow('Pay as you go').getByRole('cell')).toHaveText([
      '$114,915.00',
      '$161.25 per hour on average',
    ]);

    await calc.pickChartBasis('Support work only');
    await expect(calc.chart.getByText(/^Yearly cost of support work alone/)).toBeVisible();
    await expect.poll(() => calc.chartMarkers()).toEqual({ Essential: '148.8', Priority: '200.9', Premium: '264.2' });
    await expect(calc.chartTableRow('Essential').getByRole('cell')).toHaveText(['$24,000.00', '148.8 hours a year']);
    await expect(calc.chartTableRow('Priority').getByRole('cell')).toHaveText(['$32,400.00', '200.9 hours a year']);
    await expect(calc.chartTableRow('Premium').getByRole('cell')).toHaveText(['$42,600.00', '264.2 hours a year']);
    await expect(calc.chartTableRow('Pay as you go').getByRole('cell')).toHaveText([
      '$30,315.00',
      '$161.25 per hour on average',
    ]);
  });

  test('"How is this calculated?" explains the estimate with these numbers', async ({ calc }) => {
    const steps = calc.explainSteps;
    await expect(steps).toHaveCount(5);
    await expect(steps.first()).toBeHidden();
    await calc.explainToggle.click();
    await expect(steps.first()).toHaveText(
      'Support hours: 20 people × 6 h + 22 computers × 2 h + 2 servers × 12 h = 188 hours a year, ' +
        'of which 15% are emergencies (28.2 h).',
    );
    await expect(steps.nth(2)).toHaveText(
      'Paying per job: 159.8 upkeep hours × $150.00 + 28.2 urgent hours × $225.00 = $30,315.00 a year.',
    );
  });
});

test.describe('from the recommendation', () => {
  for (const width of [375, 1280]) {
    test(`"Compare with paying per job" moves focus to the comparison heading at ${width} px, URL untouched`, async ({
      calc,
      page,
    }) => {
      await page.setViewportSize({ width, height: 800 });
      await calc.goto();
      await strongFitJourney(calc);
      await page.evaluate(() => window.scrollTo(0, 0));
      await expect(calc.compareHeading).not.toBeInViewport();
      const before = page.url();
      await calc.compareLink.click();
      await expect(calc.compareHeading).toBeFocused();
      await expect(calc.compareHeading).toHaveAttribute('tabindex', '-1');
      expect(await calc.focused()).toMatchObject({ text: 'A contract compared with paying per job' });
      await expect(calc.compareHeading).toBeInViewport();
      expect(page.url()).toBe(before);
      // From there, Tab continues inside the comparison (its plan pills), not at the top of the page.
      await page.keyboard.press('Tab');
      await expect(calc.comparePlan('Priority')).toBeFocused();
    });
  }
});

test.describe('the chart\'s plan names', () => {
  // With the default answers the three plans' lines end within a few pixels of each other on a
  // phone, which is where their names once overprinted.
  for (const width of [375, 1280]) {
    test(`never overprint each other at ${width} px, on either basis`, async ({ calc, page }) => {
      await page.setViewportSize({ width, height: 800 });
      await calc.goto();
      for (const basis of ['Counting downtime', 'Support work only'] as const) {
        await calc.pickChartBasis(basis);
        const labels = calc.chart.locator('.cf-chart__label');
        await expect(labels).toHaveText(PLAN_NAMES);
        // The glyphs' boxes in the chart's own units, without the halo drawn around them.
        const boxes = await labels.evaluateAll((els) =>
          els.map((e) => {
            const b = (e as SVGGraphicsElement).getBBox();
            return { x: b.x, y: b.y, width: b.width, height: b.height };
          }),
        );
        for (let i = 0; i < boxes.length; i++) {
          for (let j = i + 1; j < boxes.length; j++) {
            const [a, b] = [boxes[i], boxes[j]];
            const apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
            expect(apart, `${PLAN_NAMES[i]} and ${PLAN_NAMES[j]} at ${width} px (${basis}): ${JSON.stringify([a, b])}`).toBe(true);
          }
        }
      }
    });
  }
});

test.describe('poor-fit journey', () => {
  test('every last option: "Not a fit yet", pay per job, no plan recommended, reasons against', async ({ calc }) => {
    await calc.goto();
    await calc.fillSizes(WORKED_EXAMPLE);
    // Five answers against a contract are not yet a verdict: the plan is offered "if a contract
    // suits you", and nothing says "pay per job" until the last question is answered.
    for (let i = 0; i < 5; i++) await calc.answerQuestion(i, 'last');
    await expect(calc.fitProgress).toHaveText('5 of 6 answered — 1 more to see whether a contract suits you.');
    await expect(calc.fitBand('Not a fit yet')).toHaveCount(0);
    await expect(calc.reasonsHeading('against')).toHaveCount(0);
    await expect(calc.recommendation.getByText('If a contract suits you', { exact: true })).toBeVisible();
    await expect(calc.recommendation.getByText('Essential plan', { exact: true })).toBeVisible();
    await expect(calc.recommendation).not.toContainText('Pay per job');
    await expect(calc.plans.getByText('Prices if a contract suits you.', { exact: true })).toBeVisible();
    await expect(calc.recommendedBadge()).toHaveCount(0);

    await calc.answerQuestion(5, 'last');
    await expect(calc.fitProgress).toHaveCount(0);

    await expect(calc.fitBand('Not a fit yet')).toBeVisible();
    await expect(calc.fit.getByText('Fit score 0 out of 100', { exact: true })).toBeVisible();
    await expect(calc.reasonsHeading('against')).toBeVisible();
    await expect(calc.reasons('against')).toHaveText(EXPECTED_REASONS_AGAINST);
    await expect(calc.reasonsHeading('for')).toHaveCount(0);

    await expect(calc.recommendation.getByText('Pay per job, for now', { exact: true })).toBeVisible();
    await expect(calc.recommendation).toContainText(
      'A contract wouldn’t serve you well yet. Call Northwind IT when you need help: routine work costs ' +
        '$150.00 an hour and urgent work $225.00 an hour, with no monthly fee.',
    );
    await expect(calc.recommendation).not.toContainText('plan');

    await expect(calc.recommendedBadge()).toHaveCount(0);
    // The plans are still priced, so the prospect can compare.
    await calc.expectMonthlyPrices(WORKED_PRICES);
    await expectNoBrokenNumbers(calc);
  });
});

test.describe('existing-client discount', () => {
  test('ticking "We already work with Northwind IT" takes 5% off, shown line by line', async ({ calc }) => {
    await calc.goto();
    await calc.fillSizes(WORKED_EXAMPLE);
    await calc.expectMonthlyPrices(WORKED_PRICES);
    await expect(calc.breakdownTerm('Essential', /^Existing-client discount/)).toHaveCount(0);

    await calc.existingClient.check();
    await expect(calc.existingClient).toBeChecked();
    await calc.expectMonthlyPrices({ Essential: '$1,900.00', Priority: '$2,565.00', Premium: '$3,372.50' });
    await expect(calc.breakdownTerm('Essential', 'Existing-client discount (5%)')).toBeVisible();
    await expect(calc.breakdownAmount('Essential', 'Existing-client discount (5%)')).toHaveText('−$100.00');
    await expect(calc.breakdownAmount('Essential', 'Price before the discount')).toHaveText('$2,000.00');
    // The breakdown ends on the price the headline shows.
    await expect(calc.breakdownAmount('Essential', 'Your monthly price')).toHaveText('$1,900.00');
    await expect(calc.breakdownAmount('Premium', 'Your monthly price')).toHaveText('$3,372.50');
    await expect(calc.breakdownAmount('Priority', 'Existing-client discount (5%)')).toHaveText('−$135.00');
    await expect(calc.breakdownAmount('Premium', 'Existing-client discount (5%)')).toHaveText('−$177.50');
    await expect(calc.planAnnual('Essential')).toHaveText('$22,800.00 a year');

    // A one-person client pays the discounted minimum, whose amount is shown once.
    await calc.fillSizes({ users: '1', computers: '1', servers: '0' });
    await expect(calc.breakdownAmount('Essential', 'Minimum monthly fee applies')).toHaveText('$600.00');
    await expect(calc.breakdownTerm('Essential', 'Price before the discount')).toHaveCount(0);
    await expect(calc.breakdownAmount('Essential', 'Existing-client discount (5%)')).toHaveText('−$30.00');
    await expect(calc.breakdownAmount('Essential', 'Your monthly price')).toHaveText('$570.00');
    await calc.fillSizes(WORKED_EXAMPLE);

    await calc.existingClient.uncheck();
    await calc.expectMonthlyPrices(WORKED_PRICES);
    await expect(calc.breakdownTerm('Essential', /^Existing-client discount/)).toHaveCount(0);
  });
});

test.describe('invalid input', () => {
  const cases = [
    { name: 'letters', text: 'abc', message: 'Please enter a whole number from 1 to 10,000, using digits.' },
    { name: 'a negative number', text: '-5', message: 'Please enter a number from 1 to 10,000.' },
    { name: 'a decimal', text: '2.5', message: 'Please enter a whole number from 1 to 10,000, using digits.' },
    { name: 'nothing', text: '', message: 'Please enter a number.' },
    {
      name: 'an absurd number',
      text: '99999999',
      message: 'Please enter a number from 1 to 10,000.',
    },
  ];

  for (const c of cases) {
    test(`"People who use computers" with ${c.name} (${JSON.stringify(c.text)}) explains itself and keeps the last prices`, async ({
      calc,
    }) => {
      await calc.goto();
      await calc.fillSizes(WORKED_EXAMPLE);
      await calc.expectMonthlyPrices(WORKED_PRICES);
      await expect(calc.users).not.toHaveAttribute('aria-invalid', 'true');

      await calc.users.fill(c.text);
      await expect(calc.users).toHaveValue(c.text);
      await expect(calc.business.getByText(c.message, { exact: true })).toBeVisible();
      await expect(calc.users).toHaveAttribute('aria-invalid', 'true');
      await expect(calc.users).toHaveAccessibleDescription(new RegExp(escapeRegExp(c.message)));
      expect(await calc.describedByTexts(calc.users)).toContain(c.message);
      await expect(calc.keptNotice).toHaveText(
        'Showing the results for 20 people, 22 computers and 2 servers — fix the highlighted field.',
      );
      await expect(calc.copyButton).toBeDisabled();
      // Only the broken field is flagged.
      await expect(calc.computers).not.toHaveAttribute('aria-invalid', 'true');

      await calc.expectMonthlyPrices(WORKED_PRICES);
      await expectNoBrokenNumbers(calc);

      await calc.users.fill('30');
      await expect(calc.business.getByText(c.message, { exact: true })).toHaveCount(0);
      await expect(calc.users).not.toHaveAttribute('aria-invalid', 'true');
      expect(await calc.describedByTexts(calc.users)).not.toContain(c.message);
      await expect(calc.keptNotice).toHaveCount(0);
      await expect(calc.copyButton).toBeEnabled();
      await calc.expectMonthlyPrices({ Essential: '$2,850.00', Priority: '$3,850.00', Premium: '$5,050.00' });
      await expectNoBrokenNumbers(calc);
    });
  }
});

test.describe('saved answers', () => {
  test('a reload restores every answer and the same prices', async ({ calc, page }) => {
    await calc.goto();
    await strongFitJourney(calc);
    await calc.existingClient.check();
    await calc.downtime.fill('400');
    await calc.expectMonthlyPrices({ Essential: '$1,900.00', Priority: '$2,565.00', Premium: '$3,372.50' });
    const answersBefore = await calc.checkedAnswers();
    expect(answersBefore.every((a) => a !== null)).toBe(true);
    await expect.poll(() => calc.savedAnswers()).toContain('"downtime_cost":"400"');

    await page.reload();
    await calc.waitUntilReady();
    await expect(calc.users).toHaveValue('20');
    await expect(calc.computers).toHaveValue('22');
    await expect(calc.servers).toHaveValue('2');
    await expect(calc.existingClient).toBeChecked();
    await expect(calc.response.getByRole('option', { name: 'Within 4 hours' })).toHaveJSProperty('selected', true);
    await expect(calc.downtime).toHaveValue('400');
    expect(await calc.checkedAnswers()).toEqual(answersBefore);
    await expect(calc.fitBand('Strong fit')).toBeVisible();
    await calc.expectMonthlyPrices({ Essential: '$1,900.00', Priority: '$2,565.00', Premium: '$3,372.50' });
  });

  test('"Start over" clears the answers, and they stay cleared after a reload', async ({ calc, page }) => {
    await calc.goto();
    await strongFitJourney(calc);
    await calc.existingClient.check();

    await calc.startOverButton.click();
    await expect(calc.statusMessage('Your answers were cleared.')).toBeVisible();
    const expectCleared = async () => {
      await expect(calc.users).toHaveValue('10');
      await expect(calc.computers).toHaveValue('10');
      await expect(calc.servers).toHaveValue('1');
      await expect(calc.existingClient).not.toBeChecked();
      await expect(calc.response).toHaveValue('');
      await expect(calc.downtime).toHaveValue('');
      await expect(calc.questions.getByRole('radio', { checked: true })).toHaveCount(0);
      await expect(calc.fit).toContainText('Answer the questions under “How you work”');
      await expect(calc.fitProgress).toHaveText(calc.progressText(0));
      await expect(calc.recommendedBadge()).toHaveCount(0);
      await calc.expectMonthlyPrices(DEFAULT_PRICES);
    };
    await expectCleared();
    // Whatever is stored now must not bring back the old answers.
    expect((await calc.savedAnswers()) ?? '').not.toContain('"20"');

    await page.reload();
    await calc.waitUntilReady();
    await expectCleared();
  });

  for (const width of [375, 1280]) {
    test(`"Undo" next to "Start over" brings every answer back and saves it again (${width} px)`, async ({ calc, page }) => {
      await page.setViewportSize({ width, height: 800 });
      await calc.goto();
      await strongFitJourney(calc);
      await calc.existingClient.check();
      await calc.downtime.fill('400');
      await expect.poll(() => calc.savedAnswers()).toContain('"downtime_cost":"400"');
      const answersBefore = await calc.checkedAnswers();

      await expect(calc.undoButton).toHaveCount(0);
      await calc.startOverButton.evaluate((b) => b.scrollIntoView({ block: 'center' }));
      await calc.startOverButton.click();
      const cleared = calc.statusMessage('Your answers were cleared.');
      await expect(cleared).toBeVisible();
      await expect(calc.users).toHaveValue('10');
      expect((await calc.savedAnswers()) ?? '').not.toContain('"20"');

      // The confirmation and "Undo" are right by the button that cleared the answers: "Undo"
      // beside "Start over" (below it where the buttons take the full width), the confirmation
      // just under them.
      await expect(calc.undoButton).toBeVisible();
      const start = (await calc.startOverButton.boundingBox())!;
      const undo = (await calc.undoButton.boundingBox())!;
      const said = (await cleared.boundingBox())!;
      const besides = undo.x - (start.x + start.width);
      const under = undo.y - (start.y + start.height);
      expect(
        (Math.abs(undo.y - start.y) < 2 && besides >= 0 && besides < 24) || (under >= 0 && under < 24),
        `"Undo" is next to "Start over" (start ${JSON.stringify(start)}, undo ${JSON.stringify(undo)})`,
      ).toBe(true);
      const buttonsBottom = Math.max(start.y + start.height, undo.y + undo.height);
      expect(said.y - buttonsBottom, 'the confirmation is just below the buttons').toBeGreaterThanOrEqual(-1);
      expect(said.y - buttonsBottom, 'the confirmation is just below the buttons').toBeLessThan(40);
      // In view too, at least where the page does not shrink under the button (see the fixme below).
      if (width >= 1280) await expect(cleared).toBeInViewport();

      await calc.undoButton.click();
      await expect(calc.statusMessage('Your answers are back.')).toBeVisible();
      await expect(calc.undoButton).toHaveCount(0);
      await expect(calc.users).toHaveValue('20');
      await expect(calc.computers).toHaveValue('22');
      await expect(calc.servers).toHaveValue('2');
      await expect(calc.existingClient).toBeChecked();
      // (What the response select shows after Undo: see the fixme test below.)
      await expect(calc.downtime).toHaveValue('400');
      expect(await calc.checkedAnswers()).toEqual(answersBefore);
      await expect(calc.fitBand('Strong fit')).toBeVisible();
      await expect(calc.recommendation.getByText('The most affordable plan that responds as fast as you need.')).toBeVisible();
      await calc.expectMonthlyPrices({ Essential: '$1,900.00', Priority: '$2,565.00', Premium: '$3,372.50' });
      await expect.poll(() => calc.savedAnswers()).toContain('"users":"20"');
      expect(await calc.savedAnswers()).toContain('"downtime_cost":"400"');

      await page.reload();
      await calc.waitUntilReady();
      await expect(calc.users).toHaveValue('20');
      await expect(calc.response).toHaveValue('4');
      expect(await calc.checkedAnswers()).toEqual(answersBefore);
    });
  }

  // Known widget bugs run only with E2E_SHOW_BUGS=1 (then they fail, with a screenshot).
  // Widget bug: on a phone the page shrinks above "Start over" when the answers are cleared, the
  // button slides down and "Your answers were cleared." lands below the bottom of the screen.
  test('at 375 px the "Start over" confirmation is in view after clicking', async ({ calc, page }, testInfo) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await calc.goto();
    await strongFitJourney(calc);
    await calc.startOverButton.evaluate((b) => b.scrollIntoView({ block: 'center' }));
    await calc.startOverButton.click();
    const cleared = calc.statusMessage('Your answers were cleared.');
    await expect(cleared).toBeVisible();
    const file = testInfo.outputPath('start-over-375px.png');
    await page.screenshot({ path: file });
    await testInfo.attach('start-over-375px', { path: file, contentType: 'image/png' });
    await expect(cleared).toBeInViewport();
    await expect(calc.undoButton).toBeInViewport();
  });

  // Widget bug: Undo moves the `selected` attribute back to "Within 4 hours", but an option the
  // prospect picked by hand no longer follows its attribute, so the select keeps showing
  // "No particular need" while the results, the summary and the saved answers use 4 hours.
  test('after "Undo" the response select shows the restored response time', async ({ calc }, testInfo) => {
    await calc.goto();
    await calc.chooseResponse('Within 4 hours');
    await calc.startOverButton.click();
    await expect(calc.response).toHaveValue('');
    await calc.undoButton.click();
    await expect(calc.recommendation.getByText('The most affordable plan that responds as fast as you need.')).toBeVisible();
    await calc.page.evaluate(() => window.scrollTo(0, 0));
    const file = testInfo.outputPath('undo-response.png');
    await calc.page.screenshot({ path: file });
    await testInfo.attach('undo-response', { path: file, contentType: 'image/png' });
    await expect(calc.response).toHaveValue('4');
  });

  const corrupt = [
    { name: 'not JSON', value: '{"users": "20", oops' },
    { name: 'JSON null', value: 'null' },
    { name: 'a JSON array', value: '[1, 2, 3]' },
    { name: 'fields of the wrong type', value: '{"users": {"n": 5}, "existing_client": "yes", "choices": "all"}' },
    { name: 'out-of-range choices', value: '{"choices": {"partner": 99, "nope": 0, "trust": -1}}' },
  ];
  for (const c of corrupt) {
    test(`a corrupt saved value (${c.name}) is ignored and the page works`, async ({ calc, page }) => {
      const errors = collectErrors(page);
      await page.addInitScript(
        ([key, value]) => localStorage.setItem(key, value),
        [STORAGE_KEY, c.value],
      );
      await calc.goto();
      await expect(calc.users).toHaveValue('10');
      await expect(calc.existingClient).not.toBeChecked();
      await expect(calc.questions.getByRole('radio', { checked: true })).toHaveCount(0);
      await calc.expectMonthlyPrices(DEFAULT_PRICES);
      await expectNoBrokenNumbers(calc);

      // And it still calculates.
      await strongFitJourney(calc);
      await expect.poll(() => calc.savedAnswers()).toContain('"users":"20"');
      expect(errors).toEqual([]);
    });
  }
});

test.describe('share link', () => {
  test('the link reopens the same answers and prices in a fresh browser', async ({ calc, browser, page }) => {
    await calc.goto();
    await strongFitJourney(calc);
    await calc.existingClient.check();
    await calc.downtime.fill('300');
    await calc.expectMonthlyPrices({ Essential: '$1,900.00', Priority: '$2,565.00', Premium: '$3,372.50' });
    const answers = await calc.checkedAnswers();

    await calc.shareButton.click();
    await expect(calc.shareLinkField).toBeVisible();
    await expect(calc.shareLinkField).not.toBeEditable();
    const link = await calc.shareLinkField.inputValue();
    expect(link).toMatch(/#users=20&computers=22&servers=2&client=1&response=4&downtime=300&/);
    expect(link).toContain('q.payment=0');
    await expect(calc.statusMessage('Link copied. Anyone who opens it sees these results.')).toBeVisible();
    // The address bar shows the same link.
    expect(page.url()).toBe(link);

    const fresh = await browser.newContext();
    try {
      const other = new CalculatorPage(await fresh.newPage());
      await other.goto(link);
      await expect(other.users).toHaveValue('20');
      await expect(other.computers).toHaveValue('22');
      await expect(other.servers).toHaveValue('2');
      await expect(other.existingClient).toBeChecked();
      await expect(other.response.getByRole('option', { name: 'Within 4 hours' })).toHaveJSProperty('selected', true);
      await expect(other.downtime).toHaveValue('300');
      expect(await other.checkedAnswers()).toEqual(answers);
      await expect(other.fitBand('Strong fit')).toBeVisible();
      await expect(other.recommendedBadge(other.planCard('Priority'))).toBeVisible();
      await other.expectMonthlyPrices({ Essential: '$1,900.00', Priority: '$2,565.00', Premium: '$3,372.50' });
      for (const row of ['IT support', 'Expected cost of downtime while waiting', 'Total']) {
        await expect(other.compareCells(row)).toHaveText(await calc.compareCells(row).allInnerTexts());
      }
    } finally {
      await fresh.close();
    }
  });

  test('"Start over" also drops the shared answers from the address bar', async ({ calc, page }) => {
    await calc.goto();
    await strongFitJourney(calc);
    await calc.shareButton.click();
    await expect(calc.shareLinkField).toBeVisible();
    expect(page.url()).toContain('#users=20');

    await calc.startOverButton.click();
    await expect(calc.shareLinkField).toHaveCount(0);
    expect(new URL(page.url()).hash).toBe('');
    await page.reload();
    await calc.waitUntilReady();
    await expect(calc.users).toHaveValue('10');
    await calc.expectMonthlyPrices(DEFAULT_PRICES);
  });
});

test.describe('email and copy', () => {
  test('the email link carries the summary with the prices and the share link', async ({ calc }) => {
    await calc.goto();
    await strongFitJourney(calc);

    const href = (await calc.emailLink.getAttribute('href')) ?? '';
    expect(href.startsWith('mailto:sales@northwind.example?subject=')).toBe(true);
    const query = new URLSearchParams(href.slice(href.indexOf('?') + 1));
    expect(query.get('subject')).toBe('IT service contract estimate for 20 people');
    const body = query.get('body') ?? '';
    expect(body).toContain('Hello Northwind IT, here is the estimate I made on your website.');
    expect(body).toContain('Business: 20 people, 22 computers and 2 servers.');
    expect(body).toContain('Required response: Within 4 hours.');
    expect(body).toContain('Fit: Strong fit (100/100).');
    expect(body).toContain('Recommended: Priority, $2,700.00 a month.');
    // The same two savings, each with its basis, as the comparison states them.
    expect(body).toContain(`${await calc.storySentence('labour').textContent()}\n${await calc.storySentence('total').textContent()}`);
    expect(body).toContain('On support work alone, the Priority plan costs about $2,085 a year more than paying per job.');
    expect(body).toContain('Counting the downtime a response guaranteed within 4 hours avoids, you save about $68,415 a year.');
    expect(body).toContain('- Essential: $2,000.00 a month, $24,000.00 a year, response within 8 h');
    expect(body).toContain('- Priority: $2,700.00 a month, $32,400.00 a year, response within 4 h');
    expect(body).toContain('- Premium: $3,550.00 a month, $42,600.00 a year, response within 1 h');
    expect(body).toContain('- Pay as you go: about $30,315 a year, response not guaranteed');

    await calc.shareButton.click();
    const link = await calc.shareLinkField.inputValue();
    const bodyAfter = new URLSearchParams(
      ((await calc.emailLink.getAttribute('href')) ?? '').split('?')[1],
    ).get('body');
    expect(bodyAfter).toContain(`See it again: ${link}`);
    expect(body).toContain(`See it again: ${link}`);
  });

  test('"Copy summary" puts the summary on the clipboard', async ({ calc, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await calc.goto();
    await strongFitJourney(calc);
    await calc.copyButton.click();
    await expect(calc.statusMessage('Summary copied to the clipboard.')).toBeVisible();
    const copied = await calc.page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('Recommended: Priority, $2,700.00 a month.');
    expect(copied).toContain('- Essential: $2,000.00 a month');
    expect(copied).toMatch(/See it again: http:\/\/[^\s]+#users=20&computers=22&servers=2/);
    await expect(calc.summaryFallback).toHaveCount(0);
  });

  for (const width of [375, 1280]) {
    test(`the copy confirmation appears right under the buttons and in view (${width} px)`, async ({ calc, context, page }, testInfo) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      await page.setViewportSize({ width, height: 800 });
      await calc.goto();
      await strongFitJourney(calc);
      await calc.copyButton.scrollIntoViewIfNeeded();
      await calc.copyButton.click();
      const said = calc.statusMessage('Summary copied to the clipboard.');
      await expect(said).toBeVisible();
      await expect(said).toHaveClass(/cf-said/);
      await expect(said).toBeInViewport();
      const button = (await calc.copyButton.boundingBox())!;
      const box = (await said.boundingBox())!;
      const below = box.y - (button.y + button.height);
      expect(below, 'the confirmation is below the copy button').toBeGreaterThanOrEqual(0);
      expect(below, 'the confirmation is within 150 px of the copy button').toBeLessThanOrEqual(150);
      // Not at the bottom of the widget any more: before "Start over".
      const startOver = (await calc.startOverButton.boundingBox())!;
      expect(box.y).toBeLessThan(startOver.y);
      const viewport = page.viewportSize()!;
      expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
      const file = testInfo.outputPath(`copied-${width}px.png`);
      await page.screenshot({ path: file });
      await testInfo.attach(`copied-${width}px`, { path: file, contentType: 'image/png' });
    });
  }

  test('when the clipboard refuses, the summary is shown to copy by hand', async ({ calc, page }) => {
    await page.addInitScript(() => {
      Object.defineProperty(navigator, 'clipboard', {
        configurable: true,
        value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) },
      });
    });
    await calc.goto();
    await strongFitJourney(calc);
    await calc.copyButton.click();
    await expect(
      calc.statusMessage('Copying isn’t allowed here; select the summary below and copy it.'),
    ).toBeVisible();
    await expect(calc.summaryFallback).toBeVisible();
    await expect(calc.summaryFallback).toHaveValue(/Recommended: Priority, \$2,700\.00 a month\./);
  });
});

test.describe('print', () => {
  test('print media shows a clean quote: header, plans and comparison, no form', async ({ calc, page }) => {
    await calc.goto();
    await strongFitJourney(calc);
    await expect(calc.printHeader).toBeHidden();

    await page.emulateMedia({ media: 'print' });
    await expect(calc.printHeader).toBeVisible();
    await expect(page.getByText(/^Prepared on \w+ \d{1,2}, \d{4}$/)).toBeVisible();
    await expect(page.getByText('sales@northwind.example · +1 555 0100 · https://northwind.example', { exact: true })).toBeVisible();
    await expect(calc.business).toBeHidden();
    await expect(calc.questions).toBeHidden();
    await expect(calc.users).toBeHidden();
    for (const name of PLAN_NAMES) {
      await expect(calc.planCard(name)).toBeVisible();
    }
    await expect(calc.recommendedBadge(calc.planCard('Priority'))).toBeVisible();
    await expect(calc.compareTable).toBeVisible();
    await expect(calc.compareCells('Total')).toHaveText(['$46,500.00', '$114,915.00']);
    await expect(calc.fitBand('Strong fit')).toBeVisible();
    await expect(calc.shareButton).toBeHidden();
    await expect(calc.summaryBar).toBeHidden();

    await page.emulateMedia({ media: 'screen' });
    await expect(calc.users).toBeVisible();
    await expect(calc.printHeader).toBeHidden();
  });

  // Letter is what page.pdf uses by default (and what an en-US printer has); A4 is the rest of
  // the world's paper.
  for (const format of ['Letter', 'A4'] as const) {
    test(`the ${format} PDF of a completed estimate has at most 2 pages`, async ({ calc, page }, testInfo) => {
      await calc.goto();
      await strongFitJourney(calc);
      const pdf = await page.pdf({ format, printBackground: true });
      await testInfo.attach(`estimate-${format}.pdf`, { body: pdf, contentType: 'application/pdf' });
      const text = pdf.toString('latin1');
      expect(text.startsWith('%PDF-')).toBe(true);
      // Page objects, not the /Pages tree.
      const pages = (text.match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
      expect(pages).toBeGreaterThanOrEqual(1);
      expect(pages, `the estimate prints on ${pages} ${format} pages`).toBeLessThanOrEqual(2);
    });
  }

  test('the printed estimate includes the "How is this calculated?" steps', async ({ calc, page }) => {
    await calc.goto();
    await strongFitJourney(calc);
    await page.emulateMedia({ media: 'print' });
    // styles/contract-fit.css means to print the steps (`.cf-explain > :not(summary)` in @media print).
    await expect(calc.explainSteps).toHaveCount(5);
    await expect(calc.explainSteps.first()).toContainText('= 188 hours a year');
    await expect(calc.explainSteps.first()).toBeVisible();
  });

  test('"Print or save as PDF" opens the print dialog', async ({ calc, page }) => {
    await page.addInitScript(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => {
        (window as unknown as { printed: number }).printed += 1;
      };
    });
    await calc.goto();
    await calc.printButton.click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  });
});

test.describe('keyboard', () => {
  test('Tab reaches the first field and typing changes the prices', async ({ calc, page }) => {
    await calc.goto();
    await calc.expectMonthlyPrices(DEFAULT_PRICES);
    await page.keyboard.press('Tab');
    await expect(calc.users).toBeFocused();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('30');
    await expect(calc.users).toHaveValue('30');
    await calc.expectMonthlyPrices({ Essential: '$2,700.00', Priority: '$3,650.00', Premium: '$4,775.00' });

    await page.keyboard.press('Tab');
    await expect(calc.computers).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(calc.servers).toBeFocused();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('3');
    await calc.expectMonthlyPrices({ Essential: '$3,000.00', Priority: '$4,050.00', Premium: '$5,325.00' });

    // The checkbox and the select work from the keyboard too.
    await page.keyboard.press('Tab');
    await expect(calc.existingClient).toBeFocused();
    await page.keyboard.press('Space');
    await expect(calc.existingClient).toBeChecked();
    await calc.expectMonthlyPrices({ Essential: '$2,850.00', Priority: '$3,847.50', Premium: '$5,058.75' });
  });

  test('fit questions are operable with the arrow keys', async ({ calc, page }) => {
    await calc.goto();
    const group = calc.question('How do you see your IT support?');
    const radios = group.getByRole('radio');
    // Tab from the response time (the last field before the questions) into the first group.
    await calc.response.focus();
    await page.keyboard.press('Tab');
    await expect(radios.first()).toBeFocused();
    await page.keyboard.press('Space');
    await expect(radios.first()).toBeChecked();
    await expect(calc.fitProgress).toHaveText(calc.progressText(1));

    await page.keyboard.press('ArrowDown');
    await expect(radios.nth(1)).toBeFocused();
    await expect(radios.nth(1)).toBeChecked();
    await expect(radios.first()).not.toBeChecked();
    await page.keyboard.press('ArrowDown');
    await expect(radios.nth(2)).toBeChecked();
    await page.keyboard.press('ArrowUp');
    await expect(radios.nth(1)).toBeChecked();
    // Changing an answer is still one question answered, and still no verdict.
    await expect(calc.fitProgress).toHaveText(calc.progressText(1));
    await expect(calc.reasonsHeading('against')).toHaveCount(0);

    // Tab leaves the group for the next question.
    await page.keyboard.press('Tab');
    await expect(calc.question('How much would you hand over to an outside IT team?').getByRole('radio').first()).toBeFocused();
  });

  test('a focused field shows a visible outline', async ({ calc, page }) => {
    const outlineOfFocused = () =>
      page.evaluate(() => {
        const s = getComputedStyle(document.activeElement as Element);
        return { style: s.outlineStyle, width: parseFloat(s.outlineWidth), color: s.outlineColor };
      });
    await calc.goto();
    await page.keyboard.press('Tab');
    await expect(calc.users).toBeFocused();
    // The widget's own ring (3px), not just the browser's 1px default.
    const field = await outlineOfFocused();
    expect(field.style).not.toBe('none');
    expect(field.width).toBeGreaterThanOrEqual(2);
    expect(field.color).not.toBe('rgba(0, 0, 0, 0)');

    await calc.response.focus();
    await page.keyboard.press('Tab');
    await expect(calc.question('How do you see your IT support?').getByRole('radio').first()).toBeFocused();
    const radio = await outlineOfFocused();
    expect(radio.style).not.toBe('none');
    expect(radio.width).toBeGreaterThanOrEqual(2);
  });
});

test.describe('screenshots', () => {
  for (const width of [375, 1280]) {
    test(`a completed journey at ${width} px`, async ({ calc, page }, testInfo) => {
      await page.setViewportSize({ width, height: 800 });
      await calc.goto();
      await strongFitJourney(calc);
      await expect(calc.chartImage).toBeVisible();
      // From the top, so the sticky results pane is drawn beside the questions it answers.
      await page.evaluate(() => window.scrollTo(0, 0));
      const file = testInfo.outputPath(`strong-fit-${width}px.png`);
      await page.screenshot({ path: file, fullPage: true });
      await testInfo.attach(`strong-fit-${width}px`, { path: file, contentType: 'image/png' });
      // The page must not scroll sideways at this width.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    });
  }
});

test.describe('console', () => {
  test('a complete journey logs no console error', async ({ calc, page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const errors = collectErrors(page);
    await calc.goto();
    await strongFitJourney(calc);
    await calc.existingClient.check();
    await calc.downtime.fill('abc');
    await calc.downtime.fill('300');
    await calc.users.fill('');
    await calc.users.fill('25');
    await calc.pickComparePlan('Premium');
    await calc.chartTableToggle.click();
    await calc.explainToggle.click();
    await calc.copyButton.click();
    await expect(calc.statusMessage('Summary copied to the clipboard.')).toBeVisible();
    await calc.shareButton.click();
    await expect(calc.shareLinkField).toBeVisible();
    await page.setViewportSize({ width: 375, height: 800 });
    await expect(calc.chartImage).toBeVisible();
    await calc.startOverButton.click();
    await expect(calc.statusMessage('Your answers were cleared.')).toBeVisible();
    await page.reload();
    await calc.waitUntilReady();
    expect(errors).toEqual([]);
  });
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 375, height: 800 }, hasTouch: true, isMobile: true });

  test('a prospect completes the strong-fit journey in under two minutes', async ({ calc, page }) => {
    // The journey must fit in the time a prospect would give it: the test fails if it takes
    // longer than two minutes.
    test.setTimeout(120_000);
    await calc.goto();
    for (const [field, value] of [
      [calc.users, '20'],
      [calc.computers, '22'],
      [calc.servers, '2'],
    ] as const) {
      await field.tap();
      await field.press('ControlOrMeta+A');
      await field.pressSequentially(value);
    }
    for (const group of await calc.questionGroups.all()) {
      await group.getByRole('radio').first().tap();
    }
    await calc.chooseResponse('Within 4 hours');
    await calc.recommendation.scrollIntoViewIfNeeded();
    await expect(calc.fitBand('Strong fit')).toBeVisible();
    await expect(calc.recommendation.getByText('Priority plan', { exact: true })).toBeVisible();
    await calc.expectMonthlyPrices(WORKED_PRICES);
    await calc.emailLink.scrollIntoViewIfNeeded();
    await expect(calc.emailLink).toBeVisible();
  });
});
