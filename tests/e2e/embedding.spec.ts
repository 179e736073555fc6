import { test, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { EmbWidget } from './support/emb-widget';
import {
  LOCAL,
  MODES,
  OTHER,
  PUBLIC_HOSTS_LAUNCH,
  SHOP,
  calculatorReady,
  consoleLog,
  cssOf,
  expectCss,
  hostTraffic,
  hostUrl,
  inWidget,
  recordHostTraffic,
  shot,
  siteChrome,
  sidewaysScroll,
  widgetFrame,
  widgetScope,
  widgetStyles,
  type Mode,
  type WidgetAttrs,
} from './support/emb-host';

// The README's promises about embedding, each checked in the three ways a consultancy embeds the
// calculator (<div data-contract-fit>, <contract-fit>, an iframe of embed.html), mostly on the
// parametric host page site/emb/emb-host.html: a theme's !important rules, theming, the site
// owner's and the visitor's view of a config that cannot be used, relative addresses, share links
// from the frame, the loader included twice, the frame's protections, offline, the demo pages on a
// plain host, and the consultancy's form controls.
//
// The browser resolves shop.example and other.example to the test server: a page there is seen as
// a visitor sees it (the owner view is for localhost and 127.0.0.1), and the two are two origins.

test.use({ launchOptions: PUBLIC_HOSTS_LAUNCH });

const REPO = path.resolve(__dirname, '..', '..');

const WP_THEME = '/site/wp-theme.css';
const WHITE = 'rgb(255, 255, 255)';
const DARK_BG = 'rgb(18, 22, 28)'; // #12161c, the dark scheme's background
const BRAND = 'rgb(13, 122, 95)'; // #0d7a5f, the accent of the README's example
const DEFAULT_ACCENT = 'rgb(31, 95, 191)'; // #1f5fbf
const VISITOR_SORRY = 'The cost calculator is not available right now.';
const OWNER_TITLE = 'This calculator’s configuration has problems';

/** The widget's config attribute for one mode: `config` (see emb-host.js). */
function withConfig(config: string, more: WidgetAttrs = {}): WidgetAttrs {
  return { config, ...more };
}

// --- 1. A WordPress-style theme ------------------------------------------------------------------

test.describe('a theme of !important rules (wp-theme.css)', () => {
  for (const width of [375, 1280]) {
    for (const mode of MODES) {
      test(`${mode} at ${width}px: the widget looks as on a plain page, nothing scrolls sideways, the theme keeps its own look`, async ({ page }, testInfo) => {
        await page.setViewportSize({ width, height: 900 });

        // The same page without the widget: what the theme gives the site's own header and button.
        await page.goto(hostUrl({ mode: 'none', css: [WP_THEME] }));
        const alone = await siteChrome(page);
        expect(alone.header?.['background-color'], 'the theme styles the header').toBe('rgb(13, 59, 46)');
        expect(alone.button?.['background-color'], 'the theme paints bare buttons hot pink').toBe('rgb(255, 0, 170)');

        // The same mode on a page without any stylesheet.
        await page.goto(hostUrl({ mode }));
        await calculatorReady(page, mode);
        const neutral = await widgetStyles(inWidget(page, mode, '.cf-widget'));
        const neutralFont = await cssOf(page, mode, '.cf-title', 'font-family');

        await page.goto(hostUrl({ mode, css: [WP_THEME] }));
        await calculatorReady(page, mode);
        const themed = await widgetStyles(inWidget(page, mode, '.cf-widget'));
        // The widget is centred (margin: 0 auto) in whatever width the page gives it.
        for (const styles of [neutral.widget, themed.widget]) {
          delete styles?.['margin-left'];
          delete styles?.['margin-right'];
        }
        for (const [part, styles] of Object.entries(neutral)) {
          expect(styles, `${part} is on the page`).not.toBeNull();
          expect(themed[part], `${part}: the theme's rules do not reach it`).toEqual(styles);
        }

        // The font family is the one thing inherited from the page, on purpose.
        const bodyFont = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
        const themedFont = await cssOf(page, mode, '.cf-title', 'font-family');
        if (mode === 'iframe') {
          expect(themedFont, 'a frame has its own font').toBe(neutralFont);
        } else {
          expect(bodyFont).toBe('Georgia, serif');
          expect(themedFont, 'the widget takes the page font, not the theme heading font').toBe(bodyFont);
        }

        // Nothing scrolls sideways: the page, and the frame's document in the iframe way.
        for (const s of await sidewaysScroll(page)) expect(s.scrollWidth, 'no sideways scroll').toBeLessThanOrEqual(s.innerWidth);

        // The theme's own look is unchanged by the widget.
        const chrome = await siteChrome(page);
        expect(chrome.header).toEqual(alone.header);
        expect(chrome.tagline).toEqual(alone.tagline);
        expect(chrome.button).toEqual(alone.button);
        expect(chrome.body).toEqual(alone.body);

        await shot(page, testInfo, `wp-theme-${mode}-${width}px`);
      });
    }
  }
});

test.describe('a right-to-left site whose body sets every inherited text property (text-theme.css)', () => {
  for (const width of [375, 1280]) {
    for (const mode of MODES) {
      test(`${mode} at ${width}px: the widget's text looks as on a plain page and runs left to right`, async ({ page }, testInfo) => {
        await page.setViewportSize({ width, height: 900 });
        // The site's own text does not wrap either, so at 375 px its heading runs off the page
        // whether or not the widget is there: that scroll is the site's, not the widget's.
        await page.goto(hostUrl({ mode: 'none', css: ['/site/text-theme.css'] }));
        const siteAlone = await page.evaluate(() => document.documentElement.scrollWidth);

        await page.goto(hostUrl({ mode }));
        await calculatorReady(page, mode);
        const neutral = await widgetStyles(inWidget(page, mode, '.cf-widget'));

        await page.goto(hostUrl({ mode, css: ['/site/text-theme.css'] }));
        await calculatorReady(page, mode);
        expect(await page.evaluate(() => getComputedStyle(document.body).whiteSpace), 'the page itself does not wrap').toBe('nowrap');
        const themed = await widgetStyles(inWidget(page, mode, '.cf-widget'));
        for (const styles of [neutral.widget, themed.widget]) {
          delete styles?.['margin-left'];
          delete styles?.['margin-right'];
        }
        for (const [part, styles] of Object.entries(neutral)) {
          expect(themed[part], `${part}: the page's text properties do not reach it`).toEqual(styles);
        }
        await expect(inWidget(page, mode, '.cf-widget')).toHaveAttribute('dir', 'ltr');
        // Help texts wrap inside the widget: nothing in it is wider than the widget.
        const overflow = await inWidget(page, mode, '.cf-widget').evaluate((el) => el.scrollWidth - el.clientWidth);
        expect(overflow, 'nothing runs out of the widget').toBeLessThanOrEqual(0);
        const box = await page.locator('#w0').boundingBox();
        expect(box && box.x >= 0 && box.x + box.width <= width, 'the widget stays within the window').toBe(true);
        const withWidget = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(withWidget, 'the widget adds no sideways scroll to the page').toBe(siteAlone);
        if (mode === 'iframe') {
          const inFrame = await (await widgetFrame(page)).evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
          expect(inFrame[0], 'no sideways scroll in the frame').toBeLessThanOrEqual(inFrame[1]);
        }
        await shot(page, testInfo, `text-theme-${mode}-${width}px`);
      });
    }
  }
});

// --- 2. Theming --------------------------------------------------------------------------------

test.describe('theming', () => {
  test('the README example in emb-theme-readme.css is the README’s, as written', () => {
    const readme = readFileSync(path.join(REPO, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('### Theming'));
    const block = /```css\n([\s\S]*?)```/.exec(section)?.[1];
    expect(block, 'the Theming section has a css example').toBeTruthy();
    const fixture = readFileSync(path.join(__dirname, 'site', 'emb', 'emb-theme-readme.css'), 'utf8');
    expect(fixture).toContain(block!);
  });

  for (const mode of ['element', 'custom'] as const) {
    test(`${mode}: the README’s custom properties on the widget’s element style its buttons, cards and font`, async ({ page }, testInfo) => {
      await page.goto(hostUrl({ mode, css: ['emb-theme-readme.css'] }));
      await calculatorReady(page, mode);
      await expectCss(page, mode, 'a.cf-button--primary', 'background-color', BRAND, 0, 'the primary button is in the accent');
      await expectCss(page, mode, 'button.cf-button', 'border-top-color', BRAND, 0, 'buttons are outlined in the accent');
      await expectCss(page, mode, '.cf-card', 'border-top-left-radius', '4px', 0, 'cards take --cf-radius');
      await expectCss(page, mode, '.cf-plan', 'border-top-left-radius', '4px', 0, 'plan cards take --cf-radius');
      await expectCss(page, mode, 'button.cf-button', 'border-top-left-radius', '2.4px', 0, 'buttons round at 0.6 × --cf-radius');
      await expectCss(page, mode, '.cf-title', 'font-family', /^"?Inter"?, system-ui, sans-serif$/);
      await expectCss(page, mode, 'input.cf-input', 'font-family', /^"?Inter"?, system-ui, sans-serif$/, 0, 'inputs too');
      await shot(page, testInfo, `theme-readme-${mode}`);
    });

    test(`${mode}: custom properties set on body reach the widget`, async ({ page }) => {
      await page.goto(hostUrl({ mode, css: ['emb-theme-body.css'] }));
      await calculatorReady(page, mode);
      await expectCss(page, mode, 'a.cf-button--primary', 'background-color', 'rgb(138, 43, 226)');
      await expectCss(page, mode, '.cf-card', 'border-top-left-radius', '6px');
      await expectCss(page, mode, 'button.cf-button', 'border-top-left-radius', '3.6px');
      await expectCss(page, mode, '.cf-title', 'font-family', /^"?Courier New"?, monospace$/);
    });
  }

  // One page per mode with five widgets: scheme light, scheme dark, the default (auto), the
  // accent alone in the dark scheme, the accent alone with the default scheme.
  const SCHEMES: WidgetAttrs[] = [
    withConfig('emb-scheme-light.json'),
    withConfig('emb-scheme-dark.json'),
    {},
    withConfig('emb-accent-dark.json'),
    withConfig('emb-accent.json'),
  ];
  for (const preference of ['light', 'dark'] as const) {
    for (const mode of MODES) {
      test(`${mode}, visitor prefers ${preference}: theme.scheme light stays light, dark stays dark, the default follows, theme.accent stays the brand`, async ({ page }, testInfo) => {
        await page.emulateMedia({ colorScheme: preference });
        await page.goto(hostUrl({ mode, widgets: SCHEMES }));
        for (let n = 0; n < SCHEMES.length; n++) await calculatorReady(page, mode, n);
        const bg = (n: number, expected: string, message: string) => expectCss(page, mode, '.cf-widget', 'background-color', expected, n, message);
        await bg(0, WHITE, 'scheme "light" is light');
        await bg(1, DARK_BG, 'scheme "dark" is dark');
        await bg(2, preference === 'dark' ? DARK_BG : WHITE, 'the default follows the preference');
        await expectCss(page, mode, '.cf-title', 'color', 'rgb(28, 36, 48)', 0, 'dark text on light');
        await expectCss(page, mode, '.cf-title', 'color', 'rgb(232, 236, 241)', 1, 'light text on dark');
        await expectCss(page, mode, 'a.cf-button--primary', 'background-color', DEFAULT_ACCENT, 0);

        // The brand accent alone (no accent_dark): the dark scheme keeps it for the primary button.
        await bg(3, DARK_BG, 'scheme "dark" with theme.accent');
        await expectCss(page, mode, 'a.cf-button--primary', 'background-color', BRAND, 3, 'dark scheme keeps theme.accent');
        await expectCss(page, mode, 'a.cf-button--primary', 'color', WHITE, 3, 'white text on the dark green');
        await expectCss(page, mode, 'a.cf-button--primary', 'background-color', BRAND, 4, 'either scheme keeps theme.accent');

        await inWidget(page, mode, '.cf-widget', 1).scrollIntoViewIfNeeded();
        await shot(page, testInfo, `scheme-${mode}-prefers-${preference}`);
      });
    }
  }

  test('iframe: the frame’s page around the widget never contradicts theme.scheme: it is transparent', async ({ page }, testInfo) => {
    // The frame's own page was painted from prefers-color-scheme alone, so a scheme "light"
    // widget sat between dark bands when the visitor preferred dark. Now it is transparent: around
    // the widget, the embedding page shows through, whatever the scheme.
    await page.setViewportSize({ width: 1280, height: 900 });
    for (const [preference, config, expected] of [
      ['dark', 'emb-scheme-light.json', WHITE],
      ['light', 'emb-scheme-dark.json', DARK_BG],
    ] as const) {
      await page.emulateMedia({ colorScheme: preference });
      await page.goto(hostUrl({ mode: 'iframe', widgets: [withConfig(config)] }));
      await calculatorReady(page, 'iframe');
      await expectCss(page, 'iframe', '.cf-widget', 'background-color', expected);
      await shot(page, testInfo, `frame-scheme-${config.replace('.json', '')}-prefers-${preference}`);
      await expectCss(page, 'iframe', 'body', 'background-color', 'rgba(0, 0, 0, 0)', 0, `${config} with a ${preference} preference: the frame's own background`);
    }
  });

  for (const mode of MODES) {
    test(`${mode}: theme.properties from the config style the widget${mode === 'iframe' ? ' inside the frame' : ''}`, async ({ page }) => {
      await page.goto(hostUrl({ mode, widgets: [withConfig('emb-properties.json')] }));
      await calculatorReady(page, mode);
      await expectCss(page, mode, 'a.cf-button--primary', 'background-color', BRAND);
      await expectCss(page, mode, '.cf-card', 'border-top-left-radius', '4px');
      await expectCss(page, mode, 'button.cf-button', 'border-top-left-radius', '2.4px');
      await expectCss(page, mode, '.cf-title', 'font-family', /^"?Inter"?, system-ui, sans-serif$/);
    });
  }
});

// --- 3. When something is wrong --------------------------------------------------------------

interface Trouble {
  name: string;
  config: string;
  /** The owner's line(s), each with the problem's path or cause. */
  problems: (RegExp | string)[];
  /** Whether the config's company can be read for the visitor's contact. */
  company: boolean;
}

const BROKEN: Trouble = {
  name: 'a broken config',
  config: 'emb-broken.json',
  problems: ['rates.hourly: must be >= 0, got -5', 'rates.priority_multiplier: must be >= 1, got 0.5', 'plans: must list at least one entry'],
  company: true,
};
const MISSING: Trouble = {
  name: 'a 404 config',
  config: 'emb-missing.json',
  problems: [/emb-missing\.json could not be loaded: the server answered 404/],
  company: false,
};
const HANGING: Trouble = {
  name: 'a config that never answers',
  config: 'emb-hang.json',
  problems: [/emb-hang\.json could not be loaded: the server did not answer within 10 seconds/],
  company: false,
};

const CONTACT = { 'data-contact-email': 'help@acme.example', 'data-contact-phone': '+44 20 7946 0999' };

/** The visitor's face: the short message and how to reach the consultancy, no problem list. */
async function expectVisitorNotice(page: Page, mode: Mode, n: number, contact: string[], trouble: Trouble, timeout: number): Promise<void> {
  const scope = widgetScope(page, mode, n);
  await expect(scope.getByText(VISITOR_SORRY, { exact: true })).toBeVisible({ timeout });
  await expect(scope.getByRole('status')).toBeVisible();
  const links = scope.locator('.cf-unavailable__contact a');
  await expect(links).toHaveText(contact);
  if (contact.length === 0) await expect(scope.getByText('Please get in touch with us for an estimate.', { exact: true })).toBeVisible();
  await expect(scope.getByText(OWNER_TITLE)).toHaveCount(0);
  await expect(scope.locator('.cf-config-error__list')).toHaveCount(0);
  const words = await scope.locator('.cf-widget').innerText();
  for (const p of trouble.problems) expect(words).not.toMatch(typeof p === 'string' ? new RegExp(escape(p)) : p);
  await expect(scope.getByRole('textbox')).toHaveCount(0);
}

/** The owner's face: every problem with its path, in place of the calculator. */
async function expectOwnerPanel(page: Page, mode: Mode, n: number, trouble: Trouble, timeout: number): Promise<void> {
  const scope = widgetScope(page, mode, n);
  const panel = scope.getByRole('alert');
  await expect(panel.getByText(OWNER_TITLE)).toBeVisible({ timeout });
  await expect(panel.locator('.cf-config-error__list li')).toHaveText(trouble.problems);
  await expect(scope.getByText(VISITOR_SORRY)).toHaveCount(0);
  await expect(scope.getByRole('textbox')).toHaveCount(0);
}

/** The console's full list, which every face logs. */
async function expectConsoleList(log: string[], trouble: Trouble): Promise<void> {
  await expect
    .poll(() => log.filter((l) => l.startsWith('error: contract-fit: the calculator cannot be shown')).join('\n'), { message: 'the console has the list' })
    .toMatch(new RegExp(trouble.problems.map((p) => (typeof p === 'string' ? escape(p) : p.source)).join('[\\s\\S]*')));
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

test.describe('when something is wrong', () => {
  // page.route cannot see requests a service worker makes; the widget's own would answer them.
  test.use({ serviceWorkers: 'block' });

  for (const trouble of [BROKEN, MISSING, HANGING]) {
    for (const mode of MODES) {
      test(`${mode}, ${trouble.name}: visitors get a way to reach you, the owner every problem, the console the list`, async ({ context }, testInfo) => {
        const wait = trouble === HANGING ? 20_000 : 10_000;
        test.setTimeout(trouble === HANGING ? 60_000 : 40_000);
        // The hanging config: the request arrives and is never answered.
        let held = 0;
        await context.route('**/emb-hang.json', () => {
          held += 1;
        });
        const companyContact = ['sales@acme.example', '+44 20 7946 0000'];
        // A visitor on the public site: one widget with the contact attributes, one without and
        // one with data-debug. In the iframe way those attributes belong on the frame's own page
        // (README: "in the iframe way, on the iframe page"), so there the frame has none of them
        // and shows the config's company, or no contact when the config cannot be read.
        const visitorWidgets: WidgetAttrs[] = mode === 'iframe'
          ? [withConfig(trouble.config)]
          : [withConfig(trouble.config, CONTACT), withConfig(trouble.config), withConfig(trouble.config, { 'data-debug': '' })];
        const pages = {
          visitor: hostUrl({ mode, origin: SHOP, widgets: visitorWidgets }),
          // The owner on the public site with #contract-fit-debug (in the iframe way, in the
          // frame's address, which is the page the attributes belong to), and on their machine.
          hash: hostUrl(mode === 'iframe'
            ? { mode, origin: SHOP, widgets: [withConfig(trouble.config, { 'frame-hash': 'contract-fit-debug' })] }
            : { mode, origin: SHOP, widgets: [withConfig(trouble.config)], hash: 'contract-fit-debug' }),
          local: hostUrl({ mode, widgets: [withConfig(trouble.config)] }),
        };
        const started = Date.now();
        await Promise.all(Object.entries(pages).map(async ([name, url]) => {
          const page = await context.newPage();
          const log = consoleLog(page);
          await page.goto(url);
          if (trouble === HANGING) {
            await expect(inWidget(page, mode, '.cf-loading').filter({ visible: true }), 'the calculator is loading meanwhile').toHaveText('Loading the calculator…');
          }
          if (name === 'visitor' && mode === 'iframe') {
            await expectVisitorNotice(page, mode, 0, trouble.company ? companyContact : [], trouble, wait);
          } else if (name === 'visitor') {
            await expectVisitorNotice(page, mode, 0, ['help@acme.example', '+44 20 7946 0999'], trouble, wait);
            await expectVisitorNotice(page, mode, 1, trouble.company ? companyContact : [], trouble, wait);
            await expectOwnerPanel(page, mode, 2, trouble, wait);
          } else {
            await expectOwnerPanel(page, mode, 0, trouble, wait);
          }
          await expectConsoleList(log, trouble);
          await shot(page, testInfo, `trouble-${trouble.config.replace('.json', '')}-${mode}-${name}`);
        }));
        if (trouble === HANGING) {
          expect(held, 'each page asked for the config').toBeGreaterThanOrEqual(3);
          expect(Date.now() - started, 'the loader waited its 10 seconds').toBeGreaterThanOrEqual(9_500);
        }
      });
    }
  }

  test('iframe: the owner’s #contract-fit-debug and the data-debug / data-contact-* attributes given on the <iframe> reach the frame', async ({ page }) => {
    // contract-fit-frame.js forwards only config=, origin= and a users= fragment to embed.html, so
    // on a public host the frame ignores the host page's #contract-fit-debug and every data-*
    // attribute of the <iframe>: the owner sees the visitor's message, and a visitor of a 404 or
    // hanging config gets no way to reach the consultancy at all.
    await page.goto(hostUrl({ mode: 'iframe', origin: SHOP, hash: 'contract-fit-debug', widgets: [withConfig(MISSING.config)] }));
    await expectOwnerPanel(page, 'iframe', 0, MISSING, 10_000);
    await page.goto(hostUrl({ mode: 'iframe', origin: SHOP, widgets: [withConfig(MISSING.config, { 'data-debug': '' }), withConfig(MISSING.config, CONTACT)] }));
    await expectOwnerPanel(page, 'iframe', 0, MISSING, 10_000);
    await expectVisitorNotice(page, 'iframe', 1, ['help@acme.example', '+44 20 7946 0999'], MISSING, 10_000);
  });

  for (const mode of MODES) {
    test(`${mode}: a config with an unknown field works; the owner sees the field listed above the calculator, visitors do not`, async ({ context }) => {
      const note = 'rates.hourlyy: unknown field; did you mean "hourly"?';
      for (const [who, origin] of [['owner', LOCAL], ['visitor', SHOP]] as const) {
        const page = await context.newPage();
        const log = consoleLog(page);
        await page.goto(hostUrl({ mode, origin, widgets: [withConfig('emb-typo.json')] }));
        await calculatorReady(page, mode);
        const notes = inWidget(page, mode, '.cf-owner-notes');
        if (who === 'owner') {
          await expect(notes).toBeVisible();
          await expect(notes.getByRole('listitem')).toHaveText([note]);
          const above = await inWidget(page, mode, '.cf-widget').evaluate((w) => {
            const n = w.querySelector('.cf-owner-notes')!.getBoundingClientRect();
            const t = w.querySelector('.cf-title')!.getBoundingClientRect();
            return n.bottom <= t.top;
          });
          expect(above, 'the list is above the calculator').toBe(true);
        } else {
          await expect(notes).toHaveCount(0);
          await expect(widgetScope(page, mode).getByText('hourlyy')).toHaveCount(0);
        }
        // The calculator works with the config's other values (Acme IT) either way.
        await expect(inWidget(page, mode, '.cf-intro')).toContainText('Acme IT');
        await expect.poll(() => log.join('\n'), { message: 'the console names the field' }).toContain('hourlyy');
        await page.close();
      }
    });
  }
});

// --- 4. Relative addresses ---------------------------------------------------------------------

test.describe('a config and a logo relative to the page', () => {
  for (const mode of MODES) {
    test(`${mode}: config="emb-config.json" on /site/emb/ loads the config beside the page`, async ({ page }) => {
      const configs: string[] = [];
      page.on('request', (r) => {
        const { pathname } = new URL(r.url());
        if (pathname.endsWith('.json')) configs.push(pathname);
      });
      await page.goto(hostUrl({ mode, widgets: [withConfig('emb-config.json')] }));
      await calculatorReady(page, mode);
      await expect(inWidget(page, mode, '.cf-intro')).toContainText('Acme IT');
      // (Fetched a second time once the frame's service worker takes control, so it is kept offline.)
      expect([...new Set(configs)]).toEqual(['/site/emb/emb-config.json']);
    });

    const logoTest = test;
    logoTest(`${mode}: the config's relative logo_url resolves against the page and the logo loads`, async ({ page }, testInfo) => {
      // iframe: embed.html takes logo_url as written, so "emb-logo.svg" resolves against
      // /tools/estimate/embed.html and the logo is a 404 (README: "resolved against your page in
      // every embed way").
      await page.goto(hostUrl({ mode, widgets: [withConfig('emb-config.json')] }));
      await calculatorReady(page, mode);
      const logo = inWidget(page, mode, 'img.cf-logo');
      await expect(logo).toHaveAttribute('alt', 'Acme IT logo');
      await shot(page, testInfo, `logo-${mode}`);
      expect(await logo.evaluate((img: HTMLImageElement) => img.src)).toBe(`${LOCAL}/site/emb/emb-logo.svg`);
      await expect.poll(() => logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { message: 'the logo loaded' }).toBeGreaterThan(0);
    });
  }
});

// --- 5. Share links from the frame -------------------------------------------------------------

test.describe('share link made in the frame', () => {
  for (const [where, origin, frameOrigin] of [['same origin', LOCAL, ''], ['frame on another origin', SHOP, OTHER]] as const) {
    test(`${where}: points at the host page and reopens the same answers inside the frame`, async ({ page, context }) => {
      const widgets = [frameOrigin ? { src: `${frameOrigin}/tools/estimate/embed.html` } : {}];
      const url = hostUrl({ mode: 'iframe', origin, widgets });
      await page.goto(url);
      const w = new EmbWidget(page.frameLocator('#w0'));
      await w.ready();
      await w.users.fill('23');
      await w.servers.fill('4');
      await w.answerFirstQuestion();
      await expect(w.planMonthly('Essential')).toHaveText('$2,555.00'); // 23 × $85 + 4 × $150
      await w.shareButton.click();
      await expect(w.shareLinkField).toBeVisible();
      const link = await w.shareLinkField.inputValue();
      expect(link.split('#')[0], 'the link is the host page, not embed.html').toBe(url);
      expect(link).toMatch(/#users=23&computers=10&servers=4&client=0&q\.[a-z_]+=0$/);

      const reopened = await context.newPage();
      await reopened.goto(link);
      const again = new EmbWidget(reopened.frameLocator('#w0'));
      await again.ready();
      await expect(again.users).toHaveValue('23');
      await expect(again.servers).toHaveValue('4');
      await expect(again.questionGroups.first().getByRole('radio').first()).toBeChecked();
      await expect(again.planMonthly('Essential')).toHaveText('$2,555.00');
      expect(reopened.url(), 'the host page keeps the link').toBe(link);
    });
  }
});

// --- 6. The loader twice -----------------------------------------------------------------------

test.describe('the loader included twice', () => {
  test('two addresses of the same build and one of them again: each widget starts once', async ({ page }) => {
    const log = consoleLog(page);
    await page.goto(`${LOCAL}/site/emb/emb-twice.html`);
    for (const id of ['first', 'second', 'third']) {
      const w = new EmbWidget(page.locator(`#${id}`));
      await w.ready();
    }
    // Give a second start every chance to happen.
    await page.waitForTimeout(1000);
    const found = await page.evaluate(() => {
      const hosts = Array.from(document.querySelectorAll('[data-contract-fit], contract-fit'));
      const roots = hosts.map((h) => h.shadowRoot);
      const ids = [document, ...roots].flatMap((r) => Array.from(r?.querySelectorAll('[id]') ?? []).map((e) => e.id));
      return {
        hosts: hosts.map((h) => h.id),
        widgets: roots.map((r) => (r ? r.querySelectorAll('.cf-widget').length : -1)),
        lightWidgets: document.querySelectorAll('.cf-widget').length,
        containers: roots.map((r) => (r ? r.querySelectorAll('.cf-root').length : -1)),
        ids: ids.length,
        duplicates: ids.filter((id, i) => ids.indexOf(id) !== i),
        titles: roots.map((r) => r?.querySelectorAll('.cf-title').length),
      };
    });
    expect(found.hosts).toEqual(['first', 'second', 'third']);
    expect(found.widgets, 'one .cf-widget in each shadow root').toEqual([1, 1, 1]);
    expect(found.containers).toEqual([1, 1, 1]);
    expect(found.titles).toEqual([1, 1, 1]);
    expect(found.lightWidgets, 'none outside the shadow roots').toBe(0);
    expect(found.ids).toBeGreaterThan(30);
    expect(found.duplicates, 'no id twice on the page').toEqual([]);

    // Each works on its own.
    const first = new EmbWidget(page.locator('#first'));
    const second = new EmbWidget(page.locator('#second'));
    await first.users.fill('20');
    await expect(first.planMonthly('Essential')).toHaveText('$1,850.00');
    await expect(second.planMonthly('Essential')).toHaveText('$1,000.00');
    await expect(page.locator('#third').locator('.cf-intro')).toContainText('Acme IT');
    expect(log.filter((l) => l.startsWith('error')), 'no console error').toEqual([]);
  });
});

// --- 7. The frame's protections ---------------------------------------------------------------

test.describe('the frame protects the page', () => {
  const foreign = `${OTHER}/site/emb/emb-config.json`;
  const dataUrl = `data:application/json,${encodeURIComponent('{"company":{"name":"Evil Corp"}}')}`;

  for (const config of [foreign, dataUrl]) {
    const kind = config.startsWith('data:') ? 'a data: URL' : 'a config on another origin';
    test(`${kind} is refused: the owner sees why, visitors the message, nobody the foreign calculator`, async ({ context }) => {
      const asked: string[] = [];
      context.on('request', (r) => {
        if (r.url().startsWith(OTHER) || r.url().startsWith('data:')) asked.push(r.url());
      });
      for (const [who, origin] of [['owner', LOCAL], ['visitor', SHOP]] as const) {
        const page = await context.newPage();
        const log = consoleLog(page);
        await page.goto(hostUrl({ mode: 'iframe', origin, widgets: [withConfig(config)] }));
        const scope = widgetScope(page, 'iframe');
        if (who === 'owner') {
          const panel = scope.getByRole('alert');
          await expect(panel.getByText(OWNER_TITLE)).toBeVisible();
          await expect(panel.locator('.cf-config-error__list li')).toHaveText([
            new RegExp(`could not be loaded: the calculator's frame only loads configs from its own site \\(${escape(origin)}\\)`),
          ]);
        } else {
          await expect(scope.getByText(VISITOR_SORRY, { exact: true })).toBeVisible();
        }
        await expect(scope.getByRole('textbox')).toHaveCount(0);
        await expect(scope.getByText(/Acme IT|Evil Corp/)).toHaveCount(0);
        await expect.poll(() => log.join('\n')).toContain('only loads configs from its own site');
        await page.close();
      }
      expect(asked, 'the frame never fetched the foreign config').toEqual([]);
    });
  }

  test('an origin= that is not the embedding page gets no events and the console says so', async ({ page }) => {
    await recordHostTraffic(page);
    const log = consoleLog(page);
    // The host page on shop.example; the frames on other.example, told a third origin (and, for
    // the second, a near miss: the right host on the wrong scheme).
    const wrong = ['http://third.example', `https://shop.example:${new URL(SHOP).port}`];
    await page.goto(hostUrl({
      mode: 'iframe',
      origin: SHOP,
      widgets: wrong.map((o) => ({ src: `${OTHER}/tools/estimate/embed.html?origin=${encodeURIComponent(o)}` })),
    }));
    for (const n of [0, 1]) {
      const w = new EmbWidget(page.frameLocator(`#w${n}`));
      await w.ready();
      await w.users.fill('20');
      await expect(w.planMonthly('Essential')).toHaveText('$1,850.00');
      await w.answerEveryQuestion();
      await expect(w.fitScore()).toBeVisible();
    }
    await page.waitForTimeout(1200); // well past the 400 ms pause before a report
    expect(await hostTraffic(page), 'no event, no message but the height').toEqual({ events: [], messages: [] });
    for (const o of wrong) {
      expect(log.join('\n')).toContain(`warning: contract-fit: embed.html was told origin=${o}, but it is embedded by ${SHOP}; it sends no events.`);
    }
    // The height still arrives: the frames fit their content.
    const heights = await page.locator('iframe').evaluateAll((fs) => fs.map((f) => f.getBoundingClientRect().height));
    for (const h of heights) expect(h).toBeGreaterThan(1000);
  });

  test('with contract-fit-frame.js and no origin given, events arrive on the iframe element (frame on another origin)', async ({ page }) => {
    await recordHostTraffic(page);
    const log = consoleLog(page);
    await page.goto(hostUrl({ mode: 'iframe', origin: SHOP, widgets: [{ src: `${OTHER}/tools/estimate/embed.html` }] }));
    const src = await page.locator('#w0').getAttribute('src');
    expect(new URL(src!).searchParams.get('origin'), 'the frame script names the page').toBe(SHOP);
    const w = new EmbWidget(page.frameLocator('#w0'));
    await w.ready();
    expect(await hostTraffic(page), 'nothing before the prospect acts').toEqual({ events: [], messages: [{ type: 'ready', origin: OTHER }] });
    await w.users.fill('20');
    await w.answerEveryQuestion();
    await expect(w.fitScore()).toBeVisible();
    await expect.poll(async () => (await hostTraffic(page)).events.map((e) => `${e.type}@${e.target}`), { message: 'events on the iframe' })
      .toEqual(expect.arrayContaining(['start@iframe#w0', 'verdict@iframe#w0', 'report@iframe#w0']));
    const traffic = await hostTraffic(page);
    expect(traffic.events.every((e) => e.target === 'iframe#w0')).toBe(true);
    expect(traffic.messages.every((m) => m.origin === OTHER)).toBe(true);
    expect(log.join('\n')).not.toContain('sends no events');
  });
});

// --- 8. Offline ---------------------------------------------------------------------------------

const OFFLINE_PAGE = `${LOCAL}/site/emb/emb-offline/`;

/** Waits until the page's service worker controls it (and the frame's, in the iframe way). */
async function controlled(page: Page, mode: Mode | 'standalone'): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller), { message: 'a service worker controls the page' }).toBe(true);
  if (mode === 'iframe') {
    const frame = await widgetFrame(page);
    await frame.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await expect.poll(() => frame.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? ''), { message: 'the widget’s own service worker controls the frame' })
      .toBe(`${LOCAL}/tools/estimate/sw.js`);
  }
}

