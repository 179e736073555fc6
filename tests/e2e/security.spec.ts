// Security and privacy, proven in the browser (README "Security and privacy"):
//
// - the frame (embed.html) shows only the consultancy's calculator: a `data:` config or a config
//   on another origin is refused, never a stranger's wording on the consultancy's domain;
// - a page on another origin that embeds the frame hears nothing of the prospect's saved answers
//   until the prospect acts in the frame (and a page that lies about its origin, nothing at all);
// - addresses are checked as what they are: a protocol-relative or backslashed logo, an email
//   with hidden headers, a javascript: link are refused with their path named; a valid email
//   becomes a mailto: link with every part encoded;
// - HTML and script in every config string and every text key run nowhere, through a whole
//   journey (summary, copy, share, print, lead) and in the owner's panels: they show as text;
// - over a whole journey with a lead, nothing goes to another origin than the page's own and
//   the lead endpoint, no cookie is set, only prefixed storage is used, and nothing at all is
//   requested before the prospect's first action but the widget's files and config.
//
// "Another origin" is http://other.example:<port>: the browser maps that name to 127.0.0.1
// (--host-resolver-rules), so the same test server serves it, as a different site.

import { test, expect, type Page } from '@playwright/test';
import {
  CHROMIUM_WITH_OTHER_ORIGIN,
  leadConfig,
  openWidgets,
  recordHostEvents,
  snap,
  startLeadServer,
  textKeysFromCli,
  type LeadServer,
} from './support/sec-helpers';

test.use({ launchOptions: CHROMIUM_WITH_OTHER_ORIGIN, serviceWorkers: 'block' });

/** The test server under the other name: another origin, the same files. */
function otherOrigin(baseURL: string): string {
  return `http://other.example:${new URL(baseURL).port}`;
}

