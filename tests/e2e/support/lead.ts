import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, type FrameLocator, type Locator, type Page, type TestInfo } from '@playwright/test';

// Helpers for the lead form tests (tests/e2e/lead.spec.ts): the small servers the tests start on
// free ports (the lead endpoint, the recipes' mailer and mail server, a website with a CSP of the
// test's choosing), the fixture config with the endpoint of the test, and the form itself.

export const REPO = path.resolve(__dirname, '..', '..', '..');

/** A process started by a test, ready once it printed its address. */
export interface Started {
  proc: ChildProcess;
  /** What the ready line matched (group 1: the port). */
  port: number;
  stop(): void;
}

/**
 * Starts `python3 script args…` and waits until a line of its output matches `ready`, whose first
 * group is the port it listens on (the servers take --port 0 and print the one they got).
 */
export function startPython(script: string, args: string[], ready: RegExp, env: Record<string, string> = {}): Promise<Started> {
  return new Promise((resolve, reject) => {
    const proc = spawn('python3', [script, ...args], {
      cwd: REPO,
      env: { ...process.env, PYTHONUNBUFFERED: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    const timer = setTimeout(() => {
      proc.kill();
      reject(new Error(`${script} did not start within 15 s:\n${out}\n${err}`));
    }, 15_000);
    proc.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    proc.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = out.match(ready);
      if (m) {
        clearTimeout(timer);
        resolve({ proc, port: Number(m[1]), stop: () => proc.kill() });
      }
    });
    proc.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited with ${code} before it was ready:\n${out}\n${err}`));
    });
  });
}

/** One request as tests/e2e/support/lead_server.py recorded it. */
export interface Recorded {
  method: 'POST' | 'OPTIONS';
  path: string;
  tag: string;
  headers: Record<string, string>;
  body?: string;
  fields?: Record<string, string> | null;
  at: number;
}

/** A header of a recorded request, whatever its case. */
export function header(r: Recorded, name: string): string | undefined {
  const key = Object.keys(r.headers).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : r.headers[key];
}

/** The lead endpoint of tests/e2e/support/lead_server.py, on a free port of this machine. */
export class LeadServer {
  private constructor(private readonly started: Started) {}

  static async start(): Promise<LeadServer> {
    return new LeadServer(
      await startPython('tests/e2e/support/lead_server.py', ['--port', '0'], /listening on http:\/\/127\.0\.0\.1:(\d+)\//),
    );
  }

  get origin(): string {
    return `http://127.0.0.1:${this.started.port}`;
  }

  /** The endpoint that behaves as `path` says (/ok, /fail, /hang, /nocors, /flaky, /f/ID…), for one test. */
  endpoint(pathname: string, tag: string): string {
    return `${this.origin}${pathname}${pathname.includes('?') ? '&' : '?'}t=${encodeURIComponent(tag)}`;
  }

  async requests(tag: string): Promise<Recorded[]> {
    const r = await fetch(`${this.origin}/control/requests?t=${encodeURIComponent(tag)}`);
    return (await r.json()) as Recorded[];
  }

  async posts(tag: string): Promise<Recorded[]> {
    return (await this.requests(tag)).filter((r) => r.method === 'POST');
  }

  /** POST /control/NAME?t=TAG&… (flaky, release, reset). */
  async control(name: string, tag: string, params: Record<string, string> = {}): Promise<void> {
    const query = new URLSearchParams({ t: tag, ...params });
    const r = await fetch(`${this.origin}/control/${name}?${query}`, { method: 'POST' });
    expect(r.ok, `lead server /control/${name}`).toBe(true);
  }

  /** Waits until `count` leads were posted for `tag`, then returns them. */
  async waitForPosts(tag: string, count: number): Promise<Recorded[]> {
    await expect.poll(async () => (await this.posts(tag)).length, { message: `${count} lead(s) posted` }).toBe(count);
    return this.posts(tag);
  }

  stop(): void {
    this.started.stop();
  }
}

/** The version in Cargo.toml, which every lead carries. */
export function crateVersion(): string {
  const toml = readFileSync(path.join(REPO, 'Cargo.toml'), 'utf8');
  return toml.match(/^version\s*=\s*"([^"]+)"/m)![1];
}

/** A file of the repository as text. */
export function repoFile(...parts: string[]): string {
  return readFileSync(path.join(REPO, ...parts), 'utf8');
}

/** The fixture config (tests/e2e/site/lead-config.json) with the test's changes to `lead`. */
export function leadConfig(lead: Record<string, unknown>): Record<string, unknown> {
  const config = JSON.parse(repoFile('tests', 'e2e', 'site', 'lead-config.json')) as { lead: Record<string, unknown> };
  return { ...config, lead: { ...config.lead, ...lead } };
}

/**
 * Serves the fixture config, wherever a page or its frames ask for it, with these lead settings.
 *
 * While any route is set, Playwright answers CORS preflights itself (with Allow-Origin and
 * whatever headers were asked for), so the endpoint's own CORS answers would go untested: call
 * `page.unrouteAll()` once the widget has its config, before anything is sent.
 */
export async function routeLeadConfig(page: Page, lead: Record<string, unknown>): Promise<void> {
  const body = JSON.stringify(leadConfig(lead));
  await page.route('**/site/lead-config.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body, headers: { 'cache-control': 'no-store' } }),
  );
}

/** Serves docs/recipes/NAME at /site/recipes/NAME, where the recipe fixture pages load it (unroute as above). */
export async function routeRecipes(page: Page): Promise<void> {
  await page.route('**/site/recipes/*', (route) => {
    const name = path.basename(new URL(route.request().url()).pathname);
    route.fulfill({ status: 200, contentType: 'text/javascript', body: repoFile('docs', 'recipes', name) });
  });
}

/** Every `contract-fit:*` event on the page (and the frames' raw messages), recorded from the start. */
export async function recordHostEvents(page: Page): Promise<void> {
  await page.addInitScript(() => {
    if (window.top !== window) return;
    const w = window as unknown as { hostEvents: unknown[]; frameMessages: unknown[] };
    w.hostEvents = [];
    w.frameMessages = [];
    for (const type of ['start', 'verdict', 'report', 'next-step', 'lead', 'lead-failed']) {
      document.addEventListener(`contract-fit:${type}`, (e) => {
        const target = e.target as Element;
        w.hostEvents.push({ type, target: target.id || target.tagName.toLowerCase(), detail: (e as CustomEvent).detail });
      });
    }
    window.addEventListener('message', (e) => {
      if (e.data && e.data.source === 'contract-fit' && e.data.type !== 'height') w.frameMessages.push(e.data);
    });
  });
}

export interface HostEvent {
  type: string;
  target: string;
  detail: Record<string, any>;
}

export async function hostEvents(page: Page, type?: string): Promise<HostEvent[]> {
  const all = (await page.evaluate(() => (window as unknown as { hostEvents: HostEvent[] }).hostEvents)) ?? [];
  return type ? all.filter((e) => e.type === type) : all;
}

/** Warnings and errors the page logs. */
export function consoleLog(page: Page): string[] {
  const lines: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'warning' || m.type() === 'error') lines.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => lines.push(`pageerror: ${e.message}`));
  return lines;
}

