import { expect, type Locator, type Page } from '@playwright/test';

/** The three plans of config/default.json, in the order the widget shows them. */
export const PLAN_NAMES = ['Essential', 'Priority', 'Premium'] as const;
export type PlanName = (typeof PLAN_NAMES)[number];

/** The key the widget saves its answers under (src/ui/browser.rs + the widget's storage key). */
export const STORAGE_KEY = 'contract-fit:v1:answers';

/** Monthly prices for the starting answers (10 people, 10 computers, 1 server). */
export const DEFAULT_PRICES: Record<PlanName, string> = {
  Essential: '$1,000.00',
  Priority: '$1,350.00',
  Premium: '$1,775.00',
};

/** The worked example: 20 people, 22 computers, 2 servers (see the model tests). */
export const WORKED_EXAMPLE = { users: '20', computers: '22', servers: '2' };
export const WORKED_PRICES: Record<PlanName, string> = {
  Essential: '$2,000.00',
  Priority: '$2,700.00',
  Premium: '$3,550.00',
};

/** Escapes text for use inside a RegExp. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The verdict words of config/default.json: none of them may show before there is a verdict. */
export const VERDICT_WORDS = /Strong fit|Possible fit|Not a fit yet|Fit score \d+|\d+\/100/;

/** Parses an amount as the widget writes it in en-US ("$24,300", "−$100.00") into a number. */
export function parseMoney(text: string): number {
  const m = text.match(/([-−]?)\$([\d,]+(?:\.\d+)?)/);
  if (!m) throw new Error(`no amount in ${JSON.stringify(text)}`);
  return (m[1] ? -1 : 1) * Number(m[2].replace(/,/g, ''));
}

/** The money sentences for one plan, as shown in the comparison. */
export interface MoneyStory {
  labour: string;
  labourBreakEven: string;
  total: string;
  totalBreakEven: string;
}

/**
 * The calculator as a prospect sees it. Every locator goes through the accessibility tree
 * (role, label or visible text), so a test breaks when a control loses its label or role,
 * not when a class name changes. The exceptions have no accessible role of their own: the
 * chart's marks are decorative (aria-hidden) and are found inside the chart image by element;
 * the four money sentences of the comparison are plain paragraphs told apart by their class
 * (`cf-story__*`); the screen-reader announcement is the `aria-live` paragraph `.cf-live`.
 */
export class CalculatorPage {
  readonly page: Page;

  // --- the questions ---------------------------------------------------------------------
  readonly title: Locator;
  readonly business: Locator;
  readonly users: Locator;
  readonly computers: Locator;
  readonly servers: Locator;
  readonly existingClient: Locator;
  readonly response: Locator;
  /** "What does an hour of downtime cost you? (optional)", in the comparison section. */
  readonly downtime: Locator;
  readonly questions: Locator;
  /** One radio group (fieldset) per fit question. */
  readonly questionGroups: Locator;
  /** "Showing the results for 20 people, 22 computers and 2 servers — fix the highlighted field." */
  readonly keptNotice: Locator;

  // --- the results -------------------------------------------------------------------------
  /** The visually hidden "Your results" heading the summary bar's button moves focus to. */
  readonly resultsHeading: Locator;
  /** The compact summary a phone keeps in view while the prospect answers. */
  readonly summaryBar: Locator;
  readonly seeResultsButton: Locator;
  readonly fit: Locator;
  /** "3 of 6 answered — 3 more to see whether a contract suits you." */
  readonly fitProgress: Locator;
  readonly recommendation: Locator;
  /** "Compare with paying per job", the in-page link of the recommendation card. */
  readonly compareLink: Locator;
  readonly plans: Locator;
  readonly compare: Locator;
  readonly compareHeading: Locator;
  readonly compareTable: Locator;
  readonly workMix: Locator;
  readonly chart: Locator;
  readonly chartImage: Locator;
  readonly chartTableToggle: Locator;
  readonly chartTable: Locator;
  readonly explainToggle: Locator;
  /** The steps inside "How is this calculated?", found even while the disclosure is closed. */
  readonly explainSteps: Locator;
  /** What a screen reader hears after each change (the polite live region). */
  readonly live: Locator;

