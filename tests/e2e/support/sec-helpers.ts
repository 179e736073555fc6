// Helpers for reliability.spec.ts and security.spec.ts: pages made on the fly around inline
// configs, the lead endpoint test server, a recording of the widget's host events, the element
// that really has focus (through shadow roots), and axe-core over the whole page.

import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';

export const REPO = path.resolve(__dirname, '..', '..', '..');

/** The browser arguments of playwright.config.ts, plus names for other origins:
 * http://other.example:<port> reaches the same test server as another site, and
 * http://<name>.other.example:<port> as other origins of that site. */
export const CHROMIUM_WITH_OTHER_ORIGIN = {
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--host-resolver-rules=MAP other.example 127.0.0.1, MAP *.other.example 127.0.0.1',
  ],
};

// --- pages made on the fly ----------------------------------------------------------------------

/** One widget on a test page: its host element's id, its config (inline, as JSON, or none for
 * the built-in default), and any other attributes of the host element. */
export interface WidgetSpec {
  id: string;
  config?: unknown;
  /** Raw JSON text instead of `config`. */
  configText?: string;
  attrs?: Record<string, string>;
  /** `div` (default) or the custom element. */
  tag?: 'div' | 'contract-fit';
}

export interface PageSpec {
  widgets: WidgetSpec[];
  /** The loader's address, once per entry (default: /contract-fit.js once). */
  loaders?: string[];
}

/** Opens site/sec/page.html (a real page of the test server, so the browser treats it as any
 * consultancy page, leads included) drawn with these widgets: build.js reads the spec an init
 * script leaves in window.__secPage. `hash` is the page's fragment (a shared link). */
export async function openWidgets(page: Page, spec: PageSpec, hash = ''): Promise<void> {
  await page.addInitScript((s) => {
    (window as unknown as { __secPage: unknown }).__secPage = s;
  }, spec);
  await page.goto(`/site/sec/page.html${hash}`);
}

// --- the lead endpoint ----------------------------------------------------------------------------