/** What a prospect types into the form. */
export interface Contact {
  name: string;
  email: string;
  phone?: string;
  company?: string;
  message?: string;
}

export const ANN: Contact = {
  name: 'Ann Lee',
  email: 'ann@dental.example',
  phone: '+1 555 0100',
  company: 'Lee & Söhne Dental',
  message: 'Two offices, one server.\nPlease call after 3 pm — 50% of us work mornings.',
};

/** A form sent sooner than this after it appears is taken for a bot (src/ui/lead.rs MIN_FILL_MS). */
export const MIN_FILL_MS = 3_000;

/** The lead form of the widget in `scope` (the page, or the frame of the iframe mode). */
export class LeadForm {
  readonly section: Locator;
  readonly name: Locator;
  readonly email: Locator;
  readonly phone: Locator;
  readonly company: Locator;
  readonly message: Locator;
  readonly consent: Locator;
  readonly trap: Locator;
  readonly button: Locator;
  readonly failure: Locator;
  readonly sent: Locator;
  /** The calculator's first question, to act before sending. */
  readonly users: Locator;
  readonly questions: Locator;
  readonly copyButton: Locator;
  readonly emailLink: Locator;
  readonly nextStep: Locator;
  /** When the test first saw the form (the widget's clock started no later). */
  shownAt = 0;
  /** The `lead` settings the page was opened with, to open it again. */
  settings: Record<string, unknown> = {};