  // --- next step ---------------------------------------------------------------------------
  readonly nextStep: Locator;
  readonly emailLink: Locator;
  readonly copyButton: Locator;
  readonly printButton: Locator;
  readonly shareButton: Locator;
  readonly startOverButton: Locator;
  readonly undoButton: Locator;
  readonly shareLinkField: Locator;
  readonly summaryFallback: Locator;
  /** "Fix the highlighted field first: until then there is nothing to send." */
  readonly nothingToSend: Locator;
  readonly printHeader: Locator;

  constructor(page: Page) {
    this.page = page;
    this.title = page.getByRole('heading', { level: 1, name: 'Is an IT service contract right for you?' });

    this.business = page.getByRole('region', { name: 'About your business' });
    this.users = page.getByRole('textbox', { name: 'People who use computers', exact: true });
    this.computers = page.getByRole('textbox', { name: 'Computers', exact: true });
    this.servers = page.getByRole('textbox', { name: 'Servers', exact: true });
    this.existingClient = page.getByRole('checkbox', { name: 'We already work with Northwind IT' });
    this.response = page.getByRole('combobox', { name: 'When something breaks, how fast must someone respond?' });
    this.downtime = page.getByRole('textbox', { name: 'What does an hour of downtime cost you? (optional)' });
    this.questions = page.getByRole('region', { name: 'How you work' });
    this.questionGroups = this.questions.getByRole('group');
    this.keptNotice = page.getByRole('status').filter({ hasText: /^Showing the results for .+ — fix the highlighted field\.$/ });

    this.resultsHeading = page.getByRole('heading', { name: 'Your results', exact: true });
    this.summaryBar = page.getByRole('complementary', { name: 'Your estimate so far' });
    this.seeResultsButton = this.summaryBar.getByRole('button', { name: 'See your results' });
    this.fit = page.getByRole('region', { name: 'How well a contract fits' });
    this.fitProgress = this.fit.getByText(/^\d+ of \d+ answered — \d+ more to see whether a contract suits you\.$/);
    this.recommendation = page.getByRole('region', { name: 'Our recommendation' });
    this.compareLink = this.recommendation.getByRole('button', { name: 'Compare with paying per job' });
    this.plans = page.getByRole('region', { name: 'Plans for your business' });
    this.compare = page.getByRole('region', { name: 'A contract compared with paying per job' });
    this.compareHeading = this.compare.getByRole('heading', { name: 'A contract compared with paying per job' });
    this.compareTable = this.compare.getByRole('table');
    this.workMix = page.getByRole('region', { name: 'Where the work goes' });
    this.chart = page.getByRole('region', { name: 'Cost against support hours' });
    this.chartImage = this.chart.getByRole('img', { name: 'Cost against support hours' });
    this.chartTableToggle = this.chart.getByText('Show the chart as a table', { exact: true });
    this.chartTable = this.chart.getByRole('table');
    this.explainToggle = page.getByText('How is this calculated?', { exact: true });
    this.explainSteps = page
      .getByRole('group')
      .filter({ has: this.explainToggle })
      .getByRole('listitem', { includeHidden: true });
    this.live = page.locator('.cf-live[aria-live="polite"]');

    this.nextStep = page.getByRole('region', { name: 'Next step' });
    this.emailLink = this.nextStep.getByRole('link', { name: 'Email this estimate to Northwind IT' });
    this.copyButton = this.nextStep.getByRole('button', { name: 'Copy summary' });
    this.printButton = this.nextStep.getByRole('button', { name: 'Print or save as PDF' });
    this.shareButton = this.nextStep.getByRole('button', { name: 'Share link' });
    this.startOverButton = this.nextStep.getByRole('button', { name: 'Start over' });
    this.undoButton = this.nextStep.getByRole('button', { name: 'Undo', exact: true });
    this.shareLinkField = this.nextStep.getByRole('textbox', { name: 'Link to these results' });
    this.summaryFallback = this.nextStep.getByRole('textbox', { name: 'Copy summary' });
    this.nothingToSend = this.nextStep.getByText('Fix the highlighted field first: until then there is nothing to send.', {
      exact: true,
    });
    this.printHeader = page.getByText('Estimate from Northwind IT');
  }