/** The calculator computes: 20 people price the first plan. */
async function computes(page: Page, mode: Mode | 'standalone'): Promise<void> {
  const w = new EmbWidget(mode === 'standalone' ? page : widgetScope(page, mode));
  await w.ready();
  await w.users.fill('20');
  await expect(w.planMonthly('Essential')).toHaveText('$1,850.00'); // 20 × $85 + 1 × $150
  await w.answerEveryQuestion();
  await expect(w.fitScore()).toBeVisible();
}

test.describe('offline, as the README says', () => {
  test('the recipe in the fixture folder is docs/recipes/site-offline-sw.js byte for byte', () => {
    const doc = readFileSync(path.join(REPO, 'docs', 'recipes', 'site-offline-sw.js'));
    const copy = readFileSync(path.join(__dirname, 'site', 'emb', 'emb-offline', 'site-offline-sw.js'));
    expect(copy.equals(doc)).toBe(true);
  });

  test('index.html in the widget’s folder works offline after the first visit', async ({ page, context }) => {
    await page.goto(`${LOCAL}/tools/estimate/index.html`);
    await new EmbWidget(page).ready();
    await controlled(page, 'standalone');
    await context.setOffline(true);
    try {
      await page.reload();
      await computes(page, 'standalone');
      expect(await page.evaluate(() => navigator.onLine)).toBe(false);
    } finally {
      await context.setOffline(false);
    }
  });

  test('an element-way page without a service worker of its own does not load offline', async ({ page, context }) => {
    await page.goto(hostUrl({ mode: 'element' }));
    await calculatorReady(page, 'element');
    // The widget's own service worker is there, for its own folder only.
    await expect.poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).map((r) => r.scope)))
      .toEqual([`${LOCAL}/tools/estimate/`]);
    await context.setOffline(true);
    try {
      await expect(page.reload()).rejects.toThrow(/ERR_INTERNET_DISCONNECTED/);
    } finally {
      await context.setOffline(false);
    }
  });

  test('the iframe way without a site service worker: the page does not load offline, the frame’s own page does', async ({ page, context }) => {
    await page.goto(hostUrl({ mode: 'iframe' }));
    await calculatorReady(page, 'iframe');
    const frame = await widgetFrame(page);
    await frame.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await expect.poll(() => frame.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
    await context.setOffline(true);
    try {
      await expect(page.reload()).rejects.toThrow(/ERR_INTERNET_DISCONNECTED/);
      const frameAlone = await context.newPage();
      await frameAlone.goto(`${LOCAL}/tools/estimate/embed.html`);
      await computes(frameAlone, 'standalone');
    } finally {
      await context.setOffline(false);
    }
  });

  for (const mode of MODES) {
    test(`${mode}: with the recipe’s service worker beside the page, page and calculator work offline after the first visit`, async ({ page, context }) => {
      await page.goto(`${OFFLINE_PAGE}?mode=${mode}`);
      await calculatorReady(page, mode);
      await controlled(page, mode);
      await context.setOffline(true);
      try {
        // Offline is real for the service workers too: a file never fetched is not there.
        expect(await page.evaluate(() => fetch('never-fetched.json').then((r) => r.status, () => 'failed'))).toBe('failed');
        await page.reload();
        await expect(page.getByRole('heading', { name: 'What would a contract cost?' })).toBeVisible();
        await computes(page, mode);
      } finally {
        await context.setOffline(false);
      }
    });

    test(`${mode}: with the recipe and a config URL (as in every README example), the calculator works offline after the first visit`, async ({ page, context }) => {
      // The config is fetched on the first visit before either service worker controls the page
      // (or the frame), so neither the recipe's cache nor the widget's sw.js has a copy: offline,
      // the widget shows "could not be loaded … Failed to fetch". It works after a second online
      // visit. README: "After the first visit it keeps … the last copy of your config".
      await page.goto(`${OFFLINE_PAGE}?mode=${mode}&config=emb-offline-config.json`);
      await calculatorReady(page, mode);
      await controlled(page, mode);
      await context.setOffline(true);
      try {
        await page.reload();
        await computes(page, mode);
        await expect(inWidget(page, mode, '.cf-intro')).toContainText('Acme IT');
      } finally {
        await context.setOffline(false);
      }
    });
  }
});

