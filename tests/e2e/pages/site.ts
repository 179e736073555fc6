import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, type FrameLocator, type Locator, type Page, type TestInfo } from '@playwright/test';

// Helpers for the fixture consultancy website in tests/e2e/site/ (served at /site/) and for the
// widget wherever it is embedded there: as <div data-contract-fit>, inside <contract-fit>'s shadow
// root, or inside an iframe. Every lookup goes through a scope (the host element, the page or a
// frame), so two widgets on one page never answer for each other.

const REPO = path.resolve(__dirname, '..', '..', '..');

// --- words ------------------------------------------------------------------------------------

/** One entry of the TEXTS table in src/model/texts.rs. */
export interface TextDefault {
  key: string;
  /** The English default (the `other` form of a text with plural forms). */
  english: string;
  /** The English `one` form, for a text that counts something. */
  one?: string;
}

/** Every text key with its English default, read from src/model/texts.rs at test time. */
export function englishDefaults(): TextDefault[] {
  const source = readFileSync(path.join(REPO, 'src', 'model', 'texts.rs'), 'utf8');
  const table = source.slice(source.indexOf('texts! {'), source.indexOf('\n}\n', source.indexOf('texts! {')));
  const found: TextDefault[] = [];
  const str = '"((?:[^"\\\\]|\\\\.)*)"';
  const entry = new RegExp(`^\\s*\\w+\\s+"([a-z0-9_.]+)"\\s*=>\\s*${str}(?:\\s*,\\s*one\\s+${str})?`, 'gm');
  for (const m of table.matchAll(entry)) {
    const d: TextDefault = { key: m[1], english: JSON.parse(`"${m[2]}"`) as string };
    if (m[3] !== undefined) d.one = JSON.parse(`"${m[3]}"`) as string;
    found.push(d);
  }
  return found;
}

/**
 * The part of an English default that must never show in another language: the whole text, or
 * for a template with {placeholders} its longest literal fragment of 12 characters or more
 * (null when a template has no fragment that long).
 */
export function telltale(english: string): string | null {
  if (!/\{[a-z_]+\}/.test(english)) return english;
  const fragments = english
    .split(/\{[a-z_]+\}/)
    .map((f) => f.trim())
    .filter((f) => f.length >= 12)
    .sort((a, b) => b.length - a.length);
  return fragments[0] ?? null;
}

/** A consultancy's config as the widget loads it (dist/examples/NAME.json). */
export function exampleConfig(name: 'de-DE' | 'en-GB'): Config {
  return JSON.parse(readFileSync(path.join(REPO, 'dist', 'examples', `${name}.json`), 'utf8')) as Config;
}

/** The default config compiled into the widget. */
export function defaultConfig(): Config {
  return JSON.parse(readFileSync(path.join(REPO, 'config', 'default.json'), 'utf8')) as Config;
}

export interface Config {
  company: { name: string; email?: string; phone?: string };
  currency: string;
  locale: string;
  rates: { existing_client_discount?: number };
  plans: { id: string; name: string; per_user: number; per_computer: number; per_server: number; minimum_monthly: number }[];
  questions: { id: string; text: string; options: { label: string }[] }[];
  min_answers?: number;
  /** A text, or a text per plural form (`{ "one": …, "other": … }`). */
  texts?: Record<string, string | Record<string, string>>;
}

/** A text's plural forms by `Intl.PluralRules` category; `other` is always there. */
type Forms = Record<string, string> & { other: string };

/** The widget's words for one config: its `texts` over the English defaults, placeholders filled. */
export class Texts {
  private readonly table = new Map<string, Forms>();
  private readonly plurals: Intl.PluralRules;

  constructor(readonly config: Config) {
    for (const d of englishDefaults()) {
      this.table.set(d.key, d.one === undefined ? { other: d.english } : { one: d.one, other: d.english });
    }
    for (const [k, v] of Object.entries(config.texts ?? {})) {
      this.table.set(k, typeof v === 'string' ? { other: v } : (v as Forms));
    }
    this.plurals = new Intl.PluralRules(config.locale ?? 'en-US');
  }

  /**
   * The text for `key` with `{company}` and any `values` filled in; for a text with plural
   * forms, the form `count` needs in the config's locale (the `other` form without a count).
   */
  t(key: string, values: Record<string, string> = {}, count?: number): string {
    const forms = this.table.get(key);
    if (forms === undefined) throw new Error(`no text ${key} in src/model/texts.rs`);
    const template = count === undefined ? forms.other : (forms[this.plurals.select(count)] ?? forms.other);
    const all: Record<string, string> = { company: this.config.company.name, ...values };
    return template.replace(/\{([a-z_]+)\}/g, (whole, name: string) => all[name] ?? whole);
  }

