import { test, expect } from '@playwright/test';
import { CalculatorPage, PLAN_NAMES, WORKED_EXAMPLE, parseMoney } from './pages/calculator';
import { BREAK_FIX_SHOP, DENTAL_OFFICE, EXISTING_CLIENT, expectNoContradiction, parseStory, type Sizes } from './pages/prospects';

// On screen, no saving sentence contradicts a break-even sentence or the chart, for any plan:
// "costs less on support work alone" exactly when the expected hours are above the labour
// break-even, "you save" exactly when they are above the break-even counting downtime, the
// chart's marker on each basis sits at the break-even the sentence quotes, and the amounts are
// the differences the comparison table shows.

test.describe.configure({ mode: 'parallel' });

interface Case {
  id: string;
  sizes: Sizes;
  existingClient?: boolean;
  /** The prospect's own cost of an hour of downtime ('' for the estimate). */
  downtime?: string;
  widths: number[];
  /** Each plan's direction on support work alone and counting downtime, as the sentences say. */
  directions: string[];
}

const USUAL = ['Essential: labour less, total less', 'Priority: labour more, total less', 'Premium: labour more, total less'];

const CASES: Case[] = [
  { id: 'worked-example', sizes: WORKED_EXAMPLE, widths: [375, 1280], directions: USUAL },
  { id: 'dental-office', sizes: DENTAL_OFFICE.sizes, widths: [1280], directions: USUAL },
  // Every plan dearer on both bases: the minimums outweigh three people's support.
  {
    id: 'break-fix-shop',
    sizes: BREAK_FIX_SHOP.sizes,
    widths: [375],
    directions: ['Essential: labour more, total more', 'Priority: labour more, total more', 'Premium: labour more, total more'],
  },
  // A cheap hour of downtime: the break-even counting downtime comes close to the expected hours
  // (Premium: 212.9 against 224).
  { id: 'existing-client-cheap-downtime', sizes: EXISTING_CLIENT.sizes, existingClient: true, downtime: '40', widths: [1280], directions: USUAL },
  // A costly hour of downtime for a large office.
  { id: 'large-office-costly-downtime', sizes: { users: '180', computers: '200', servers: '6' }, downtime: '2500', widths: [1280], directions: USUAL },
];

/** Whole currency units, the way the sentences round ("about $2,085"). */
const whole = (x: number) => Math.round(x);

for (const c of CASES) {
  for (const width of c.widths) {
    test(`${c.id} at ${width} px: every plan's savings agree with its break-evens and the chart`, async ({ page }, testInfo) => {
      await page.setViewportSize({ width, height: 900 });
      const calc = new CalculatorPage(page);
      await calc.goto();
      await calc.fillSizes(c.sizes);
      if (c.existingClient) await calc.existingClient.check();
      if (c.downtime) {
        await calc.downtime.fill(c.downtime);
        await expect(calc.compare.getByText(/^We use your figure:/)).toBeVisible();
      }

      // The chart's markers on both bases, by plan.
      await expect(calc.chartBasis('Counting downtime')).toBeChecked();
      const totalMarkers = await calc.chartMarkers();
      await calc.pickChartBasis('Support work only');
      await expect(calc.chart.getByText(/^Yearly cost of support work alone/)).toBeVisible();
      const labourMarkers = await calc.chartMarkers();
      await calc.pickChartBasis('Counting downtime');
      await expect(calc.chart.getByText(/^Yearly cost of each plan and of paying per job, counting the downtime/)).toBeVisible();

      const directions: string[] = [];
      for (const plan of PLAN_NAMES) {
        await calc.pickComparePlan(plan);
        await expect(calc.compareTable.getByRole('columnheader').nth(1)).toHaveText(`${plan} contract`);
        await expect(calc.storySentence('labour')).toContainText(`the ${plan} plan`);
        const story = parseStory(await calc.moneyStory());
        const what = `${c.id}, ${plan}`;
        expectNoContradiction(story, what);

        // The chart marks the break-even each sentence quotes, to the one decimal shown.
        const marker = (m: string | null | undefined) => (m == null ? null : Number(m));
        expect(marker(totalMarkers[plan]), `${what}: marker counting downtime`).toBe(story.totalBreakEven);
        expect(marker(labourMarkers[plan]), `${what}: marker on support work only`).toBe(story.labourBreakEven);

        // The amounts are the table's differences, in whole units.
        const [planLabour, paygLabour] = (await calc.compareCells('IT support').allTextContents()).map(parseMoney);
        const [planTotal, paygTotal] = (await calc.compareCells('Total').allTextContents()).map(parseMoney);
        const labourSaving = paygLabour - planLabour;
        const totalSaving = paygTotal - planTotal;
        if (story.labour.kind !== 'same') {
          expect(story.labour.kind, `${what}: labour direction from the table`).toBe(labourSaving > 0 ? 'less' : 'more');
          expect(story.labour.amount, `${what}: labour amount from the table`).toBe(whole(Math.abs(labourSaving)));
        } else {
          expect(Math.abs(labourSaving)).toBeLessThan(1);
        }
        if (story.total.kind !== 'same') {
          expect(story.total.kind, `${what}: total direction from the table`).toBe(totalSaving > 0 ? 'less' : 'more');
          expect(story.total.amount, `${what}: total amount from the table`).toBe(whole(Math.abs(totalSaving)));
        } else {
          expect(Math.abs(totalSaving)).toBeLessThan(1);
        }
        directions.push(`${plan}: labour ${story.labour.kind}, total ${story.total.kind}`);
      }
      expect(directions, `${c.id}: which way each plan's savings go`).toEqual(c.directions);

      const file = testInfo.outputPath(`money-story-${c.id}-${width}px.png`);
      await calc.compare.screenshot({ path: file });
      await testInfo.attach(`money-story-${c.id}-${width}px`, { path: file, contentType: 'image/png' });
    });
  }
}

test('the cases reach both directions on both bases', () => {
  // The checks above must not pass by only ever seeing "you save": across the cases (each checked
  // against what the page says), some plan is cheaper and some dearer on each basis.
  const seen = new Set(CASES.flatMap((c) => c.directions.flatMap((d) => d.split(': ')[1].split(', '))));
  expect([...seen].sort()).toEqual(['labour less', 'labour more', 'total less', 'total more']);
});
