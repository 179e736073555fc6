import { test, expect, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import {
  Texts,
  Widget,
  collectProblems,
  defaultConfig,
  exampleConfig,
  expectFrameFits,
  frameFit,
  fullPageShot,
  hostChrome,
  hostEvents,
  stubPrint,
  waitForHostEvent,
  type HostChrome,
  type Scope,
} from './pages/site';

// The widget embedded in the fixture consultancy website (tests/e2e/site/, served at /site/):
// as <div data-contract-fit> hosts, as the <contract-fit> element with its shadow root and in an
// iframe; with inline, URL, broken and missing configs; under a strict Content-Security-Policy;
// under a sub-path; offline; and the events it sends the host page.

const english = new Texts(defaultConfig());
const german = new Texts(exampleConfig('de-DE'));
const british = new Texts(exampleConfig('en-GB'));

/** Monthly prices after typing 20 people over the starting answers (10 computers, 1 server). */
const US_ESSENTIAL_20 = '$1,850.00'; // 20 × $85 + 1 × $150
const UK_ESSENTIALS_20 = '£1,295.00'; // 20 × £60 + 1 × £95
const DE_BASIS_20 = /^1\.499,00\s€$/; // 20 × 69 € + 1 × 119 €

interface Mode {
  name: 'script-embed' | 'custom-element' | 'iframe';
  url: string;
  scope: (page: Page) => Scope;
  texts: Texts;
  firstPlan: string;
  price20: string | RegExp;
}

const MODES: Mode[] = [
  { name: 'script-embed', url: '/site/script-embed.html', scope: (p) => p.locator('#us'), texts: english, firstPlan: 'Essential', price20: US_ESSENTIAL_20 },
  { name: 'custom-element', url: '/site/custom-element.html', scope: (p) => p.locator('contract-fit#de'), texts: german, firstPlan: 'Basis', price20: DE_BASIS_20 },
  { name: 'iframe', url: '/site/iframe.html', scope: (p) => p.frameLocator('#frame'), texts: english, firstPlan: 'Essential', price20: US_ESSENTIAL_20 },
];

/** What the site's own stylesheets give its chrome on a page without any widget. */
async function chromeWithoutWidget(page: Page): Promise<HostChrome> {
  await page.goto('/site/no-widget.html');
  return hostChrome(page);
}

/** The computed styles that the fixture's hostile.css would break if it reached the widget. */
async function widgetLooks(w: Widget) {
  return w.root.evaluate((root) => {
    const cs = (el: Element | null) => (el ? getComputedStyle(el) : null);
    const all = (sel: string) => Array.from(root.querySelectorAll(sel));
    const rect = root.getBoundingClientRect();
    const title = root.querySelector('.cf-title');
    const input = root.querySelector('input.cf-input');
    const plan = root.querySelector('.cf-plan');
    return {
      display: cs(root)!.display,
      width: rect.width,
      fontSize: cs(root)!.fontSize,
      layout: cs(root.querySelector('.cf-layout'))?.display,
      optionDirections: [...new Set(all('.cf-option').map((o) => getComputedStyle(o).flexDirection))],
      hiddenLabels: all('label').filter((l) => getComputedStyle(l).display === 'none').length,
      labels: all('label').length,
      inputWidth: input ? input.getBoundingClientRect().width : 0,
      hiddenButtons: all('button').filter((b) => getComputedStyle(b).display === 'none').length,
      buttons: all('button').length,
      titleColor: cs(title)?.color,
      titleFontSize: parseFloat(cs(title)?.fontSize ?? '0'),
      planFloat: cs(plan)?.cssFloat,
      planWidth: plan ? plan.getBoundingClientRect().width : 0,
      paragraphTransform: cs(root.querySelector('.cf-intro'))?.textTransform,
    };
  });
}

test.describe('hostile host CSS', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  for (const mode of MODES) {
    test(`${mode.name}: works, looks right and leaves the page's own styles alone`, async ({ page }, testInfo) => {
      const control = await chromeWithoutWidget(page);
      await page.goto(mode.url);
      const w = new Widget(mode.scope(page), mode.texts);
      await w.ready();

      // It works: typing the size updates the prices; answering a question shows the progress
      // towards a verdict (a verdict needs every answer).
      await expect(w.planCards).not.toHaveCount(0);
      const before = await w.planMonthly(mode.firstPlan).textContent();
      await w.users.fill('20');
      await expect(w.planMonthly(mode.firstPlan)).toHaveText(mode.price20);
      expect(await w.planMonthly(mode.firstPlan).textContent()).not.toBe(before);
      await w.answerFirstQuestion();
      await expect(w.fitProgress(1)).toBeVisible();
      await expect(w.fitScore()).toHaveCount(0);

      // It looks right: nothing of hostile.css (div { flex-direction: row-reverse }, label and
      // button { display: none }, input { width: 40px }, h1 { 70px red }, li { float: left },
      // body { 28px }) reaches it.
      const looks = await widgetLooks(w);
      expect(looks.display, '.cf-widget is a block').toBe('block');
      expect(looks.width, '.cf-widget uses the width it is given').toBeGreaterThanOrEqual(600);
      expect(looks.fontSize, 'its own text size, not the page body 28px').toBe('16px');
      expect(looks.layout, '.cf-layout is a grid').toBe('grid');
      expect(looks.optionDirections, 'answer options lay out left to right').toEqual(['row']);
      expect(looks.labels).toBeGreaterThan(5);
      expect(looks.hiddenLabels, 'no label is hidden').toBe(0);
      expect(looks.inputWidth, 'inputs are wider than 100px').toBeGreaterThan(100);
      expect(looks.buttons).toBeGreaterThanOrEqual(4);
      expect(looks.hiddenButtons, 'no button is hidden').toBe(0);
      expect(looks.titleColor, 'headings are not red').not.toBe('rgb(255, 0, 0)');
      expect(looks.titleFontSize, 'headings are not 70px').toBeLessThan(40);
      expect(looks.planFloat, 'plan cards do not float').toBe('none');
      expect(looks.planWidth, 'plan cards are not squeezed to 30%').toBeGreaterThan(200);
      expect(looks.paragraphTransform, 'paragraphs are not upper-cased').toBe('none');
      await expect(w.users).toBeVisible();
      await expect(w.questionGroups.first().getByRole('radio').first()).toBeVisible();
      await expect(w.printButton).toBeVisible();
      await expect(w.shareButton).toBeVisible();
      await expect(w.planCard(mode.firstPlan).locator('summary')).toBeVisible();

      // The page's own styles still apply to the page, exactly as on a page without the widget.
      const chrome = await hostChrome(page);
      expect(chrome.header?.['background-color']).toBe('rgb(13, 59, 46)');
      expect(chrome.tagline?.['text-transform'], 'hostile.css upper-cases the tagline').toBe('uppercase');
      expect(chrome.header).toEqual(control.header);
      expect(chrome.tagline).toEqual(control.tagline);
      expect(chrome.body).toEqual(control.body);
      if (chrome.button) {
        // hostile.css hides bare buttons; the site's own .site-button rule (host.css) shows it again.
        expect(chrome.button).toEqual(control.button);
        expect(chrome.button.display).toBe('inline-block');
      }

      await fullPageShot(page, testInfo, `hostile-${mode.name}`);
    });
  }
});