  /** A whole count as the config's locale writes it, with its counted noun: "1 Person", "12 people". */
  counted(key: string, n: number): string {
    return this.t(key, { count: new Intl.NumberFormat(this.config.locale).format(n) }, n);
  }

  /** "10 people, 10 computers and 1 server", in the config's words. */
  business(sizes: Sizes): string {
    const people = this.counted('count.people', sizes.users);
    const computers = this.counted('count.computers', sizes.computers);
    return this.t('list.and', { first: `${people}, ${computers}`, last: this.counted('count.servers', sizes.servers) });
  }

  /** Every form of the text for `key` (one per plural category the config or English gives). */
  forms(key: string): string[] {
    const forms = this.table.get(key);
    if (forms === undefined) throw new Error(`no text ${key} in src/model/texts.rs`);
    return Object.values(forms);
  }
}

// --- prices -------------------------------------------------------------------------------------

export interface Sizes {
  users: number;
  computers: number;
  servers: number;
}

/** A plan's monthly price in minor units, the way src/model/estimate.rs computes it. */
export function monthlyMinor(config: Config, planId: string, sizes: Sizes, existingClient: boolean): number {
  const plan = config.plans.find((p) => p.id === planId);
  if (!plan) throw new Error(`no plan ${planId}`);
  const minor = (x: number) => Math.round(x * 100);
  const parts = sizes.users * minor(plan.per_user) + sizes.computers * minor(plan.per_computer) + sizes.servers * minor(plan.per_server);
  const list = Math.max(parts, minor(plan.minimum_monthly));
  const discount = existingClient ? Math.round(list * (config.rates.existing_client_discount ?? 0)) : 0;
  return list - discount;
}

// --- the widget -------------------------------------------------------------------------------

/** Where a widget lives: its host element, a page or a frame. */
export type Scope = Page | FrameLocator | Locator;

/** One widget, found inside `scope`, in the words of `texts`. */
export class Widget {
  readonly root: Locator;
  readonly title: Locator;
  readonly users: Locator;
  readonly computers: Locator;
  readonly servers: Locator;
  readonly existingClient: Locator;
  readonly response: Locator;
  readonly downtime: Locator;
  readonly questions: Locator;
  readonly questionGroups: Locator;
  readonly fit: Locator;
  readonly recommendation: Locator;
  readonly plans: Locator;
  readonly planCards: Locator;
  readonly compare: Locator;
  readonly chart: Locator;
  readonly nextStep: Locator;
  readonly printButton: Locator;
  readonly shareButton: Locator;
  readonly shareLinkField: Locator;
  readonly emailLink: Locator;

  constructor(readonly scope: Scope, readonly texts: Texts) {
    const t = (key: string) => texts.t(key);
    this.root = scope.locator('.cf-widget');
    this.title = scope.getByRole('heading', { name: t('widget.title'), exact: true });
    this.users = scope.getByRole('textbox', { name: t('business.users.label'), exact: true });
    this.computers = scope.getByRole('textbox', { name: t('business.computers.label'), exact: true });
    this.servers = scope.getByRole('textbox', { name: t('business.servers.label'), exact: true });
    this.existingClient = scope.getByRole('checkbox', { name: t('business.existing.label'), exact: true });
    this.response = scope.getByRole('combobox', { name: t('business.response.label'), exact: true });
    this.downtime = scope.getByRole('textbox', { name: t('business.downtime.label'), exact: true });
    this.questions = scope.getByRole('region', { name: t('questions.heading'), exact: true });
    this.questionGroups = this.questions.getByRole('group');
    this.fit = scope.getByRole('region', { name: t('fit.heading'), exact: true });
    this.recommendation = scope.getByRole('region', { name: t('recommend.heading'), exact: true });
    this.plans = scope.getByRole('region', { name: t('plans.heading'), exact: true });
    this.planCards = this.plans.locator('li.cf-plan');
    this.compare = scope.getByRole('region', { name: t('compare.heading'), exact: true });
    this.chart = scope.getByRole('region', { name: t('chart.heading'), exact: true });
    this.nextStep = scope.getByRole('region', { name: t('next.heading'), exact: true });
    this.printButton = this.nextStep.getByRole('button', { name: t('next.print'), exact: true });
    this.shareButton = this.nextStep.getByRole('button', { name: t('next.share'), exact: true });
    this.shareLinkField = this.nextStep.getByRole('textbox', { name: t('next.link_label'), exact: true });
    this.emailLink = this.nextStep.getByRole('link', { name: t('next.email'), exact: true });
  }