export interface LeadRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface LeadServer {
  port: number;
  origin: string;
  url: (p: string) => string;
  requests: () => Promise<LeadRequest[]>;
  reset: () => Promise<void>;
  stop: () => void;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** Starts tests/e2e/support/lead_server.py on a free port (on 127.0.0.1, so another origin than
 * the widget's test server) and waits until it answers. */
export async function startLeadServer(): Promise<LeadServer> {
  const port = await freePort();
  const child: ChildProcess = spawn('python3', [path.join(REPO, 'tests', 'e2e', 'support', 'lead_server.py'), '--port', String(port)], {
    cwd: REPO,
    stdio: 'ignore',
  });
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    try {
      const res = await fetch(`${origin}/control/requests`);
      if (res.ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) {
      child.kill();
      throw new Error(`the lead server did not start on port ${port}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    port,
    origin,
    url: (p: string) => `${origin}${p}`,
    requests: async () => (await (await fetch(`${origin}/control/requests`)).json()) as LeadRequest[],
    reset: async () => {
      await fetch(`${origin}/control/reset`, { method: 'POST' });
    },
    stop: () => {
      child.kill();
    },
  };
}

/** A config with a contact form posting to `endpoint`. */
export function leadConfig(endpoint: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    company: { name: 'Harbour IT', email: 'hello@harbour-it.example', phone: '+1 555 0142', website: 'https://harbour-it.example' },
    lead: {
      endpoint,
      format: 'json',
      consent: 'I agree that Harbour IT may contact me about this estimate.',
      privacy_url: 'https://harbour-it.example/privacy',
      booking_url: 'https://calendar.example/harbour-it/intro-call',
    },
    ...extra,
  };
}

// --- host events ------------------------------------------------------------------------------------

export interface RecordedEvent {
  type: string;
  host: string;
  detail: {
    report?: Record<string, any>;
    answers?: Record<string, any>;
    action?: string;
  } & Record<string, any>;
  /** Which copy of the widget's code sent it: the glue's address as the stack names it. */
  from: string;
  at: number;
}

/** Records every contract-fit:* event that reaches the document (they bubble and are composed)
 * in window.__cfEvents, from before the page's own scripts run. */
export async function recordHostEvents(page: Page | BrowserContext): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __cfEvents: unknown[] };
    w.__cfEvents = [];
    const types = ['start', 'report', 'verdict', 'next-step', 'lead', 'lead-failed'];
    for (const t of types) {
      document.addEventListener(`contract-fit:${t}`, (e) => {
        const target = e.target as Element;
        const host = target && target.closest ? target.closest('[data-contract-fit], contract-fit') : null;
        const glue = (new Error().stack ?? '').match(/contract-fit-web\.js[^:\s)]*/);
        w.__cfEvents.push({
          type: t,
          host: (host && host.id) || (target && (target as Element).id) || '',
          detail: JSON.parse(JSON.stringify((e as CustomEvent).detail ?? null)),
          from: glue ? glue[0] : '',
          at: performance.now(),
        });
      });
    }
  });
}

export async function hostEvents(page: Page): Promise<RecordedEvent[]> {
  return page.evaluate(() => (window as unknown as { __cfEvents: RecordedEvent[] }).__cfEvents ?? []);
}

export async function clearHostEvents(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { __cfEvents: unknown[] }).__cfEvents.length = 0;
  });
}

/** Waits for the last `contract-fit:report` of `host` to satisfy `match`, and returns it. */
export async function lastReport(page: Page, host: string, match: (e: RecordedEvent) => boolean, what: string): Promise<RecordedEvent> {
  let found: RecordedEvent | undefined;
  await expect
    .poll(async () => {
      const reports = (await hostEvents(page)).filter((e) => e.type === 'report' && e.host === host);
      found = reports[reports.length - 1];
      return !!found && match(found);
    }, { message: `the last report of #${host}: ${what}`, timeout: 10_000 })
    .toBe(true);
  return found!;
}

// --- focus ------------------------------------------------------------------------------------------

export interface FocusInfo {
  tag: string;
  type: string;
  name: string;
  id: string;
  label: string;
  text: string;
  /** Whether the element (or, for a visually hidden input, its label) shows a focus ring. */
  ring: boolean;
  ringDetail: string;
  visible: boolean;
}

/** The element that has focus, looking through shadow roots. */
export async function focused(page: Page): Promise<FocusInfo | null> {
  return page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
    if (!el || el === document.body) return null;
    const h = el as HTMLElement;
    const ringOf = (e: Element) => {
      const cs = getComputedStyle(e);
      const outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2;
      const shadow = cs.boxShadow && cs.boxShadow !== 'none';
      return { ok: outline || !!shadow, detail: `${cs.outlineStyle} ${cs.outlineWidth} ${cs.outlineColor} / ${cs.boxShadow}` };
    };
    let ring = ringOf(el);
    const labels = (el as HTMLInputElement).labels;
    if (!ring.ok && labels && labels.length) {
      const r2 = ringOf(labels[0]);
      if (r2.ok) ring = r2;
    }
    const rect = el.getBoundingClientRect();
    const labelEl = labels && labels.length ? labels[0] : null;
    return {
      tag: el.tagName.toLowerCase(),
      type: (el as HTMLInputElement).type ?? '',
      name: el.getAttribute('name') ?? '',
      id: el.id,
      label: (labelEl?.textContent ?? el.getAttribute('aria-label') ?? '').trim(),
      text: (h.innerText ?? '').trim().slice(0, 80),
      ring: ring.ok,
      ringDetail: ring.detail,
      visible: rect.width > 1 && rect.height > 1 || !!(labelEl && labelEl.getBoundingClientRect().width > 1),
    };
  });
}

// --- axe-core ---------------------------------------------------------------------------------------

const AXE = path.join(REPO, 'node_modules', 'axe-core', 'axe.min.js');

/** axe-core's WCAG 2.1 A/AA and best-practice violations on the whole page (shadow roots
 * included), one line each with the elements it names. */
export async function axeViolations(page: Page): Promise<string[]> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  if (!loaded) await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    // @ts-expect-error axe is injected above
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    });
    return result.violations.map(
      (v: { id: string; help: string; nodes: { target: unknown[] }[] }) =>
        `${v.id} (${v.help}): ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`,
    );
  });
}

// --- text keys --------------------------------------------------------------------------------------

export interface TextKey {
  key: string;
  placeholders: string[];
}

/** Every text key and the placeholders it allows, from `contract-fit texts` (the command-line
 * tool the README points consultancies to). */
export function textKeysFromCli(): TextKey[] {
  const out = execFileSync('cargo', ['run', '--quiet', '--offline', '--bin', 'contract-fit', '--', 'texts'], {
    cwd: REPO,
    encoding: 'utf8',
    timeout: 600_000,
    maxBuffer: 16 * 1024 * 1024,
  });
  const keys: TextKey[] = [];
  for (const line of out.split('\n')) {
    const m = line.match(/^\| `([a-z0-9_.]+)` \|.*\|([^|]*)\|\s*$/);
    if (!m) continue;
    const placeholders = [...m[2].matchAll(/`\{([a-z_]+)\}`/g)].map((p) => p[1]);
    keys.push({ key: m[1], placeholders });
  }
  return keys;
}

// --- screenshots -------------------------------------------------------------------------------

/** A screenshot of what `page` shows (the viewport, or the whole page), kept in the test's output
 * folder as NAME.png and attached to the report. */
export async function snap(page: Page, name: string, fullPage = false): Promise<void> {
  const info = test.info();
  const file = info.outputPath(`${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.png`);
  await page.screenshot({ path: file, fullPage, scale: 'css' });
  await info.attach(name, { path: file, contentType: 'image/png' });
}