test.describe('several widgets and configs', () => {
  test('two widgets on one page give their own prices and keep their own saved answers', async ({ page }) => {
    await page.goto('/site/script-embed.html');
    const us = new Widget(page.locator('#us'), english);
    const uk = new Widget(page.locator('#uk'), british);
    await us.ready();
    await uk.ready();

    await us.users.fill('20');
    await uk.users.fill('20');
    await expect(us.planMonthly('Essential')).toHaveText(US_ESSENTIAL_20);
    await expect(uk.planMonthly('Essentials')).toHaveText(UK_ESSENTIALS_20);
    await expect(us.planCards).toHaveText(Array(3).fill(/\$/));
    await expect(uk.planCards).toHaveText(Array(3).fill(/£/));

    await uk.users.fill('30');
    await expect(uk.planMonthly('Essentials')).toHaveText('£1,895.00'); // 30 × £60 + £95
    await expect(us.planMonthly('Essential')).toHaveText(US_ESSENTIAL_20);

    const saved = async () =>
      page.evaluate(() =>
        Object.fromEntries(
          Object.keys(localStorage)
            .filter((k) => k.startsWith('contract-fit:'))
            .map((k) => [k, JSON.parse(localStorage.getItem(k)!).users]),
        ),
      );
    await expect.poll(saved, { message: 'one saved entry per widget' }).toEqual({
      'contract-fit:v1:answers:default': '20',
      'contract-fit:v1:answers:/tools/estimate/examples/en-GB.json': '30',
    });

    await page.reload();
    await us.ready();
    await uk.ready();
    await expect(us.users).toHaveValue('20');
    await expect(uk.users).toHaveValue('30');
    await expect(us.planMonthly('Essential')).toHaveText(US_ESSENTIAL_20);
    await expect(uk.planMonthly('Essentials')).toHaveText('£1,895.00');
  });

  test('inline config: the consultancy and its single plan', async ({ page }) => {
    await page.goto('/site/inline-config.html');
    const inline = new Texts({ ...defaultConfig(), company: { name: 'Inline Consulting' } });
    const w = new Widget(page.locator('#inline'), inline);
    await w.ready();
    await expect(w.root.locator('.cf-intro')).toContainText('Inline Consulting');
    await expect(w.existingClient).toBeVisible(); // "We already work with Inline Consulting"
    await expect(w.emailLink).toHaveAttribute('href', /^mailto:hello@inline\.example\?/);
    await expect(w.planCards).toHaveCount(1);
    await expect(w.planCard('Care')).toBeVisible();
    await expect(w.planMonthly('Care')).toHaveText('$700.00'); // 10 × $70, above the $300 minimum
    await expect(w.root).not.toContainText('Northwind');
  });

  test('URL config: the second widget is Thameside’s, the first Northwind’s', async ({ page }) => {
    await page.goto('/site/script-embed.html');
    const uk = new Widget(page.locator('#uk'), british);
    const us = new Widget(page.locator('#us'), english);
    await uk.ready();
    await us.ready();
    await expect(uk.root.locator('.cf-intro')).toContainText('Thameside IT Ltd');
    await expect(uk.emailLink).toBeVisible();
    await expect(uk.root).not.toContainText('Northwind');
    await expect(us.root.locator('.cf-intro')).toContainText('Northwind IT');
    await expect(us.root).not.toContainText('Thameside');
  });

  test('bad config: the site owner sees every problem, never a blank box', async ({ page }) => {
    await page.goto('/site/bad-config.html');
    const inline = page.locator('#bad-inline').getByRole('alert');
    await expect(inline).toBeVisible();
    await expect(inline.getByRole('listitem')).toHaveText([
      'rates.hourly: must be >= 0, got -5',
      'rates.priority_multiplier: must be >= 1, got 0.5',
      'plans: must list at least one entry',
    ]);
    const notJson = page.locator('#not-json').getByRole('alert');
    await expect(notJson).toBeVisible();
    await expect(notJson.getByRole('listitem')).toHaveCount(1);
    await expect(notJson.getByRole('listitem')).toContainText('is not valid JSON');
    for (const host of ['#bad-inline', '#not-json']) {
      const box = await page.locator(host).boundingBox();
      expect(box?.height ?? 0, `${host} is not an empty box`).toBeGreaterThan(80);
      await expect(page.locator(host).getByRole('heading')).toBeVisible();
      await expect(page.locator(host).getByRole('textbox')).toHaveCount(0);
    }
  });

  test('missing config: the panel says the file could not be loaded and names the 404', async ({ page }) => {
    await page.goto('/site/missing-config.html');
    const alert = page.locator('#missing').getByRole('alert');
    await expect(alert).toBeVisible();
    await expect(alert.getByRole('listitem')).toHaveText(/\/site\/no-such-config\.json could not be loaded: .*404/);
    await expect(page.locator('#missing').getByRole('textbox')).toHaveCount(0);
  });
});