  /** Waits until the WebAssembly has replaced the loading message with the calculator. */
  async ready(): Promise<void> {
    await expect(this.title).toBeVisible();
    await expect(this.users).toBeVisible();
  }

  /** A plan's card in the plans section, by the plan's name. */
  planCard(name: string): Locator {
    return this.plans.getByRole('listitem', { name, exact: true });
  }

  /** A plan's monthly amount as shown ("$2,000.00", "1.333,80 €"). */
  planMonthly(name: string): Locator {
    return this.planCard(name).locator('.cf-plan__monthly');
  }

  /** Types the size of the business. */
  async fillSizes(sizes: Sizes): Promise<void> {
    await this.users.fill(String(sizes.users));
    await this.computers.fill(String(sizes.computers));
    await this.servers.fill(String(sizes.servers));
  }

  /** Answers every fit question with its first (or last) option. */
  async answerEveryQuestion(which: 'first' | 'last' = 'first'): Promise<number> {
    const groups = await this.questionGroups.all();
    expect(groups.length, 'the config asks fit questions').toBeGreaterThan(0);
    for (const group of groups) {
      const radios = group.getByRole('radio');
      const radio = which === 'first' ? radios.first() : radios.last();
      await radio.check();
      await expect(radio).toBeChecked();
    }
    return groups.length;
  }

  /** Answers the first fit question with its first option. */
  async answerFirstQuestion(): Promise<void> {
    const radio = this.questionGroups.first().getByRole('radio').first();
    await radio.check();
    await expect(radio).toBeChecked();
  }

  /**
   * The progress line before there is a verdict: "1 of 6 answered — 5 more to see whether a
   * contract suits you.", in the config's words and plural forms.
   */
  fitProgress(answered: number): Locator {
    const total = this.texts.config.questions.length;
    const remaining = (this.texts.config.min_answers ?? total) - answered;
    const n = (x: number) => new Intl.NumberFormat(this.texts.config.locale).format(x);
    const text = this.texts.t('fit.progress', { answered: n(answered), total: n(total), remaining: n(remaining) }, remaining);
    return this.fit.getByText(text, { exact: true });
  }

  /** The fit score line ("Fit score 100 out of 100"): only once there is a verdict. */
  fitScore(): Locator {
    const pattern = this.texts.t('fit.score', { score: '§' }).split('§').map(escapeRegExp).join('\\d+');
    return this.fit.getByText(new RegExp(`^${pattern}$`));
  }

  /** Opens every <details> in the widget (price breakdowns, chart table, "How is this calculated?"). */
  async openAllDetails(): Promise<number> {
    const summaries = this.root.locator('details:not([open]) > summary');
    let opened = 0;
    // Opening one may re-render others; take the first closed one each time.
    while ((await summaries.count()) > 0) {
      await summaries.first().click();
      opened += 1;
      if (opened > 50) throw new Error('details keep closing');
    }
    return opened;
  }

  /** Closes every open <details> (the price breakdowns start open). */
  async closeAllDetails(): Promise<number> {
    const summaries = this.root.locator('details[open] > summary');
    let closed = 0;
    while ((await summaries.count()) > 0) {
      await summaries.first().click();
      closed += 1;
      if (closed > 50) throw new Error('details keep opening');
    }
    return closed;
  }

  /** Everything the widget shows as text, with its aria-labels, placeholders and the email it drafts. */
  async allWords(): Promise<string> {
    return this.root.evaluate((el) => {
      const parts = [(el as HTMLElement).innerText];
      for (const node of Array.from(el.querySelectorAll('[aria-label], [placeholder], [title], img[alt]'))) {
        for (const attr of ['aria-label', 'placeholder', 'title', 'alt']) {
          const v = node.getAttribute(attr);
          if (v) parts.push(v);
        }
      }
      for (const a of Array.from(el.querySelectorAll('a[href^="mailto:"]'))) {
        parts.push(decodeURIComponent(a.getAttribute('href') ?? ''));
      }
      return parts.join('\n');
    });
  }
}

/** Escapes text for use inside a RegExp. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// --- the fixture site ---------------------------------------------------------------------------

/** The computed styles of the fixture site's own chrome (absent elements give null). */
export interface HostChrome {
  header: Record<string, string> | null;
  tagline: Record<string, string> | null;
  button: Record<string, string> | null;
  body: Record<string, string> | null;
}

