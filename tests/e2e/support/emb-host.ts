import { english } from './emb-widget';
import { expect, type ConsoleMessage, type Frame, type FrameLocator, type Locator, type Page, type TestInfo } from '@playwright/test';

// Helpers for embedding.spec.ts: the parametric host page tests/e2e/site/emb/emb-host.html, the
// widget inside it in each embed mode, and the public host names that make the browser a visitor
// (the widget shows its owner view only on localhost and 127.0.0.1).

export type Mode = 'element' | 'custom' | 'iframe';
export const MODES: Mode[] = ['element', 'custom', 'iframe'];

/** The port of the test server (playwright.config.ts). */
export const PORT = Number(process.env.E2E_PORT ?? 4173);
/** The site owner's own machine: the widget shows its owner view here. */
export const LOCAL = `http://127.0.0.1:${PORT}`;
/** A consultancy's public site, as a visitor sees it. */
export const SHOP = `http://shop.example:${PORT}`;
/** Another site: a second origin for cross-origin frames and configs. */
export const OTHER = `http://other.example:${PORT}`;

/** Chromium as playwright.config.ts launches it, with the public host names above resolved to the
 * test server (which listens on 127.0.0.1 only). */
export const PUBLIC_HOSTS_LAUNCH = {
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
    '--host-resolver-rules=MAP shop.example 127.0.0.1,MAP other.example 127.0.0.1',
  ],
};

/** One widget on the host page: its attributes (see emb-host.js: `config`, `frame-hash`, `src`
 * and any attribute set as written). */
export type WidgetAttrs = Record<string, string>;

export interface HostPage {
  mode: Mode | 'none';
  /** The site's own stylesheets. */
  css?: string[];
  /** The widgets, in order (ids w0, w1, …); one with the default config when left out. */
  widgets?: WidgetAttrs[];
  /** The page's own URL fragment (without #). */
  hash?: string;
  /** Where the page is: LOCAL (default), SHOP or OTHER. */
  origin?: string;
}

/** The address of emb-host.html for this page. */
export function hostUrl(p: HostPage): string {
  const q = new URLSearchParams();
  q.set('mode', p.mode);
  for (const c of p.css ?? []) q.append('css', c);
  for (const w of p.widgets ?? [{}]) q.append('w', new URLSearchParams(w).toString());
  return `${p.origin ?? LOCAL}/site/emb/emb-host.html?${q.toString()}${p.hash ? `#${p.hash}` : ''}`;
}

/** Where the n-th widget of the host page lives: its host element (whose shadow root Playwright
 * pierces) or its frame. */
export function widgetScope(page: Page, mode: Mode, n = 0): Locator | FrameLocator {
  return mode === 'iframe' ? page.frameLocator(`#w${n}`) : page.locator(`#w${n}`);
}

/** The element `selector` inside the n-th widget. */
export function inWidget(page: Page, mode: Mode, selector: string, n = 0): Locator {
  return widgetScope(page, mode, n).locator(selector);
}

/** The document of the n-th widget's frame. */
export async function widgetFrame(page: Page, n = 0): Promise<Frame> {
  const frame = await page.locator(`#w${n}`).elementHandle().then((h) => h?.contentFrame());
  if (!frame) throw new Error(`#w${n} has no frame`);
  return frame;
}

/** Every console message of the page and its frames, as "type: text". */
export function consoleLog(page: Page): string[] {
  const lines: string[] = [];
  page.on('console', (m: ConsoleMessage) => lines.push(`${m.type()}: ${m.text()}`));
  return lines;
}


/** Waits until the n-th widget shows the calculator (its title and the people field). */
export async function calculatorReady(page: Page, mode: Mode, n = 0): Promise<void> {
  const scope = widgetScope(page, mode, n);
  await expect(scope.locator('.cf-title')).toBeVisible();
  await expect(scope.getByRole('textbox', { name: english('business.users.label'), exact: true })).toBeVisible();
}

/** A viewport screenshot (or the full page) in the test's output folder, attached to the report. */
export async function shot(page: Page, testInfo: TestInfo, name: string, fullPage = false): Promise<string> {
  const file = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path: file, fullPage });
  await testInfo.attach(name, { path: file, contentType: 'image/png' });
  return file;
}

/** Whether the page (and each same-origin frame) scrolls sideways. */
export async function sidewaysScroll(page: Page): Promise<{ scrollWidth: number; innerWidth: number }[]> {
  const out: { scrollWidth: number; innerWidth: number }[] = [];
  for (const frame of page.frames()) {
    try {
      out.push(await frame.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth })));
    } catch {
      // A frame that navigated away meanwhile.
    }
  }
  return out;
}

/** The properties compared between a hostile and a neutral page (not font-family, which the widget
 * inherits from the page on purpose, and not widths, which follow the space the page gives). */