  /** Opens the calculator (optionally at a path with a shared fragment) and waits for it to run. */
  async goto(path = '/'): Promise<void> {
    await this.page.goto(path);
    await this.waitUntilReady();
  }

  /** Waits until the WebAssembly app has replaced the loading message with the form. */
  async waitUntilReady(): Promise<void> {
    await expect(this.title).toBeVisible();
    await expect(this.users).toBeVisible();
    await expect(this.page.getByText('Loading the calculator…')).toHaveCount(0);
  }

  /** Types the size of the business into the three count fields. */
  async fillSizes(sizes: { users: string; computers: string; servers: string } = WORKED_EXAMPLE): Promise<void> {
    await this.users.fill(sizes.users);
    await this.computers.fill(sizes.computers);
    await this.servers.fill(sizes.servers);
  }

  /** Picks a response time by its visible label, e.g. "Within 4 hours". */
  async chooseResponse(label: string): Promise<void> {
    await this.response.selectOption({ label });
  }

  /** The radio group of the fit question with this text. */
  question(text: string): Locator {
    return this.questions.getByRole('group', { name: text, exact: true });
  }

  /** Answers one fit question with the option of this label. */
  async answer(question: string, option: string): Promise<void> {
    const radio = this.question(question).getByRole('radio', { name: option, exact: true });
    await radio.check();
    await expect(radio).toBeChecked();
  }

  /** Answers the fit question at `index` (0-based, in the order shown) with its first or last option. */
  async answerQuestion(index: number, which: 'first' | 'last' = 'first'): Promise<void> {
    const radios = this.questionGroups.nth(index).getByRole('radio');
    const radio = which === 'first' ? radios.first() : radios.last();
    await radio.check();
    await expect(radio).toBeChecked();
  }

  /** Answers every fit question with its first or last option; returns the labels picked. */
  async answerEveryQuestion(which: 'first' | 'last'): Promise<string[]> {
    const groups = await this.questionGroups.all();
    expect(groups.length, 'the default config asks six fit questions').toBe(6);
    const picked: string[] = [];
    for (const group of groups) {
      const radios = group.getByRole('radio');
      const radio = which === 'first' ? radios.first() : radios.last();
      await radio.check();
      await expect(radio).toBeChecked();
      picked.push(await radio.evaluate((el) => (el as HTMLInputElement).labels?.[0]?.textContent ?? ''));
    }
    return picked;
  }

  /** The label of the checked option of every fit question (null when unanswered), in order. */
  async checkedAnswers(): Promise<(string | null)[]> {
    const answers: (string | null)[] = [];
    for (const group of await this.questionGroups.all()) {
      const checked = group.getByRole('radio', { checked: true });
      answers.push(
        (await checked.count()) === 0
          ? null
          : await checked.evaluate((el) => (el as HTMLInputElement).labels?.[0]?.textContent ?? ''),
      );
    }
    return answers;
  }

  /** The fit verdict ("Strong fit", "Possible fit", "Not a fit yet"). */
  fitBand(label: string): Locator {
    return this.fit.getByText(label, { exact: true });
  }

  /** The fit score line, "Fit score 94 out of 100". */
  get fitScore(): Locator {
    return this.fit.getByText(/^Fit score \d+ out of 100$/);
  }