/** Reads the computed styles the site's own CSS gives its header, tagline, button and body. */
export async function hostChrome(page: Page): Promise<HostChrome> {
  return page.evaluate(() => {
    const pick = (el: Element | null, props: string[]) => {
      if (!el) return null;
      const cs = getComputedStyle(el);
      return Object.fromEntries(props.map((p) => [p, cs.getPropertyValue(p)]));
    };
    return {
      header: pick(document.getElementById('site-header'), ['background-color', 'color', 'display', 'padding-top', 'font-family']),
      tagline: pick(document.getElementById('site-tagline'), ['text-transform', 'font-size', 'margin-top', 'display']),
      button: pick(document.getElementById('site-button'), ['display', 'background-color', 'color']),
      body: pick(document.body, ['font-family', 'font-size', 'background-color', 'color', 'line-height']),
    };
  });
}

/** The host events record-events.js stored on the page. */
export interface HostEvent {
  type: 'contract-fit:report' | 'contract-fit:next-step';
  host: string;
  detail: {
    report: { plans: { id: string; monthly: unknown }[] } & Record<string, unknown>;
    answers: { users: number } & Record<string, unknown>;
    action?: string;
  };
}

export async function hostEvents(page: Page): Promise<HostEvent[]> {
  return page.evaluate(() => (window as unknown as { contractFitEvents: HostEvent[] }).contractFitEvents ?? []);
}

/** Waits for a host event matching `match` and returns it. */
export async function waitForHostEvent(page: Page, what: string, match: (e: HostEvent) => boolean): Promise<HostEvent> {
  let found: HostEvent | undefined;
  await expect
    .poll(async () => {
      found = (await hostEvents(page)).find(match);
      return !!found;
    }, { message: `a host event: ${what}`, timeout: 10_000 })
    .toBe(true);
  return found!;
}

/** Stubs window.print in every frame (no dialog) and counts the calls in window.__printCalls. */
export async function stubPrint(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __printCalls: number; print: () => void };
    w.__printCalls = 0;
    w.print = () => {
      w.__printCalls += 1;
    };
  });
}

/** Every console error, uncaught exception and failed request, for pages that must be clean. */
export function collectProblems(page: Page, ignore: RegExp[] = []): string[] {
  const problems: string[] = [];
  const keep = (s: string) => {
    if (!ignore.some((r) => r.test(s))) problems.push(s);
  };
  page.on('console', (msg) => {
    if (msg.type() === 'error') keep(`console.error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => keep(`uncaught: ${err.message}`));
  page.on('response', (res) => {
    if (res.status() >= 400) keep(`HTTP ${res.status()}: ${res.url()}`);
  });
  return problems;
}

/** Attaches a full-page screenshot to the report and keeps it in the test's output folder. */
export async function fullPageShot(page: Page, testInfo: TestInfo, name: string): Promise<string> {
  const file = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  await testInfo.attach(name, { path: file, contentType: 'image/png' });
  return file;
}

// --- the iframe -----------------------------------------------------------------------------------

export interface FrameFit {
  /** The iframe element's height on the host page. */
  frame: number;
  /** The height of the frame document's content (its <html> box). */
  content: number;
  /** The frame document's scrollHeight: more than `frame` means an inner scrollbar. */
  scroll: number;
  /** The frame's width, and its document's scrollWidth (wider means sideways scrolling). */
  width: number;
  scrollWidth: number;
}

/** Measures how well `iframe[selector]` fits its (same-origin) content. */
export async function frameFit(page: Page, selector: string): Promise<FrameFit> {
  return page.locator(selector).evaluate((el) => {
    const frame = el as HTMLIFrameElement;
    const doc = frame.contentDocument!;
    const rect = frame.getBoundingClientRect();
    return {
      frame: rect.height,
      content: doc.documentElement.getBoundingClientRect().height,
      scroll: doc.documentElement.scrollHeight,
      width: frame.clientWidth,
      scrollWidth: doc.documentElement.scrollWidth,
    };
  });
}

/** Waits until the iframe is as tall as its content: no inner scrollbar, no empty space below. */
export async function expectFrameFits(page: Page, selector: string, message: string): Promise<FrameFit> {
  let last: FrameFit | undefined;
  await expect
    .poll(async () => {
      last = await frameFit(page, selector);
      return last.frame >= last.scroll - 2 && Math.abs(last.frame - last.content) <= 2 && last.content > 100;
    }, { message: `${message}: the iframe fits its content`, timeout: 10_000 })
    .toBe(true);
  return last!;
}