test.describe('strict Content-Security-Policy', () => {
  test('no violation, no console error, and the journey completes', async ({ page }) => {
    await page.addInitScript(() => {
      const w = window as unknown as { cspViolations: string[] };
      w.cspViolations = [];
      document.addEventListener(
        'securitypolicyviolation',
        (e) => w.cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber}) ${e.sample}`),
        true,
      );
    });
    const problems = collectProblems(page);
    const response = await page.goto('/site/strict/index.html');
    expect(response?.headers()['content-security-policy']).toBe(
      "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'",
    );
    const w = new Widget(page.locator('#strict'), english);
    await w.ready();
    // The stylesheet loaded: the layout is the widget's own.
    await expect(w.root.locator('.cf-layout')).toHaveCSS('display', 'grid');

    await w.users.fill('20');
    await expect(w.planMonthly('Essential')).toHaveText(US_ESSENTIAL_20);
    await w.answerEveryQuestion('first');
    await expect(w.fitScore()).toBeVisible();
    await w.openAllDetails();
    await w.compare.getByRole('radio', { name: 'Premium', exact: true }).check();
    await w.shareButton.click();
    await expect(w.shareLinkField).toBeVisible();

    const violations = await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
    expect(violations).toEqual([]);
    expect(problems).toEqual([]);
  });
});

test.describe('from the release zip', () => {
  test.beforeAll(() => {
    // The zip a consultancy downloads, unpacked where the test server serves /unzipped/.
    execFileSync('python3', ['scripts/package.py', '--extract-to', 'target/unzipped'], { stdio: 'pipe' });
  });

  test('unpacked into any folder, the calculator loads and works', async ({ page }) => {
    const problems = collectProblems(page);
    await page.goto('/unzipped/contract-fit/index.html');
    const w = new Widget(page, english);
    await w.ready();
    await w.users.fill('20');
    await expect(w.planMonthly('Essential')).toHaveText(US_ESSENTIAL_20);
    expect(problems).toEqual([]);
  });
});

test.describe('under a sub-path', () => {
  for (const path of ['/tools/estimate/', '/tools/estimate/embed.html']) {
    test(`${path} loads everything from under the sub-path and works`, async ({ page }) => {
      const problems = collectProblems(page);
      const requested: string[] = [];
      page.on('request', (r) => requested.push(new URL(r.url()).pathname));
      await page.goto(path);
      const w = new Widget(page, english);
      await w.ready();
      await expect(page.getByRole('heading', { level: 1, name: english.t('widget.title') })).toBeVisible();
      await w.users.fill('20');
      await expect(w.planMonthly('Essential')).toHaveText(US_ESSENTIAL_20);
      await w.answerFirstQuestion();
      await expect(w.fitProgress(1)).toBeVisible();
      expect(problems).toEqual([]);
      const outside = requested.filter((p) => !p.startsWith('/tools/estimate/') && p !== '/favicon.ico');
      expect(outside, 'every file comes from under /tools/estimate/').toEqual([]);
      expect(requested).toEqual(expect.arrayContaining(['/tools/estimate/contract-fit-web_bg.wasm', '/tools/estimate/contract-fit.css']));
    });
  }
});

test.describe('offline', () => {
  test('after one visit the calculator loads and computes without a network', async ({ page, context }) => {
    await page.goto('/tools/estimate/');
    await new Widget(page, english).ready();
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    if (!(await page.evaluate(() => !!navigator.serviceWorker.controller))) {
      await page.reload();
      await new Widget(page, english).ready();
    }
    await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller), { message: 'the service worker controls the page' }).toBe(true);

    await context.setOffline(true);
    try {
      await page.reload();
      const w = new Widget(page, english);
      await w.ready();
      await w.users.fill('20');
      await expect(w.planMonthly('Essential')).toHaveText(US_ESSENTIAL_20);
      await w.answerFirstQuestion();
      await expect(w.fitProgress(1)).toBeVisible();
      expect(await page.evaluate(() => navigator.onLine)).toBe(false);
    } finally {
      await context.setOffline(false);
    }
  });
});

test.describe('iframe', () => {
  test('the frame has a title and follows its content as it grows and shrinks', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto('/site/iframe.html');
    await expect(page.locator('#frame')).toHaveAttribute('title', /\S/);
    await expect(page.getByTitle('IT service contract calculator')).toBeVisible();
    const w = new Widget(page.frameLocator('#frame'), english);
    await w.ready();
    const loaded = await expectFrameFits(page, '#frame', 'after loading');
    expect(loaded.frame, 'the frame is not left at the default 150px').toBeGreaterThan(1000);

    // More to show: answers add the fit and its reasons, open details add the explanations.
    await w.answerEveryQuestion('first');
    await expect(w.fitScore()).toBeVisible();
    await expectFrameFits(page, '#frame', 'after answering');
    const answered = await frameFit(page, '#frame');
    expect(await w.openAllDetails()).toBeGreaterThan(0);
    await expect.poll(async () => (await frameFit(page, '#frame')).frame, { message: 'the frame grows with open details' }).toBeGreaterThan(answered.frame + 100);
    const opened = await expectFrameFits(page, '#frame', 'with every detail open');

    // Less to show: closing the details again.
    expect(await w.closeAllDetails()).toBeGreaterThan(3);
    await expect.poll(async () => (await frameFit(page, '#frame')).frame, { message: 'the frame shrinks when details close' }).toBeLessThan(opened.frame - 100);
    const closed = await expectFrameFits(page, '#frame', 'with the details closed');

    // Narrower: one column, taller. Wider again: two columns, shorter.
    await page.setViewportSize({ width: 700, height: 800 });
    await expect.poll(async () => (await frameFit(page, '#frame')).frame, { message: 'one column is taller' }).toBeGreaterThan(closed.frame + 100);
    const narrow = await expectFrameFits(page, '#frame', 'at 700px');
    await page.setViewportSize({ width: 1280, height: 800 });
    await expect.poll(async () => (await frameFit(page, '#frame')).frame, { message: 'two columns are shorter' }).toBeLessThan(narrow.frame - 100);
    await expectFrameFits(page, '#frame', 'at 1280px again');
  });

  test('on a 375px phone the frame fits without inner scrolling', async ({ page }, testInfo) => {
    await page.setViewportSize({ width: 375, height: 740 });
    await page.goto('/site/iframe.html');
    const w = new Widget(page.frameLocator('#frame'), english);
    await w.ready();
    await expectFrameFits(page, '#frame', 'at 375px');
    await w.users.fill('20');
    await w.answerEveryQuestion('first');
    await expect(w.fitScore()).toBeVisible();
    const fit = await expectFrameFits(page, '#frame', 'at 375px after answering');
    expect(fit.width).toBeLessThanOrEqual(375);
    expect(fit.scrollWidth, 'nothing scrolls sideways inside the frame').toBeLessThanOrEqual(fit.width + 1);
    await fullPageShot(page, testInfo, 'iframe-375px');
  });
});

test.describe('host events', () => {
  test('script embed: report and next-step events arrive on the right host', async ({ page }) => {
    await stubPrint(page);
    await page.goto('/site/script-embed.html');
    const us = new Widget(page.locator('#us'), english);
    await us.ready();
    await new Widget(page.locator('#uk'), british).ready();

    // Two keystrokes 60 ms apart, timed inside the page: driven from the test runner, a busy
    // machine can stretch the gap past the widget's 400 ms pause and fail the test for nothing.
    await us.users.evaluate(async (el) => {
      const input = el as HTMLInputElement;
      for (const value of ['2', '20']) {
        input.value = value;
        input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: value.slice(-1) }));
        await new Promise((done) => setTimeout(done, 60));
      }
    });
    await expect(us.users).toHaveValue('20');
    const report = await waitForHostEvent(page, 'report from #us with 20 people',
      (e) => e.type === 'contract-fit:report' && e.host === 'us' && e.detail.answers.users === 20);
    expect(typeof report.detail.report.plans[0].monthly).toBe('number');
    expect(report.detail.report.plans[0]).toMatchObject({ id: 'essential', monthly: 1850 });
    // No question answered: the report carries no verdict yet.
    expect(report.detail.report).toMatchObject({
      score: null,
      band: null,
      verdict_ready: false,
      answered_questions: 0,
      reasons_for: [],
      reasons_against: [],
    });
    await page.waitForTimeout(600);
    const all = await hostEvents(page);
    expect(all.filter((e) => e.host === 'us' && e.detail.answers.users === 2), 'reports wait until typing pauses').toEqual([]);
    expect(all.filter((e) => e.host === 'uk' && e.detail.answers.users === 20), 'the other widget reports nothing of it').toEqual([]);
    expect(all.every((e) => e.host === 'us' || e.host === 'uk')).toBe(true);

    await us.printButton.click();
    const step = await waitForHostEvent(page, 'print from #us',
      (e) => e.type === 'contract-fit:next-step' && e.host === 'us');
    expect(step.detail.action).toBe('print');
    expect(step.detail.answers.users).toBe(20);
    expect(typeof step.detail.report.plans[0].monthly).toBe('number');
    expect(step.detail.report).toMatchObject({ score: null, band: null, verdict_ready: false });
    expect(await page.evaluate(() => (window as unknown as { __printCalls: number }).__printCalls)).toBe(1);
  });

  test('iframe: answers reach only the origin named in the frame address (the frame script names the page when none is given)', async ({ page }) => {
    await page.goto('/site/iframe-origins.html');
    // The frame script titles a frame the page left untitled.
    await expect(page.locator('#untitled')).toHaveAttribute('title', 'IT service contract calculator');
    for (const id of ['#foreign', '#untitled']) {
      const w = new Widget(page.frameLocator(id), english);
      await w.ready();
      await w.users.fill('20');
      await expect(w.planMonthly('Essential')).toHaveText(US_ESSENTIAL_20);
      // The height says nothing about the prospect, so every parent gets it.
      await expectFrameFits(page, id, id);
    }
    await page.waitForTimeout(1000); // well past the 400 ms the widget waits before reporting
    const heardFrom = [...new Set((await hostEvents(page)).map((e: { host: string }) => e.host))];
    // The frame told another origin hears nothing; the one without an origin was given this
    // page's own by contract-fit-frame.js, so its events arrive here.
    expect(heardFrom, 'no report for another origin').not.toContain('foreign');
    expect(heardFrom, 'the page that included the frame script hears its frame').toEqual(['untitled']);
  });

  test('iframe: the same events arrive on the iframe element', async ({ page }) => {
    await stubPrint(page);
    await page.goto('/site/iframe.html');
    const w = new Widget(page.frameLocator('#frame'), english);
    await w.ready();
    await w.users.fill('20');
    const report = await waitForHostEvent(page, 'report from the frame with 20 people',
      (e) => e.type === 'contract-fit:report' && e.host === 'frame' && e.detail.answers.users === 20);
    expect(report.detail.report.plans[0]).toMatchObject({ id: 'essential', monthly: 1850 });

    await w.printButton.click();
    const step = await waitForHostEvent(page, 'print from the frame',
      (e) => e.type === 'contract-fit:next-step' && e.host === 'frame');
    expect(step.detail.action).toBe('print');
    expect(step.detail.answers.users).toBe(20);
    expect(typeof step.detail.report.plans[0].monthly).toBe('number');
  });
});

test.describe('custom element', () => {
  test('"Compare with paying per job" moves focus to the comparison heading inside the shadow root', async ({ page }) => {
    await page.goto('/site/custom-element.html');
    const host = page.locator('contract-fit#de');
    const w = new Widget(host, german);
    await w.ready();
    await w.recommendation.getByRole('button', { name: german.t('recommend.compare_link') }).click();
    const heading = w.compare.getByRole('heading', { name: german.t('compare.heading'), exact: true });
    await expect(heading).toBeFocused();
    // The page sees the host focused; inside its shadow root, the heading is.
    const focused = await page.evaluate(() => {
      const host = document.activeElement;
      const inner = host?.shadowRoot?.activeElement;
      return { host: host?.tagName.toLowerCase(), inner: inner?.tagName.toLowerCase(), text: inner?.textContent };
    });
    expect(focused).toEqual({ host: 'contract-fit', inner: 'h3', text: german.t('compare.heading') });
    await expect(heading).toBeInViewport();
  });

  test('the page CSS stays out of the shadow root and events cross it', async ({ page }) => {
    await stubPrint(page);
    await page.goto('/site/custom-element.html');
    const host = page.locator('contract-fit#de');
    const w = new Widget(host, german);
    await w.ready();

    expect(await host.evaluate((el) => el.shadowRoot?.mode)).toBe('open');
    expect(await host.evaluate((el) => !!el.shadowRoot?.querySelector('.cf-widget'))).toBe(true);
    // hostile.css says label { display: none }: inside the shadow root labels show.
    await expect(w.root.getByText(german.t('business.users.label'), { exact: true })).toBeVisible();
    expect((await widgetLooks(w)).hiddenLabels).toBe(0);
    await expect(w.root.locator('label').first()).not.toHaveCSS('display', 'none');
    // And the widget's stylesheet stays inside too: the page itself links none.
    expect(await page.evaluate(() => [...document.querySelectorAll('link[rel="stylesheet"]')].map((l) => (l as HTMLLinkElement).href).filter((h) => h.includes('contract-fit')))).toEqual([]);

    await w.users.fill('20');
    await expect(w.planMonthly('Basis')).toHaveText(DE_BASIS_20);
    const report = await waitForHostEvent(page, 'report from <contract-fit>',
      (e) => e.type === 'contract-fit:report' && e.host === 'de' && e.detail.answers.users === 20);
    expect(report.detail.report.plans[0]).toMatchObject({ id: 'basis', monthly: 1499 });
    await w.printButton.click();
    const step = await waitForHostEvent(page, 'print from <contract-fit>',
      (e) => e.type === 'contract-fit:next-step' && e.host === 'de');
    expect(step.detail.action).toBe('print');
  });
});