  /** The progress line for `answered` of 6 questions. */
  progressText(answered: number, total = 6, needed = total): string {
    return `${answered} of ${total} answered — ${needed - answered} more to see whether a contract suits you.`;
  }

  /** The items of the reasons list for ("What speaks for a contract") or against a contract. */
  reasons(kind: 'for' | 'against'): Locator {
    return this.reasonsHeading(kind).locator('xpath=following-sibling::ul[1]').getByRole('listitem');
  }

  /** The heading that introduces a reasons list. */
  reasonsHeading(kind: 'for' | 'against'): Locator {
    const name = kind === 'for' ? 'What speaks for a contract' : 'What speaks against it';
    return this.fit.getByRole('heading', { name, exact: true });
  }

  /** A plan's card in "Plans for your business". */
  planCard(name: PlanName): Locator {
    return this.plans.getByRole('listitem', { name, exact: true });
  }

  /** The "Recommended" badge, wherever it is inside `scope` (a plan card or all plans). */
  recommendedBadge(scope: Locator = this.plans): Locator {
    return scope.getByText('Recommended', { exact: true });
  }

  /** A plan's monthly price line, "$2,000.00 per month". */
  planMonthly(name: PlanName): Locator {
    return this.planCard(name).getByRole('paragraph').filter({ hasText: /per month$/ });
  }

  /** A plan's yearly price line, "$24,000.00 a year". */
  planAnnual(name: PlanName): Locator {
    return this.planCard(name).getByRole('paragraph').filter({ hasText: /a year$/ });
  }

  /** One term of a plan's price breakdown ("Existing-client discount (5%)"). */
  breakdownTerm(name: PlanName, label: string | RegExp): Locator {
    return this.planCard(name).getByRole('term').filter({ hasText: label });
  }

  /** The amount next to a breakdown term (the `dd` after the `dt`). */
  breakdownAmount(name: PlanName, label: string | RegExp): Locator {
    return this.breakdownTerm(name, label).locator('xpath=following-sibling::*[1]');
  }

  /** Asserts every plan's monthly price. */
  async expectMonthlyPrices(prices: Record<PlanName, string>): Promise<void> {
    for (const name of PLAN_NAMES) {
      await expect(this.planMonthly(name), `${name} monthly price`).toHaveText(`${prices[name]} per month`);
    }
  }