function noUncaught(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

const STRANGER = {
  company: { name: 'Stranger Corp', email: 'refunds@stranger.example' },
  texts: { 'widget.title': 'Stranger wording: call 555-0666 for your refund' },
};

// --- the frame ----------------------------------------------------------------------------------

test.describe('the frame loads configs only from its own origin', () => {
  test('a data: config is refused: the owner is told why, a visitor sees no stranger\'s wording', async ({ page, baseURL }) => {
    const errors = noUncaught(page);
    const dataUrl = `data:application/json,${encodeURIComponent(JSON.stringify(STRANGER))}`;
    const query = `?config=${encodeURIComponent(dataUrl)}`;

    // The site owner's view (this machine).
    await page.goto(`/tools/estimate/embed.html${query}`);
    const panel = page.getByRole('alert');
    await expect(panel).toContainText('This calculator’s configuration has problems');
    await expect(panel.getByRole('listitem')).toHaveText([
      /could not be loaded: the calculator's frame only loads configs from its own site \(http:\/\/127\.0\.0\.1:\d+\)\.$/,
    ]);
    await expect(page.getByRole('heading', { name: /Stranger wording/ })).toHaveCount(0);
    await expect(page.locator('input[name="users"]')).toHaveCount(0);
    await snap(page, 'frame refuses a data config (owner)');

    // A visitor (the frame on a public host): a short notice, and not a word of the stranger's.
    await page.goto(`${otherOrigin(baseURL!)}/tools/estimate/embed.html${query}`);
    await expect(page.getByText('The cost calculator is not available right now.')).toBeVisible();
    expect(await page.locator('body').innerText()).not.toMatch(/Stranger|555-0666|stranger\.example/);
    await snap(page, 'frame refuses a data config (visitor)');
    expect(await page.locator('[data-contract-fit]').evaluate((el) => el.shadowRoot!.innerHTML)).not.toMatch(/Stranger|stranger\.example|555-0666/);
    expect(errors).toEqual([]);
  });

  test('a config on another origin is refused without even being requested', async ({ page, baseURL }) => {
    const errors = noUncaught(page);
    const other = otherOrigin(baseURL!);
    // The stranger's config is there, and would be allowed by CORS: only the frame's own rule
    // keeps it out.
    let served = 0;
    await page.route(`${other}/site/sec/stranger-config.json`, (route) => {
      served += 1;
      return route.fulfill({ status: 200, contentType: 'application/json', headers: { 'Access-Control-Allow-Origin': '*' }, body: JSON.stringify(STRANGER) });
    });
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    const port = new URL(baseURL!).port;
    for (const config of [
      `${other}/site/sec/stranger-config.json`,
      `//other.example:${port}/site/sec/stranger-config.json`,
      `/\\other.example:${port}/site/sec/stranger-config.json`,
    ]) {
      await page.goto(`/tools/estimate/embed.html?config=${encodeURIComponent(config)}`);
      await expect(page.getByRole('alert').getByRole('listitem'), config).toHaveText([/only loads configs from its own site/]);
      await expect(page.getByRole('heading', { name: /Stranger wording/ })).toHaveCount(0);
    }
    expect(served, 'the foreign config was never fetched').toBe(0);
    expect(requested.filter((u) => new URL(u).hostname === 'other.example')).toEqual([]);

    // From the consultancy's page, through contract-fit-frame.js, the same.
    await page.goto('/site/iframe.html');
    await page.evaluate((src) => {
      const f = document.createElement('iframe');
      f.id = 'foreign-config';
      f.title = 'calculator';
      f.setAttribute('data-contract-fit-frame', '');
      f.setAttribute('data-src', src);
      document.body.append(f);
      const s = document.createElement('script');
      s.src = '/tools/estimate/contract-fit-frame.js?again';
      document.body.append(s);
    }, `/tools/estimate/embed.html?config=${encodeURIComponent(`${other}/site/sec/stranger-config.json`)}`);
    await expect(page.frameLocator('#foreign-config').getByRole('alert').getByRole('listitem')).toHaveText([/only loads configs from its own site/]);
    expect(served).toBe(0);
    expect(errors).toEqual([]);
  });
});

test('a link that turns on the owner\'s view on a public host still shows no stranger\'s words', async ({ page, baseURL }) => {
  // Anyone can send a visitor a link to the consultancy's embed.html with #contract-fit-debug.
  await page.goto(`${otherOrigin(baseURL!)}/tools/estimate/embed.html?config=data:application/json,CALL%20555-0666%20FOR%20YOUR%20REFUND#contract-fit-debug`);
  await expect(page.getByRole('alert')).toContainText('This calculator’s configuration has problems');
  expect(await page.locator('[data-contract-fit]').evaluate((el) => el.shadowRoot!.textContent)).not.toContain('555-0666');
});

test.describe('a page on another origin that embeds the frame', () => {
  const SAVED = { users: '37', computers: '40', servers: '3', existing_client: true, required_response: '4', downtime_cost: '', choices: { partner: 0 } };
  const messages = (page: Page) =>
    page.evaluate(() => (window as unknown as { __messages: { origin: string; source: string; type: string; detail: any }[] }).__messages);
  const frameOf = (page: Page) => page.frames().find((f) => f.url().includes('/tools/estimate/embed.html'));

  // The page and the frame on two origins of one site (page.other.example, calc.other.example):
  // the frame then reads the same storage as when its origin is visited on its own (a browser
  // keeps separate storage for frames under another site, so there nothing saved could leak).
  test('hears nothing of the saved answers before the prospect acts, and the report after', async ({ page, baseURL }) => {
    const errors = noUncaught(page);
    const port = new URL(baseURL!).port;
    const calc = `http://calc.other.example:${port}`;
    const foreign = `http://page.other.example:${port}`;
    // A visit to the calculator's origin left saved answers.
    await page.goto(`${calc}/site/no-widget.html`);
    await page.evaluate((saved) => localStorage.setItem('contract-fit:v1:answers:default', JSON.stringify(saved)), SAVED);

    await page.goto(`${foreign}/site/sec/foreign-embed.html?frame=${encodeURIComponent(calc)}`);
    await expect.poll(() => !!frameOf(page)).toBe(true);
    const frame = frameOf(page)!;
    await expect(frame.locator('input[name="users"]'), 'the frame starts from the saved answers').toHaveValue('37');
    // A few seconds of listening: the frame's height and "ready", nothing about the prospect.
    await page.waitForTimeout(3000);
    const before = await messages(page);
    expect(before.map((m) => m.type), 'the frame does talk to its parent').toContain('height');
    for (const m of before) {
      expect(['height', 'ready'], `message ${JSON.stringify(m)}`).toContain(m.type);
      expect(m.detail, `message ${JSON.stringify(m)} carries nothing about the prospect`).toBeNull();
    }

    // The prospect acts in the frame: now the page hears the start and the report.
    await frame.getByRole('radio').nth(3).check();
    await expect.poll(async () => (await messages(page)).filter((m) => m.type === 'report').length, { timeout: 10_000 }).toBeGreaterThan(0);
    const after = await messages(page);
    expect(after.find((m) => m.type === 'start'), 'a start message').toBeTruthy();
    const report = after.filter((m) => m.type === 'report').pop()!;
    expect(report.origin).toBe(calc);
    expect(report.detail.answers).toMatchObject({ users: 37, computers: 40, servers: 3, existing_client: true, required_response_hours: 4 });
    expect(Object.keys(report.detail.answers.choices).sort()).toEqual(['partner', 'trust']);
    await snap(page, 'foreign page embedding the frame, after the prospect acted');
    expect(errors).toEqual([]);
  });

  test('a page that claims to be another origin hears nothing, even after the prospect acts', async ({ page, baseURL }) => {
    // Another site frames the calculator (on 127.0.0.1) and claims to be the consultancy's page.
    await page.goto(`${otherOrigin(baseURL!)}/site/sec/foreign-embed.html?claim=${encodeURIComponent(new URL(baseURL!).origin)}`);
    await expect.poll(() => !!frameOf(page)).toBe(true);
    const frame = frameOf(page)!;
    await frame.getByRole('radio').nth(3).check();
    await frame.locator('input[name="users"]').fill('38');
    await page.waitForTimeout(2000);
    const heard = await messages(page);
    expect(heard.length).toBeGreaterThan(0);
    for (const m of heard) expect(m.type, JSON.stringify(m)).toBe('height');
  });
});

// --- addresses ------------------------------------------------------------------------------------

test.describe('addresses are checked as what they are', () => {
  const REFUSED: { name: string; config: Record<string, unknown>; path: string }[] = [
    { name: 'a protocol-relative logo', config: { company: { name: 'Harbour IT', logo_url: '//evil.example/logo.png' } }, path: 'company.logo_url' },
    { name: 'a backslashed logo', config: { company: { name: 'Harbour IT', logo_url: '/\\evil.example/logo.png' } }, path: 'company.logo_url' },
    { name: 'a javascript: logo', config: { company: { name: 'Harbour IT', logo_url: 'javascript:window.__pwned=1' } }, path: 'company.logo_url' },
    { name: 'an email with a hidden bcc', config: { company: { name: 'Harbour IT', email: 'sales@x.example?bcc=spy@evil.example' } }, path: 'company.email' },
    { name: 'an email ending in #', config: { company: { name: 'Harbour IT', email: 'sales@x.example#' } }, path: 'company.email' },
    { name: 'an email with a second address', config: { company: { name: 'Harbour IT', email: 'sales@x.example,spy@evil.example' } }, path: 'company.email' },
    { name: 'a javascript: website', config: { company: { name: 'Harbour IT', website: 'javascript:window.__pwned=1' } }, path: 'company.website' },
    { name: 'a javascript: booking link', config: leadConfig('https://forms.example/f', { lead: { endpoint: 'https://forms.example/f', booking_url: 'javascript:window.__pwned=1' } }), path: 'lead.booking_url' },
    { name: 'a protocol-relative privacy link', config: leadConfig('https://forms.example/f', { lead: { endpoint: 'https://forms.example/f', privacy_url: '//evil.example/privacy' } }), path: 'lead.privacy_url' },
    { name: 'a plain-http lead endpoint on a public host', config: leadConfig('http://evil.example/collect'), path: 'lead.endpoint' },
    { name: 'a theme value loading a resource', config: { theme: { properties: { font: 'x; background: url(//evil.example/x.png)' } } }, path: 'theme.properties.font' },
    { name: 'an accent that is not a colour', config: { theme: { accent: 'red;background:url(//evil.example/x.png)' } }, path: 'theme.accent' },
  ];

  test('each is refused, and the owner panel names its path', async ({ page }) => {
    const errors = noUncaught(page);
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    await openWidgets(page, { widgets: REFUSED.map((r, i) => ({ id: `r${i}`, config: r.config, attrs: { 'data-storage': 'off' } })) });
    for (const [i, r] of REFUSED.entries()) {
      const items = page.locator(`#r${i}`).getByRole('alert').getByRole('listitem');
      await expect(items, r.name).toHaveText([new RegExp(`^${r.path.replace(/\./g, '\\.')}: `)]);
    }
    await expect(page.locator('input[name="users"]')).toHaveCount(0);
    await snap(page, 'refused addresses', true);
    expect(requested.filter((u) => u.includes('evil.example'))).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(errors).toEqual([]);
  });

  test('a valid email becomes a mailto: link with every part encoded: no hidden header, subject and body present', async ({ page }) => {
    const name = 'A&B IT ?bcc=spy@evil.example #top';
    await openWidgets(page, { widgets: [{ id: 'w', config: { company: { name, email: 'sales+quotes@x.example' } }, attrs: { 'data-storage': 'off' } }] });
    const link = page.locator('#w').getByRole('link', { name: `Email this estimate to ${name}` });
    await expect(link).toBeVisible();
    const href = (await link.getAttribute('href'))!;
    expect(href).toMatch(/^mailto:sales%2Bquotes@x\.example\?subject=[^&?#]+&body=[^&?#]+$/);
    const url = new URL(href);
    expect(url.hash).toBe('');
    expect([...url.searchParams.keys()]).toEqual(['subject', 'body']);
    expect(decodeURIComponent(url.pathname)).toBe('sales+quotes@x.example');
    const subject = decodeURIComponent(href.match(/subject=([^&]*)/)![1]);
    const body = decodeURIComponent(href.match(/body=([^&]*)/)![1]);
    expect(subject).toBe('IT service contract estimate for 10 people');
    expect(body).toContain(`Hello ${name}, here is the estimate I made on your website.`);
    expect(body).toContain('Business: 10 people, 10 computers and 1 server.');
    expect(await link.getAttribute('target')).toBe('_top');
  });
});

// --- no code from a config ------------------------------------------------------------------------

/** HTML and script that would run if any of it reached the page as markup: an image's error
 * handler, an attribute break-out with an SVG's load handler, and a script element. */
const P = '<img src=x onerror="window.__pwned=1">"\'><svg onload=window.__pwned=1><script>window.__pwned=1</script>';
const P_SHORT = '<img src=x onerror=window.__pwned=1>'; // for fields of at most 40 characters

/** A config with the payload in every string a consultancy writes, and in every text key (each
 * text also carries the key's name and every placeholder it allows). */
function hostileConfig(endpoint: string, keys: { key: string; placeholders: string[] }[]): Record<string, unknown> {
  const texts = Object.fromEntries(keys.map(({ key, placeholders }) => [key, `${P}«${key}»${placeholders.map((p) => ` {${p}}`).join('')}`]));
  const option = (points: number, word: string) => ({ label: `${P} ${word}`, points, reason: `${P} reason ${word}` });
  return {
    company: { name: `${P}Co`, email: 'sales@x.example', phone: '+1 555 0100', website: 'https://x.example' },
    plans: [1, 4, 8].map((h, i) => ({
      id: `plan${i}`,
      name: `${P}${i}`,
      description: `${P} description ${i}`,
      response_hours: h,
      per_user: 80 + 10 * i,
      per_server: 150,
      minimum_monthly: 300,
      features: [`${P} feature a${i}`, `${P} feature b${i}`],
    })),
    questions: [1, 2, 3].map((n) => ({ id: `q${n}`, text: `${P} question ${n}`, help: `${P} help ${n}`, options: [option(3, 'yes'), option(-3, 'no')] })),
    bands: [
      { id: 'strong', min_score: 70, label: `${P}S`, message: `${P} strong message`, recommend: 'contract' },
      { id: 'poor', min_score: 0, label: `${P}P`, message: `${P} poor message`, recommend: 'payg' },
    ],
    tax: { label: P_SHORT, included: false },
    lead: {
      endpoint,
      consent: `${P} consent`,
      privacy_url: 'https://x.example/privacy',
      booking_url: 'https://x.example/book',
    },
    texts,
    // A field the calculator does not know, whose name is the payload: the owner's notes list it.
    '<img src=x onerror=window.__pwned=2>': 1,
  };
}

test.describe('no code from a config runs', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });
  let lead: LeadServer;
  let keys: { key: string; placeholders: string[] }[];
  test.beforeAll(async () => {
    test.setTimeout(600_000); // `cargo run` may have to build the command-line tool first
    keys = textKeysFromCli();
    lead = await startLeadServer();
  });
  test.afterAll(() => lead?.stop());

  test('HTML and script in every config string and every text key show as text, through a whole journey', async ({ page, context, baseURL }, testInfo) => {
    test.slow();
    expect(keys.length, 'contract-fit texts lists the text keys').toBeGreaterThan(150);
    const errors = noUncaught(page);
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.addInitScript(() => {
      const w = window as unknown as { __printCalls: number; print: () => void };
      w.__printCalls = 0;
      w.print = () => {
        w.__printCalls += 1;
      };
    });
    await recordHostEvents(page);
    const config = hostileConfig(lead.url('/ok'), keys);
    await openWidgets(page, {
      widgets: [
        { id: 'w', config, attrs: { 'data-storage': 'off' } },
        // A config with problems whose messages quote the payload: the owner's panel.
        { id: 'bad', config: { currency: P_SHORT, locale: '<script>window.__pwned=3</script>', company: { name: P, logo_url: P } } },
      ],
    });
    const w = page.locator('#w');
    const root = w.locator('.cf-widget');
    await expect(w.locator('input[name="users"]')).toBeVisible();
    const shownAt = Date.now();

    const seen = new Set<string>();
    /** Nothing ran; every word is collected for the «key» census. */
    const safe = async (step: string) => {
      expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned), `${step}: no script ran`).toBeUndefined();
      expect(dialogs, `${step}: no dialog`).toEqual([]);
      const words = await root.evaluate((el) => {
        const parts = [(el as HTMLElement).innerText, el.textContent ?? ''];
        for (const n of Array.from(el.querySelectorAll('*'))) {
          for (const a of Array.from(n.attributes)) parts.push(a.value);
          if ('value' in n) parts.push(String((n as HTMLInputElement).value));
        }
        return parts.join('\n');
      });
      for (const m of words.matchAll(/«([a-z0-9_.]+)»/g)) seen.add(m[1]);
      for (const m of decodeURIComponent(words.match(/mailto:[^\n]*/)?.[0] ?? '').matchAll(/«([a-z0-9_.]+)»/g)) seen.add(m[1]);
    };
    await safe('first render');

    // The text shows literally.
    await expect(w.getByRole('heading', { level: 2 }).first()).toHaveText(`${P}«widget.title»`);
    await expect(root).toContainText('<script>window.__pwned=1</script>');
    await expect(root).toContainText(`${P}«business.existing.label» ${P}Co`);

    // The business, the fit questions (a verdict), a response time.
    await w.locator('input[name="users"]').fill('20');
    await w.locator('input[name="computers"]').fill('22');
    await w.locator('input[name="servers"]').fill('2');
    await w.locator('.cf-business input[type="checkbox"]').check();
    await w.locator('.cf-business select').selectOption({ index: 2 });
    for (const q of await w.locator('.cf-question').all()) await q.getByRole('radio').first().check();
    await expect(w.locator('.cf-fit__band')).toHaveText(`${P}S`);
    await safe('verdict');
    // Invalid entries, whose messages carry the payload.
    await w.locator('input[name="users"]').fill('lots');
    await w.locator('input[name="downtime_cost_per_hour"]').fill('1,5');
    await expect(w.locator('.cf-error').first()).toBeVisible();
    await safe('invalid entries');
    await w.locator('input[name="users"]').fill('0');
    await safe('too few');
    await w.locator('input[name="users"]').fill('20000');
    await safe('too many');
    await w.locator('input[name="users"]').fill('20');
    await w.locator('input[name="downtime_cost_per_hour"]').fill('1,250.50');
    await expect(w.locator('.cf-error')).toHaveCount(0);
    // Every disclosure open, every chart basis and compared plan.
    const closed = root.locator('details:not([open]) > summary');
    for (let i = 0; i < 20 && (await closed.count()) > 0; i += 1) await closed.first().click();
    await expect(closed).toHaveCount(0);
    for (const label of await root.locator('.cf-pill__label').all()) await label.click();
    await safe('details, chart and comparison');
    // A poor fit, then back.
    for (const q of await w.locator('.cf-question').all()) await q.getByRole('radio').last().check();
    await expect(w.locator('.cf-fit__band')).toHaveText(`${P}P`);
    await safe('poor fit');
    for (const q of await w.locator('.cf-question').all()) await q.getByRole('radio').first().check();

    // Copy, share, print, email.
    const next = w.locator('.cf-next');
    const buttons = next.locator(':scope > .cf-actions:not(.cf-actions--quiet) > button');
    await buttons.nth(0).click(); // copy
    await expect(next.locator('.cf-said').first()).toBeVisible();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain(`«summary.intro» ${P}Co`);
    for (const m of copied.matchAll(/«([a-z0-9_.]+)»/g)) seen.add(m[1]);
    await buttons.nth(2).click(); // share
    await expect(next.locator('input[readonly]')).toHaveValue(/#users=20&computers=22&servers=2&client=1/);
    await safe('copy and share');
    await buttons.nth(1).click(); // print
    expect(await page.evaluate(() => (window as unknown as { __printCalls: number }).__printCalls)).toBe(1);
    await page.emulateMedia({ media: 'print' });
    await expect(w.locator('.cf-print-header__company')).toHaveText(`${P}«print.title» ${P}Co`);
    await safe('print media');
    const printShot = testInfo.outputPath('injection-print.png');
    await page.screenshot({ path: printShot, fullPage: true, scale: 'css' });
    await testInfo.attach('injection: print media', { path: printShot, contentType: 'image/png' });
    await page.emulateMedia({ media: 'screen' });
    const mailto = (await next.locator('a[href^="mailto:"]').getAttribute('href'))!;
    expect([...new URL(mailto).searchParams.keys()]).toEqual(['subject', 'body']);
    expect(decodeURIComponent(mailto)).toContain('<script>window.__pwned=1</script>');

    // Start over, undo.
    await next.locator('.cf-actions--quiet > button').first().click();
    await next.locator('.cf-actions--quiet > button').nth(1).click();
    await expect(w.locator('input[name="users"]')).toHaveValue('20');
    await safe('start over and undo');

    // The lead: its errors, then sent (the payload in what the prospect types too).
    const form = w.locator('.cf-lead form');
    await form.locator('button[type="submit"]').click();
    await expect(form.locator('[role="alert"]')).toBeVisible();
    await safe('lead errors');
    await form.locator('input[name="name"]').fill(P);
    await form.locator('input[name="email"]').fill('ann@dental.example');
    await form.locator('textarea[name="message"]').fill(P);
    await form.locator('input[type="checkbox"]').check();
    const wait = 3200 - (Date.now() - shownAt);
    if (wait > 0) await page.waitForTimeout(wait);
    await form.locator('button[type="submit"]').click();
    await expect(w.locator('.cf-lead__sent')).toHaveText(`${P}«lead.sent» ${P}Co`);
    await safe('lead sent');
    const posts = (await lead.requests()).filter((r) => r.method === 'POST');
    expect(posts).toHaveLength(1);
    const body = JSON.parse(posts[0].body!);
    expect(body.contact.name).toBe(P);
    expect(body.summary).toContain(`${P}Co`);

    // Nothing in the widget is markup from the config: no script, image, frame or handler
    // attribute, no javascript: link, anywhere in its tree.
    const markup = await root.evaluate((el) => {
      const found: string[] = [];
      for (const n of Array.from(el.querySelectorAll('script, img, iframe, object, embed, foreignObject'))) found.push(n.tagName);
      for (const n of Array.from(el.querySelectorAll('*'))) {
        for (const a of Array.from(n.attributes)) {
          if (/^on/i.test(a.name)) found.push(`${n.tagName}[${a.name}]`);
          if (/^(href|src|action|formaction)$/i.test(a.name) && /^\s*javascript:/i.test(a.value)) found.push(`${n.tagName}[${a.name}=${a.value}]`);
        }
      }
      return found;
    });
    expect(markup).toEqual([]);

    // The owner's views quote it as text too.
    await expect(w.locator('.cf-owner-notes')).toContainText('<img src=x onerror=window.__pwned=2>');
    const problems = page.locator('#bad').getByRole('alert').getByRole('listitem');
    await expect(problems.filter({ hasText: `company.logo_url: must be a path on this site or an https: address, got "${P}"` })).toHaveCount(1);
    await expect(problems.filter({ hasText: 'got "<script>window.__pwned=3</script>"' })).toHaveCount(1);
    expect(await page.locator('#bad').evaluate((el) => el.shadowRoot!.querySelectorAll('img, script, svg').length)).toBe(0);

    // And a visitor's notice (on a public host) with the company name of a broken config.
    const visitor = await context.newPage();
    visitor.on('pageerror', (e) => errors.push(e.message));
    visitor.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await visitor.addInitScript((spec) => {
      (window as unknown as { __secPage: unknown }).__secPage = spec;
    }, { widgets: [{ id: 'v', config: { company: { name: `${P}Co`, email: 'sales@x.example' }, currency: 'nope' } }] });
    await visitor.goto(`${otherOrigin(baseURL!)}/site/sec/page.html`);
    await expect(visitor.locator('#v')).toContainText(`Please get in touch with ${P}Co for an estimate`);
    expect(await visitor.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();

    // The events the host page hears carry it as data.
    const events = await page.evaluate(() => (window as unknown as { __cfEvents: { type: string }[] }).__cfEvents.map((e) => e.type));
    expect(events).toEqual(expect.arrayContaining(['start', 'report', 'verdict', 'next-step', 'lead']));

    const unseen = keys.map((k) => k.key).filter((k) => !seen.has(k));
    await testInfo.attach('text keys not seen on screen in this journey', { body: unseen.join('\n'), contentType: 'text/plain' });
    expect(seen.size, `${seen.size} of ${keys.length} text keys seen`).toBeGreaterThan(keys.length / 2);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
  });
});