export const COMPARED_PROPERTIES = [
  'display', 'position', 'float', 'box-sizing', 'visibility', 'opacity',
  'color', 'background-color', 'font-size', 'font-weight', 'font-style', 'line-height', 'letter-spacing',
  'text-transform', 'text-align', 'text-decoration-line',
  'white-space', 'word-spacing', 'word-break', 'text-indent', 'text-shadow', 'font-variant-caps', 'direction',
  'padding-top', 'padding-right', 'padding-bottom', 'padding-left',
  'margin-top', 'margin-right', 'margin-bottom', 'margin-left',
  'border-top-width', 'border-right-width', 'border-bottom-width', 'border-left-width',
  'border-top-style', 'border-top-color', 'border-top-left-radius',
  'min-height', 'border-collapse', 'appearance',
];

/** Parts of the widget whose looks a theme's `!important` rules would change. */
export const COMPARED_PARTS: Record<string, string> = {
  widget: '.cf-widget',
  title: '.cf-title',
  intro: '.cf-intro',
  'plan price': '.cf-plan__monthly',
  'plan card': '.cf-plan',
  card: '.cf-card',
  button: 'button.cf-button',
  'primary button': 'a.cf-button--primary',
  input: 'input.cf-input',
  label: 'label.cf-label',
  'comparison table': '.cf-compare table',
  'table cell': '.cf-compare td',
  layout: '.cf-layout',
};

/** The computed styles of COMPARED_PARTS inside the widget whose root is `root`. */
export async function widgetStyles(root: Locator): Promise<Record<string, Record<string, string> | null>> {
  return root.evaluate(
    (el, { parts, props }) => {
      const out: Record<string, Record<string, string> | null> = {};
      for (const [name, selector] of Object.entries(parts)) {
        const target = el.matches(selector) ? el : el.querySelector(selector);
        if (!target) {
          out[name] = null;
          continue;
        }
        const cs = getComputedStyle(target);
        out[name] = Object.fromEntries(props.map((p) => [p, cs.getPropertyValue(p)]));
      }
      return out;
    },
    { parts: COMPARED_PARTS, props: COMPARED_PROPERTIES },
  );
}

/** One computed property of the first `selector` inside the n-th widget. */
export async function cssOf(page: Page, mode: Mode, selector: string, property: string, n = 0): Promise<string> {
  return inWidget(page, mode, selector, n).first().evaluate((el, p) => getComputedStyle(el).getPropertyValue(p), property);
}

/** Records, on the host page only, the widget's DOM events and the frame's messages to it. */
export async function recordHostTraffic(page: Page): Promise<void> {
  await page.addInitScript(() => {
    if (window.top !== window) return;
    const w = window as unknown as { embEvents: { type: string; target: string }[]; embMessages: { type: string; origin: string }[] };
    w.embEvents = [];
    w.embMessages = [];
    for (const step of ['start', 'report', 'verdict', 'next-step', 'lead', 'lead-failed']) {
      document.addEventListener(`contract-fit:${step}`, (e) => {
        const t = e.target as Element;
        w.embEvents.push({ type: step, target: `${t.tagName.toLowerCase()}#${t.id}` });
      });
    }
    window.addEventListener('message', (e) => {
      const d = e.data as { source?: string; type?: string } | null;
      if (d && d.source === 'contract-fit') w.embMessages.push({ type: String(d.type), origin: e.origin });
    });
  });
}

/** What recordHostTraffic saw: DOM events and the frame's messages other than its height. */
export async function hostTraffic(page: Page): Promise<{ events: { type: string; target: string }[]; messages: { type: string; origin: string }[] }> {
  return page.evaluate(() => {
    const w = window as unknown as { embEvents: { type: string; target: string }[]; embMessages: { type: string; origin: string }[] };
    return { events: w.embEvents, messages: w.embMessages.filter((m) => m.type !== 'height') };
  });
}

/** The computed styles the site's own CSS gives its header, tagline, button and body (the
 * chrome of emb-host.html), to check that the widget leaves them alone. */
export async function siteChrome(page: Page): Promise<Record<string, Record<string, string> | null>> {
  return page.evaluate(() => {
    const pick = (el: Element | null, props: string[]) => {
      if (!el) return null;
      const cs = getComputedStyle(el);
      return Object.fromEntries(props.map((p) => [p, cs.getPropertyValue(p)]));
    };
    const looks = ['display', 'background-color', 'color', 'font-family', 'font-size', 'padding-top', 'margin-top', 'box-sizing', 'line-height'];
    return {
      header: pick(document.getElementById('site-header'), looks),
      tagline: pick(document.getElementById('site-tagline'), looks),
      button: pick(document.getElementById('site-button'), [...looks, 'width', 'border-top-style', 'border-top-width']),
      body: pick(document.body, looks),
    };
  });
}

/** Waits until a computed property of the first `selector` inside the n-th widget is `expected`
 * (colours set from the config arrive after the first render, and buttons ease into them). */
export async function expectCss(page: Page, mode: Mode, selector: string, property: string, expected: string | RegExp, n = 0, message?: string): Promise<void> {
  const poll = expect.poll(() => cssOf(page, mode, selector, property, n), { message: message ?? `${property} of ${selector} in widget ${n}` });
  await (typeof expected === 'string' ? poll.toBe(expected) : poll.toMatch(expected));
}