  /** A row of the comparison table, by its row header ("IT support", "Total"…). */
  compareRow(header: string): Locator {
    return this.compareTable
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: header, exact: true }) });
  }

  /** The two data cells (contract, pay as you go) of a comparison row. */
  compareCells(header: string): Locator {
    return this.compareRow(header).getByRole('cell');
  }

  /** The radio that picks which plan the comparison shows. */
  comparePlan(name: PlanName | string): Locator {
    return this.compare.getByRole('group', { name: 'Compare with plan' }).getByRole('radio', { name, exact: true });
  }

  /**
   * Picks the plan the comparison shows by clicking its pill, as a prospect does. (The radio
   * itself is a 1-pixel transparent input under the pill's label, which a click at the very edge
   * of the window does not reach.)
   */
  async pickComparePlan(name: PlanName | string): Promise<void> {
    await this.compare.getByRole('group', { name: 'Compare with plan' }).getByText(name, { exact: true }).click();
    await expect(this.comparePlan(name)).toBeChecked();
  }

  /** Picks what the chart counts by clicking its pill. */
  async pickChartBasis(name: 'Counting downtime' | 'Support work only'): Promise<void> {
    await this.chart.getByRole('group', { name: 'Show' }).getByText(name, { exact: true }).click();
    await expect(this.chartBasis(name)).toBeChecked();
  }

  /** One of the comparison's four money sentences (see the class comment). */
  storySentence(which: 'labour' | 'labour-break-even' | 'total' | 'total-break-even'): Locator {
    return this.compare.locator(`.cf-story__${which}`);
  }

  /** The four money sentences for the plan the comparison shows. */
  async moneyStory(): Promise<MoneyStory> {
    const text = async (which: Parameters<CalculatorPage['storySentence']>[0]) =>
      ((await this.storySentence(which).textContent()) ?? '').trim();
    return {
      labour: await text('labour'),
      labourBreakEven: await text('labour-break-even'),
      total: await text('total'),
      totalBreakEven: await text('total-break-even'),
    };
  }

  /** The radio that picks what the chart counts: "Counting downtime" or "Support work only". */
  chartBasis(name: 'Counting downtime' | 'Support work only'): Locator {
    return this.chart.getByRole('group', { name: 'Show' }).getByRole('radio', { name, exact: true });
  }

  /** A row of the chart's table equivalent, by its header ("Essential", "Pay as you go"). */
  chartTableRow(header: string): Locator {
    return this.chartTable
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: header, exact: true }) });
  }

  /** The break-even marks drawn on the chart (decorative, so found by element, see above). */
  get chartBreakEvenPoints(): Locator {
    return this.chartImage.locator('circle');
  }

  /** Each plan's break-even mark on the chart as its `data-hours`, by plan name (null: no mark). */
  async chartMarkers(): Promise<Record<string, string | null>> {
    return this.chartImage.evaluate((svg) => {
      const out: Record<string, string | null> = {};
      for (const g of Array.from(svg.querySelectorAll('g.cf-chart__series'))) {
        const name = g.querySelector('.cf-chart__label')?.textContent;
        if (name) out[name] = g.querySelector('circle')?.getAttribute('data-hours') ?? null;
      }
      return out;
    });
  }

  /** The error message under a field, found through the field's aria-describedby. */
  async describedByTexts(field: Locator): Promise<string[]> {
    const ids = ((await field.getAttribute('aria-describedby')) ?? '').split(/\s+/).filter(Boolean);
    const texts: string[] = [];
    for (const id of ids) {
      const node = this.page.locator(`[id="${id}"]`);
      await expect(node, `aria-describedby points at an existing element #${id}`).toHaveCount(1);
      texts.push(((await node.textContent()) ?? '').trim());
    }
    return texts;
  }

  /** A status message shown (and spoken) after an action. */
  statusMessage(text: string): Locator {
    return this.page.getByRole('status').filter({ hasText: text });
  }

  /** The widget's saved answers, or null. */
  async savedAnswers(): Promise<string | null> {
    return this.page.evaluate((key) => window.localStorage.getItem(key), STORAGE_KEY);
  }

  /** The body of the email link, decoded ('' when the link has no href). */
  async emailBody(): Promise<string> {
    const href = (await this.emailLink.getAttribute('href')) ?? '';
    if (!href) return '';
    return new URLSearchParams(href.slice(href.indexOf('?') + 1)).get('body') ?? '';
  }

  /** The element that has focus, looking through open shadow roots: its id, tag and text. */
  async focused(): Promise<{ id: string; tag: string; text: string } | null> {
    return this.page.evaluate(() => {
      let el: Element | null = document.activeElement;
      while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
      return el ? { id: el.id, tag: el.tagName.toLowerCase(), text: (el.textContent ?? '').trim() } : null;
    });
  }

  /** Everything the page shows as text plus every field's value, for "NaN"/"undefined" checks. */
  async visibleTextAndValues(): Promise<string> {
    return this.page.evaluate(() => {
      const values = Array.from(document.querySelectorAll('input, select, textarea')).map(
        (el) => (el as HTMLInputElement).value,
      );
      const attrs = Array.from(document.querySelectorAll('[aria-label], [href]')).map(
        (el) => `${el.getAttribute('aria-label') ?? ''} ${el.getAttribute('href') ?? ''}`,
      );
      return [document.body.innerText, document.body.textContent ?? '', ...values, ...attrs].join('\n');
    });
  }
}