  constructor(readonly page: Page, readonly scope: Page | FrameLocator = page) {
    this.section = scope.getByRole('region', { name: /^Send your estimate to / });
    this.name = this.section.getByRole('textbox', { name: 'Name', exact: true });
    this.email = this.section.getByRole('textbox', { name: 'Email', exact: true });
    this.phone = this.section.getByRole('textbox', { name: 'Phone (optional)', exact: true });
    this.company = this.section.getByRole('textbox', { name: 'Company (optional)', exact: true });
    this.message = this.section.getByRole('textbox', { name: 'Message (optional)', exact: true });
    this.consent = this.section.getByRole('checkbox', { name: /^I agree that Harbour IT may contact me/ });
    this.trap = this.section.locator('input[name="website"]');
    this.button = this.section.getByRole('button', { name: /^(Send my estimate|Try again|Sending…)$/ });
    this.failure = this.section.getByRole('alert').filter({ hasText: /Your estimate was not sent|We could not confirm that/ });
    this.sent = this.section.getByRole('status');
    this.users = scope.getByRole('textbox', { name: 'People who use computers', exact: true });
    this.questions = scope.getByRole('region', { name: 'How you work' }).getByRole('group');
    this.nextStep = scope.getByRole('region', { name: 'Next step' });
    this.copyButton = this.nextStep.getByRole('button', { name: 'Copy summary' });
    this.emailLink = this.nextStep.getByRole('link', { name: 'Email this estimate to Harbour IT' });
  }

  /** Waits until the widget shows the form. */
  async ready(): Promise<void> {
    await expect(this.section.getByRole('heading', { name: 'Send your estimate to Harbour IT' })).toBeVisible();
    this.shownAt = Date.now();
  }

  async fill(contact: Contact = ANN, consent = true): Promise<void> {
    await this.name.fill(contact.name);
    await this.email.fill(contact.email);
    if (contact.phone !== undefined) await this.phone.fill(contact.phone);
    if (contact.company !== undefined) await this.company.fill(contact.company);
    if (contact.message !== undefined) await this.message.fill(contact.message);
    if (consent) await this.consent.check();
  }

  /** Waits out the minimum fill time, as any person takes it. */
  async humanPause(): Promise<void> {
    const left = this.shownAt + MIN_FILL_MS + 300 - Date.now();
    if (left > 0) await this.page.waitForTimeout(left);
  }

  /** Answers `count` fit questions (all by default) with their first option. */
  async answerQuestions(count = Infinity): Promise<void> {
    const groups = await this.questions.all();
    for (const group of groups.slice(0, Math.min(count, groups.length))) await group.getByRole('radio').first().check();
  }

  /** The prospect's text fields as they show now. */
  async values(): Promise<Record<string, string | boolean>> {
    return {
      name: await this.name.inputValue(),
      email: await this.email.inputValue(),
      phone: await this.phone.inputValue(),
      company: await this.company.inputValue(),
      message: await this.message.inputValue(),
      consent: await this.consent.isChecked(),
    };
  }
}

/** axe-core's violations inside `selector`, one line each (see accessibility.spec.ts). */
export async function axeViolations(page: Page, selector: string): Promise<string[]> {
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.addScriptTag({ path: path.join(REPO, 'node_modules', 'axe-core', 'axe.min.js') });
  return page.evaluate(async (sel) => {
    // The widget may live in a shadow root on its host element: axe reaches it by a path.
    const host = document.querySelector('[data-contract-fit]');
    const context = host?.shadowRoot ? { include: [['[data-contract-fit]', sel]] } : document.querySelector(sel);
    // @ts-expect-error axe is injected above
    const result = await axe.run(context, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    });
    return result.violations.map(
      (v: { id: string; nodes: { target: string[] }[] }) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
  }, selector);
}

/** Saves a screenshot of `what` in the test's output folder and attaches it to the report. */
export async function shot(what: Locator, testInfo: TestInfo, name: string): Promise<string> {
  const file = testInfo.outputPath(`${name}.png`);
  await what.screenshot({ path: file, animations: 'disabled' });
  await testInfo.attach(name, { path: file, contentType: 'image/png' });
  return file;
}
