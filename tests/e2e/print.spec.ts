import { test, expect, type Page } from '@playwright/test';
import { CalculatorPage } from './pages/calculator';
import { pdfPageCount, pdfText } from './pages/pdf';
import { EXISTING_CLIENT, describeBusiness, screenshot } from './pages/prospects';

// The printed quote, as page.pdf() makes it on A4 and Letter paper from a desktop and from a phone
// window: the company's name, email, phone and website, the estimate's story, at most two pages;
// and in print media no breakdown amount spills out of its plan card and the recommendation box
// is only as tall as its content. (The PDF's text is read back with pages/pdf.ts.)
//

test.describe.configure({ mode: 'parallel' });

/** The width in CSS pixels that Chromium lays a page out at: the paper less 0.4 in margins. */
const PRINTABLE = { A4: Math.floor((210 / 25.4) * 96 - 2 * 0.4 * 96), Letter: Math.floor(8.5 * 96 - 2 * 0.4 * 96) };

/** The existing client of 25 people, every question answered: the longest breakdown lines. */
async function completedEstimate(calc: CalculatorPage): Promise<void> {
  await calc.goto();
  await describeBusiness(calc, EXISTING_CLIENT);
  for (const [question, option] of EXISTING_CLIENT.answers) await calc.answer(question, option);
  await expect(calc.fitBand(EXISTING_CLIENT.band)).toBeVisible();
}

const squash = (s: string) => s.replace(/\s+/g, ' ');

/** In print media at the current width: what spills, and how much taller than its content the recommendation is. */
async function printBoxes(page: Page) {
  return page.evaluate(() => {
    const shown = (el: Element) => el.getClientRects().length > 0;
    const spills: string[] = [];
    // Every amount and label of a plan card (the breakdown's terms and amounts, the prices).
    for (const el of Array.from(document.querySelectorAll('.cf-plan dd, .cf-plan dt, .cf-plan__price, .cf-plan__annual'))) {
      if (!shown(el)) continue;
      const card = el.closest('.cf-plan')!.getBoundingClientRect();
      const box = el.getBoundingClientRect();
      if (box.right > card.right + 0.5 || box.left < card.left - 0.5 || el.scrollWidth > el.clientWidth + 1) {
        spills.push(`${el.textContent} at ${box.left.toFixed(1)}–${box.right.toFixed(1)}, card ${card.left.toFixed(1)}–${card.right.toFixed(1)}`);
      }
    }
    const rec = document.querySelector('.cf-recommend')!;
    const cs = getComputedStyle(rec);
    const content = Math.max(
      ...Array.from(rec.children)
        .filter(shown)
        .map((c) => c.getBoundingClientRect().bottom + parseFloat(getComputedStyle(c).marginBottom)),
    );
    const extra = rec.getBoundingClientRect().bottom - parseFloat(cs.borderBottomWidth) - parseFloat(cs.paddingBottom) - content;
    return { lines: document.querySelectorAll('.cf-breakdown__line dd').length, spills, extra };
  });
}

for (const format of ['A4', 'Letter'] as const) {
  test(`${format}: the PDF carries the company's contact details, and is the same from 1280 and 375 px windows`, async ({ page }, testInfo) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    const calc = new CalculatorPage(page);
    await completedEstimate(calc);

    const texts: string[] = [];
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: width === 375 ? 800 : 900 });
      const pdf = await page.pdf({ format, printBackground: true });
      await testInfo.attach(`estimate-${format}-${width}px.pdf`, { body: pdf, contentType: 'application/pdf' });
      const pages = pdfPageCount(pdf);
      expect(pages, `${format} from ${width} px: pages`).toBeGreaterThanOrEqual(1);
      expect(pages, `${format} from ${width} px: pages`).toBeLessThanOrEqual(2);

      const text = squash(pdfText(pdf));
      texts.push(text);
      for (const contact of ['Estimate from Northwind IT', 'sales@northwind.example', '+1 555 0100', 'https://northwind.example']) {
        expect(text, `${format} from ${width} px: ${contact}`).toContain(contact);
      }
      expect(text).toMatch(/Prepared on \w+ \d{1,2}, \d{4}/);
      expect(text).toContain('Business: 25 people, 25 computers and 2 servers.');
      expect(text).toContain('Possible fit');
      expect(text).toContain('Essential plan');
      expect(text).toContain('Existing-client discount (5%)');
      expect(text).toContain(squash(EXISTING_CLIENT.story.labour));
      expect(text).toContain(squash(EXISTING_CLIENT.story.total));
      // A quote, not a form: no questions and no buttons.
      expect(text).not.toContain('How do you see your IT support?');
      expect(text).not.toContain('Copy summary');
    }
    expect(texts[1], 'the phone window prints the same quote').toBe(texts[0]);
  });

  test(`${format}: in print media the breakdown amounts stay in their cards and the recommendation fits its content`, async ({ page }, testInfo) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    const calc = new CalculatorPage(page);
    await completedEstimate(calc);
    await page.emulateMedia({ media: 'print' });
    // Laid out at the paper's printable width, as Chromium prints whatever the window's width
    // (the PDF test above shows a 375 px window prints the same quote as a 1280 px one).
    const width = PRINTABLE[format];
    await page.setViewportSize({ width, height: 1000 });
    await expect(calc.printHeader).toBeVisible();
    const boxes = await printBoxes(page);
    // Three plans, each with its priced parts, the price before the discount, the discount and the total.
    expect(boxes.lines, 'breakdown lines').toBe(15);
    expect(boxes.spills, `${width} px: amounts spilling out of their card`).toEqual([]);
    expect(boxes.extra, `${width} px: empty space at the bottom of the recommendation`).toBeLessThanOrEqual(2);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), 'nothing runs off the page').toBeLessThanOrEqual(width);
    await screenshot(page, testInfo, `print-${format}-${width}px`);
  });
}

test('in print, no heading stands alone without the content it introduces', async ({ page }, testInfo) => {
  const calc = new CalculatorPage(page);
  await completedEstimate(calc);
  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize({ width: PRINTABLE.A4, height: 1000 });
  await screenshot(page, testInfo, 'print-orphan-headings');
  const orphans = await page.evaluate(() =>
    Array.from(document.querySelectorAll('.cf-widget h1, .cf-widget h2, .cf-widget h3, .cf-widget h4'))
      .filter((h) => h.getClientRects().length > 0 && !h.classList.contains('cf-visually-hidden'))
      .filter((h) => {
        const rest = (h.parentElement as HTMLElement).innerText.replace((h as HTMLElement).innerText, '').trim();
        return rest === '';
      })
      .map((h) => (h as HTMLElement).innerText),
  );
  expect(orphans).toEqual([]);
});
