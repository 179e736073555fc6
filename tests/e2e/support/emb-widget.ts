import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, type FrameLocator, type Locator, type Page } from '@playwright/test';

// The calculator as embedding.spec.ts uses it, in English, found by role and accessible name
// wherever it lives (a page, a host element whose shadow root Playwright pierces, or a frame).

const REPO = path.resolve(__dirname, '..', '..', '..');

let table: Map<string, string> | undefined;

/** The English default of a text key, read from src/model/texts.rs (`Key "key" => "text"`),
 * with `{placeholders}` filled from `values`. */
export function english(key: string, values: Record<string, string> = {}): string {
  if (!table) {
    table = new Map();
    const source = readFileSync(path.join(REPO, 'src', 'model', 'texts.rs'), 'utf8');
    for (const m of source.matchAll(/"([a-z0-9_.]+)"\s*=>\s*"((?:[^"\\]|\\.)*)"/g)) {
      if (!table.has(m[1])) table.set(m[1], JSON.parse(`"${m[2]}"`) as string);
    }
  }
  const text = table.get(key);
  if (text === undefined) throw new Error(`no English text ${key} in src/model/texts.rs`);
  return text.replace(/\{([a-z_]+)\}/g, (whole, name: string) => values[name] ?? whole);
}

export class EmbWidget {
  readonly root: Locator;
  readonly title: Locator;
  readonly intro: Locator;
  readonly users: Locator;
  readonly computers: Locator;
  readonly servers: Locator;
  readonly questionGroups: Locator;
  readonly fit: Locator;
  readonly recommendation: Locator;
  readonly plans: Locator;
  readonly compare: Locator;
  readonly nextStep: Locator;
  readonly shareButton: Locator;
  readonly shareLinkField: Locator;

  constructor(readonly scope: Page | Locator | FrameLocator) {
    const name = (key: string) => ({ name: english(key), exact: true });
    this.root = scope.locator('.cf-widget');
    this.title = scope.getByRole('heading', name('widget.title'));
    this.intro = scope.locator('.cf-intro');
    this.users = scope.getByRole('textbox', name('business.users.label'));
    this.computers = scope.getByRole('textbox', name('business.computers.label'));
    this.servers = scope.getByRole('textbox', name('business.servers.label'));
    this.questionGroups = scope.getByRole('region', name('questions.heading')).getByRole('group');
    this.fit = scope.getByRole('region', name('fit.heading'));
    this.recommendation = scope.getByRole('region', name('recommend.heading'));
    this.plans = scope.getByRole('region', name('plans.heading'));
    this.compare = scope.getByRole('region', name('compare.heading'));
    this.nextStep = scope.getByRole('region', name('next.heading'));
    this.shareButton = this.nextStep.getByRole('button', name('next.share'));
    this.shareLinkField = this.nextStep.getByRole('textbox', name('next.link_label'));
  }

  /** Waits until the calculator has replaced the loading message. */
  async ready(): Promise<void> {
    await expect(this.title).toBeVisible();
    await expect(this.users).toBeVisible();
  }

  /** A plan's card, by the plan's name. */
  planCard(plan: string): Locator {
    return this.plans.getByRole('listitem', { name: plan, exact: true });
  }

  /** A plan's monthly amount as shown ("$1,850.00"). */
  planMonthly(plan: string): Locator {
    return this.planCard(plan).locator('.cf-plan__monthly');
  }

  /** Answers the first fit question with its first option. */
  async answerFirstQuestion(): Promise<void> {
    const radio = this.questionGroups.first().getByRole('radio').first();
    await radio.check();
    await expect(radio).toBeChecked();
  }

  /** Answers every fit question with its first option. */
  async answerEveryQuestion(): Promise<void> {
    const groups = await this.questionGroups.all();
    expect(groups.length).toBeGreaterThan(0);
    for (const group of groups) await group.getByRole('radio').first().check();
  }

  /** "Fit score 100 out of 100", once there is a score. */
  fitScore(): Locator {
    const [before, after] = english('fit.score').split('{score}');
    return this.fit.getByText(new RegExp(`^${escapeRegExp(before)}\\d+${escapeRegExp(after)}$`));
  }
}

/** Escapes text for use inside a RegExp. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