// --- 9. The demo pages on a plain static host ------------------------------------------------

test.describe('the demo pages on a plain static host', () => {
  for (const url of ['/', '/index.html', '/embed.html', '/tools/estimate/', '/tools/estimate/embed.html']) {
    test(`${url} requests no missing file`, async ({ page }) => {
      const asked: string[] = [];
      const bad: string[] = [];
      page.on('response', (r) => {
        asked.push(`${r.status()} ${new URL(r.url()).pathname}`);
        if (r.status() >= 400) bad.push(`${r.status()} ${r.url()}`);
      });
      page.on('requestfailed', (r) => bad.push(`failed ${r.url()} ${r.failure()?.errorText}`));
      await page.goto(`${LOCAL}${url}`);
      await new EmbWidget(page).ready();
      await page.waitForTimeout(1000);
      expect(bad).toEqual([]);
      // The test server answers a missing /favicon.ico with 204; a plain host would say 404.
      expect(asked.filter((a) => a.endsWith('/favicon.ico')), 'no request for /favicon.ico').toEqual([]);
      const icon = await page.evaluate(() => (document.querySelector('link[rel~="icon"]') as HTMLLinkElement | null)?.href ?? '');
      expect(icon, 'the page names its icon').toMatch(/favicon\.svg$/);
      expect((await page.request.get(icon)).status()).toBe(200);
    });
  }
});