// --- privacy over a whole journey ----------------------------------------------------------------

test.describe('privacy over a whole journey', () => {
  // The offline cache's service worker runs as it would for a visitor; its requests are recorded
  // too (context.on('request') sees a service worker's fetches).
  test.use({ serviceWorkers: 'allow' });
  let lead: LeadServer;
  test.beforeAll(async () => {
    lead = await startLeadServer();
  });
  test.afterAll(() => lead?.stop());

  test('nothing before the first action but the widget\'s files and config; then only the page\'s origin and the lead endpoint; no cookie; only prefixed storage', async ({ page, context, baseURL }) => {
    test.slow();
    const errors = noUncaught(page);
    const origin = new URL(baseURL!).origin;
    const requests: { method: string; url: string; at: 'before' | 'after' }[] = [];
    let phase: 'before' | 'after' = 'before';
    context.on('request', (r) => requests.push({ method: r.method(), url: r.url(), at: phase }));
    await page.addInitScript(() => {
      const w = window as unknown as { print: () => void };
      w.print = () => {};
    });
    await lead.reset();

    await openWidgets(page, {
      widgets: [
        // A contact form posting to the consultancy's endpoint (another origin, as usual).
        { id: 'w', config: leadConfig(lead.url('/ok')) },
        // A config fetched from the site.
        { id: 'url', attrs: { 'data-config': '/site/sec/privacy-config.json' } },
      ],
    });
    const w = page.locator('#w');
    await expect(w.locator('input[name="users"]')).toBeVisible();
    await expect(page.locator('#url input[name="users"]')).toBeVisible();
    // Give the service worker and anything else time to do what they do on their own.
    await page.waitForTimeout(3000);

    const before = requests.filter((r) => r.at === 'before');
    const paths = [...new Set(before.map((r) => {
      const u = new URL(r.url);
      return u.origin === origin ? u.pathname : u.href;
    }))].sort();
    const pageFiles = ['/site/sec/page.html', '/site/sec/build.js'];
    const widgetFiles = ['/contract-fit.js', '/contract-fit-web.js', '/contract-fit-web_bg.wasm', '/contract-fit.css'];
    const config = ['/site/sec/privacy-config.json'];
    // The offline cache: its script, then the widget's own files it keeps (web/sw.js FILES).
    const offline = ['/sw.js', '/', '/index.html', '/embed.html', '/contract-fit-frame.js', '/favicon.svg'];
    const allowed = new Set([...pageFiles, ...widgetFiles, ...config, ...offline]);
    await test.info().attach('requests before the first action', { body: before.map((r) => `${r.method} ${r.url}`).join('\n'), contentType: 'text/plain' });
    expect(paths.filter((p) => !allowed.has(p)), `requested before the first action: ${paths.join(', ')}`).toEqual([]);
    expect(before.every((r) => r.method === 'GET')).toBe(true);
    for (const f of [...widgetFiles, ...config]) expect(paths, f).toContain(f);
    expect((await lead.requests()).length, 'the endpoint heard nothing').toBe(0);

    // A whole journey, ending with a lead.
    phase = 'after';
    await w.locator('input[name="users"]').fill('20');
    await w.locator('input[name="computers"]').fill('22');
    await w.locator('input[name="servers"]').fill('2');
    await w.getByRole('combobox').selectOption({ label: 'Within 4 hours' });
    for (const q of await w.locator('.cf-question').all()) await q.getByRole('radio').first().check();
    await w.getByRole('textbox', { name: 'What does an hour of downtime cost you? (optional)' }).fill('400');
    await w.getByText('Show the chart as a table').click();
    const next = w.getByRole('region', { name: 'Next step' });
    await next.getByRole('button', { name: 'Copy summary' }).click();
    await next.getByRole('button', { name: 'Share link' }).click();
    await expect(next.getByRole('textbox', { name: 'Link to these results' })).toBeVisible();
    await next.getByRole('button', { name: 'Print or save as PDF' }).click();
    await page.emulateMedia({ media: 'print' });
    await page.emulateMedia({ media: 'screen' });
    await page.locator('#url input[name="users"]').fill('5');
    await w.getByRole('textbox', { name: 'Name' }).fill('Ann Lee');
    await w.getByRole('textbox', { name: 'Email' }).fill('ann@dental.example');
    await w.getByRole('textbox', { name: /^Message/ }).fill('Please call me.');
    await w.getByRole('checkbox', { name: /I agree that Harbour IT may contact me/ }).check();
    // A reload in the middle: what was typed comes back from storage, not from anywhere else.
    await page.reload();
    await expect(w.getByRole('textbox', { name: 'Name' })).toHaveValue('Ann Lee');
    await expect(w.locator('input[name="users"]')).toHaveValue('20');
    await page.waitForTimeout(3200);
    await w.getByRole('button', { name: 'Send my estimate' }).click();
    await expect(w.getByText('Thank you! Harbour IT has your estimate and will get back to you soon.')).toBeVisible();
    await page.waitForTimeout(1000);

    // Where everything went.
    const leadOrigin = lead.origin;
    const foreign = requests.filter((r) => ![origin, leadOrigin].includes(new URL(r.url).origin));
    expect(foreign, 'no request to any other origin').toEqual([]);
    const toLead = requests.filter((r) => new URL(r.url).origin === leadOrigin);
    expect(toLead.map((r) => `${r.method} ${new URL(r.url).pathname}`).filter((r) => r !== 'OPTIONS /ok')).toEqual(['POST /ok']);
    const received = (await lead.requests()).filter((r) => r.method === 'POST');
    expect(received).toHaveLength(1);
    const headers = Object.fromEntries(Object.entries(received[0].headers).map(([k, v]) => [k.toLowerCase(), v]));
    expect(headers.cookie, 'the lead carries no cookie').toBeUndefined();
    expect(JSON.parse(received[0].body!).contact).toMatchObject({ name: 'Ann Lee', email: 'ann@dental.example', message: 'Please call me.' });

    // No cookie, only prefixed localStorage, nothing in the tab's own Web Storage or IndexedDB, and only the
    // offline cache's own entries in the Cache API.
    expect(await context.cookies()).toEqual([]);
    const stored = await page.evaluate(async () => ({
      cookie: document.cookie,
      local: Object.keys(localStorage),
      // Every other Storage area of the window (the per-tab one).
      tab: Object.getOwnPropertyNames(window)
        .filter((k) => /^[a-z]+Storage$/.test(k) && k !== 'localStorage')
        .flatMap((k) => Object.keys((window as unknown as Record<string, Storage>)[k])),
      databases: (await indexedDB.databases()).map((d) => d.name),
      caches: await caches.keys(),
    }));
    expect(stored.cookie).toBe('');
    expect(stored.local.length).toBeGreaterThan(0);
    for (const key of stored.local) expect(key).toMatch(/^contract-fit:v1:/);
    expect(stored.tab).toEqual([]);
    expect(stored.databases).toEqual([]);
    for (const name of stored.caches) expect(name).toMatch(/^contract-fit-/);
    // The lead's text was kept only until it was sent.
    expect(stored.local.filter((k) => k.includes('lead:'))).toEqual([]);
    expect(errors).toEqual([]);
  });
});