// --- 10. The consultancy's form controls and tax note -------------------------------------

test.describe('form controls and tax', () => {
  for (const mode of MODES) {
    test(`${mode}: hidden computers follow the people, a hidden servers field keeps its value whatever a share link says`, async ({ page, context }) => {
      await page.goto(hostUrl({ mode, widgets: [withConfig('emb-form.json')] }));
      const scope = widgetScope(page, mode);
      const w = new EmbWidget(scope);
      await w.ready();
      await expect(w.users).toHaveValue('25');
      await expect(w.computers, 'no Computers field').toHaveCount(0);
      await expect(w.servers, 'no Servers field').toHaveCount(0);
      await expect(w.planMonthly('Care')).toHaveText('$725.00'); // 25 × $10 + 25 computers × $7 + 3 × $100
      await w.users.fill('30');
      await expect(w.planMonthly('Care')).toHaveText('$810.00'); // 30 × $10 + 30 × $7 + 3 × $100

      // A share link that says 2 computers and 9 servers: people count, the hidden fields do not.
      const shared = await context.newPage();
      await shared.goto(`${hostUrl({ mode, widgets: [withConfig('emb-form.json', { 'data-storage': 'off' })] })}#users=40&computers=2&servers=9&client=0`);
      const again = new EmbWidget(widgetScope(shared, mode));
      await again.ready();
      await expect(again.users).toHaveValue('40');
      await expect(again.planMonthly('Care')).toHaveText('$980.00'); // 40 × $10 + 40 × $7 + 3 × $100
    });
  }

  test('a tax note: "+ VAT" beside quoted prices and "All prices exclude VAT." with the plans', async ({ page }, testInfo) => {
    await page.goto(hostUrl({ mode: 'element', widgets: [withConfig('emb-tax.json')] }));
    const w = new EmbWidget(page.locator('#w0'));
    await w.ready();
    await expect(w.recommendation.locator('.cf-recommend__detail')).toHaveText('$1,000.00 + VAT a month, with a guaranteed response within 8 hours.');
    await expect(w.planCard('Essential').locator('.cf-plan__annual')).toHaveText('$12,000.00 + VAT a year');
    await expect(w.plans.locator('.cf-tax-note')).toHaveText('All prices exclude VAT.');
    await expect(w.compare.locator('.cf-tax-note')).toHaveText('All prices exclude VAT.');
    await expect(page.locator('#w0 .cf-bar__price')).toContainText('$1,000.00 + VAT');
    await w.plans.scrollIntoViewIfNeeded();
    await shot(page, testInfo, 'tax-note');
  });
});
