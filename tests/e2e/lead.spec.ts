import { readFileSync, writeFileSync } from 'node:fs';
import { test as base, expect, type Page, type TestInfo } from '@playwright/test';
import {
  ANN,
  LeadForm,
  LeadServer,
  MIN_FILL_MS,
  axeViolations,
  consoleLog,
  crateVersion,
  header,
  hostEvents,
  recordHostEvents,
  repoFile,
  routeLeadConfig,
  routeRecipes,
  shot,
  startPython,
} from './support/lead';

// The lead form (src/ui/lead.rs, src/model/lead.rs) against a real endpoint on another origin:
// tests/e2e/support/lead_server.py, started on a free port for each worker, records every request
// and answers 200, 500, never, or without CORS headers. The fixture page is site/lead.html; each
// test serves it lead-config.json with its own endpoint. Also the recipes of
// docs/receiving-leads.md, each run as a consultancy would use it.

interface OpenOptions {
  /** The lead server path the form posts to: /ok, /fail, /hang, /nocors, /flaky, /f/ID. */
  behaviour?: string;
  /** Other `lead` settings (format, fields…). */
  lead?: Record<string, unknown>;
  /** The host page. */
  url?: string;
  referer?: string;
  /** The iframe (on the host page) the widget runs in. */
  frame?: string;
}

const test = base.extend<
  {
    tag: string;
    endpoint: (behaviour: string) => string;
    open: (o?: OpenOptions) => Promise<LeadForm>;
    reload: (form: LeadForm) => Promise<void>;
  },
  { server: LeadServer }
>({
  server: [
    async ({}, use) => {
      const server = await LeadServer.start();
      await use(server);
      server.stop();
    },
    { scope: 'worker' },
  ],
  // Each test's requests carry its own tag, so that tests never read each other's leads.
  tag: async ({}, use, testInfo) => {
    await use(testInfo.testId);
  },
  endpoint: async ({ server, tag }, use) => {
    await use((behaviour) => server.endpoint(behaviour, tag));
  },
  // The page with the config of the test; routes end once the widget has it, so that what the
  // endpoint answers to the browser's CORS preflight is what counts (see routeLeadConfig).
  open: async ({ page, endpoint }, use) => {
    await use(async ({ behaviour = '/ok', lead = {}, url = '/site/lead.html', referer, frame } = {}) => {
      await routeRecipes(page);
      await routeLeadConfig(page, { endpoint: endpoint(behaviour), ...lead });
      await page.goto(url, referer ? { referer } : {});
      const form = new LeadForm(page, frame ? page.frameLocator(frame) : page);
      await form.ready();
      form.settings = { endpoint: endpoint(behaviour), ...lead };
      await page.unrouteAll({ behavior: 'wait' });
      return form;
    });
  },
  reload: async ({ page }, use) => {
    await use(async (form) => {
      await routeLeadConfig(page, form.settings);
      await page.reload();
      await form.ready();
      await page.unrouteAll({ behavior: 'wait' });
    });
  },
});

// The service worker would answer the config from its cache, past the test's route.
test.use({ serviceWorkers: 'block' });
test.describe.configure({ timeout: 60_000 });

const LEAD_KEYS = ['contact', 'consent', 'answers', 'report', 'summary', 'page', 'submitted_at', 'version'];
const FORM_KEYS = [
  'name', 'email', 'phone', 'company', 'message', 'consent', 'summary', 'score', 'band', 'recommendation',
  'plan_id', 'monthly', 'currency', 'users', 'computers', 'servers', 'page_url', 'referrer', 'utm_source',
  'utm_medium', 'utm_campaign', 'utm_term', 'utm_content', 'submitted_at', 'version', 'report_json',
];
const UTM = { source: 'newsletter', medium: 'email', campaign: 'spring offer', term: 'it support', content: 'footer-link' };
// As campaign tools write them: spaces as %20 or as +.
const UTM_QUERY = 'utm_source=newsletter&utm_medium=email&utm_campaign=spring%20offer&utm_term=it+support&utm_content=footer-link';
const REFERER = 'https://search.example/results?q=it+contract';
const ISO_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
const QUESTION_IDS = ['partner', 'trust', 'payment', 'urgency', 'upkeep', 'today'];
const SENT = 'Thank you! Harbour IT will reply within one working day.';
const failed = (reason: string) =>
  `Your estimate was not sent: ${reason}. Nothing you typed is lost. Try again, or email or copy the estimate below.`;
/** An error message as read out: the stylesheet puts a warning sign before it. */
const problem = (text: string) => new RegExp(`^(⚠\\s*)?${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
/** Where the widget keeps a lead being typed on site/lead.html (data-storage="lead-test"). */
const LEAD_STORE = 'contract-fit:v1:lead:lead-test';

/** The contact as the payload carries it. */
const annContact = { name: ANN.name, email: ANN.email, phone: ANN.phone, company: ANN.company, message: ANN.message };

/** Keeps a body in the test's output folder (where the README examples were taken from). */
async function keep(testInfo: TestInfo, name: string, body: string) {
  const file = testInfo.outputPath(name);
  writeFileSync(file, body);
  await testInfo.attach(name, { path: file });
}

/** What "Copy summary" puts on the clipboard (the page must be allowed to read it). */
async function copiedSummary(form: LeadForm): Promise<string> {
  await form.copyButton.click();
  await expect(form.nextStep.getByText('Summary copied to the clipboard.')).toBeVisible();
  return form.page.evaluate(() => navigator.clipboard.readText());
}

/** The report the widget last told the host page (after the prospect's last change). */
async function lastReport(page: Page, answered: number) {
  await expect
    .poll(async () => (await hostEvents(page, 'report')).at(-1)?.detail.report.answered_questions, { message: 'report event' })
    .toBe(answered);
  return (await hostEvents(page, 'report')).at(-1)!.detail;
}

/** Waits long enough for a lead that should not leave to have arrived, then checks none did. */
async function expectNothingSent(server: LeadServer, tag: string, page: Page) {
  await page.waitForTimeout(1_000);
  expect(await server.requests(tag), 'requests that reached the endpoint').toEqual([]);
}

/** Sends the filled form as a person would: after the minimum fill time, one click. */
async function send(form: LeadForm) {
  await form.humanPause();
  await form.button.click();
}

test.describe('the payload', () => {
  test('a JSON lead arrives whole: contact, consent, answers, report, the copied summary, page, time and version', async ({
    page, context, open, server, tag,
  }, testInfo) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await recordHostEvents(page);
    const form = await open({ url: `/site/lead.html?${UTM_QUERY}`, referer: REFERER });
    await form.users.fill('12');
    await page.getByRole('textbox', { name: 'Computers', exact: true }).fill('14');
    await page.getByRole('textbox', { name: 'Servers', exact: true }).fill('2');
    await page.getByRole('combobox', { name: /how fast must someone respond/ }).selectOption({ label: 'Within 4 hours' });
    await form.answerQuestions();
    await form.fill(ANN);
    const told = await lastReport(page, 6);
    const copied = await copiedSummary(form);
    const hostUrl = page.url();

    await form.humanPause();
    const before = Date.now();
    await form.button.click();
    await expect(form.sent).toHaveText(SENT);
    const after = Date.now();

    const [post] = await server.waitForPosts(tag, 1);
    const requests = await server.requests(tag);
    expect(requests.map((r) => r.method), 'a JSON post is preflighted').toEqual(['OPTIONS', 'POST']);
    expect(header(requests[0], 'Access-Control-Request-Method')).toBe('POST');
    expect(header(requests[0], 'Access-Control-Request-Headers')).toBe('content-type');
    expect(header(post, 'Content-Type')).toBe('application/json');
    expect(header(post, 'Origin')).toBe(new URL(hostUrl).origin);
    expect(header(post, 'Cookie'), 'no credentials').toBeUndefined();
    await keep(testInfo, 'lead.json', JSON.stringify(JSON.parse(post.body!), null, 2));

    const lead = JSON.parse(post.body!);
    expect(Object.keys(lead)).toEqual(LEAD_KEYS);
    expect(lead.contact).toEqual(annContact);
    expect(lead.consent).toBe(true);
    expect(lead.answers).toEqual({
      users: 12, computers: 14, servers: 2, existing_client: false, required_response_hours: 4, downtime_cost_per_hour: null,
      choices: Object.fromEntries(QUESTION_IDS.map((id) => [id, 0])),
    });
    expect(lead.answers).toEqual(told.answers);
    expect(lead.report, 'the report the prospect saw').toEqual(told.report);
    expect(lead.report).toMatchObject({ verdict_ready: true, answered_questions: 6, score: 100, band: { id: 'strong' } });
    expect(lead.report.reasons_for.length).toBeGreaterThan(0);
    expect(lead.summary, 'the summary "Copy summary" copies').toBe(copied);
    expect(lead.summary).toContain('Fit: Strong fit (100/100).');
    expect(lead.page).toEqual({ url: hostUrl, referrer: REFERER, utm: UTM });
    expect(lead.submitted_at).toMatch(ISO_UTC);
    expect(Date.parse(lead.submitted_at)).toBeGreaterThanOrEqual(before - 1_000);
    expect(Date.parse(lead.submitted_at)).toBeLessThanOrEqual(after + 1_000);
    expect(lead.version).toBe(crateVersion());

    // What was typed is kept only until it is sent.
    expect(await page.evaluate((k) => localStorage.getItem(k), LEAD_STORE)).toBeNull();
  });

  test('a form-format lead has every flat key, no verdict before all questions are answered, and report_json whole', async ({
    page, context, open, server, tag,
  }, testInfo) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await recordHostEvents(page);
    const fields = { name: 'required', email: 'required', phone: 'optional', company: 'hidden', message: 'optional' };
    const form = await open({ lead: { format: 'form', fields }, url: `/site/lead.html?${UTM_QUERY}`, referer: REFERER });
    await expect(form.company, 'a hidden field is not shown').toHaveCount(0);
    await form.users.fill('12');
    await form.answerQuestions(3);
    await form.fill({ ...ANN, company: undefined });
    const told = await lastReport(page, 3);
    const copied = await copiedSummary(form);
    const hostUrl = page.url();
    await send(form);
    await expect(form.sent).toHaveText(SENT);

    const [post] = await server.waitForPosts(tag, 1);
    expect((await server.requests(tag)).map((r) => r.method), 'a form post needs no preflight').toEqual(['POST']);
    expect(header(post, 'Content-Type')).toBe('application/x-www-form-urlencoded');
    await keep(testInfo, 'lead.form.txt', post.body!);
    const body = new URLSearchParams(post.body!);
    expect([...body.keys()]).toEqual(FORM_KEYS);
    const get = (k: string) => body.get(k);
    const report = JSON.parse(get('report_json')!);
    expect(report, 'report_json is the report the prospect saw').toEqual(told.report);
    expect(report).toMatchObject({ verdict_ready: false, answered_questions: 3, score: null, band: null, reasons_for: [], reasons_against: [] });
    const plan = report.plans.find((p: { id: string }) => p.id === report.recommendation.plan_id);
    expect(Object.fromEntries(body)).toEqual({
      name: ANN.name, email: ANN.email, phone: ANN.phone, company: '', message: ANN.message, consent: 'true',
      summary: copied, score: '', band: '', recommendation: report.recommendation.kind, plan_id: plan.id,
      monthly: get('monthly'), currency: 'USD', users: '12', computers: '10', servers: '1',
      page_url: hostUrl, referrer: REFERER, utm_source: UTM.source, utm_medium: UTM.medium, utm_campaign: UTM.campaign,
      utm_term: UTM.term, utm_content: UTM.content, submitted_at: get('submitted_at'), version: crateVersion(),
      report_json: get('report_json'),
    });
    expect(report.recommendation.kind).toBe('plan');
    expect(Number(get('monthly'))).toBe(plan.monthly);
    expect(get('summary')).toContain('Fit: not decided yet (3 of 6 questions answered).');
    expect(get('submitted_at')).toMatch(ISO_UTC);
  });
});

test.describe('checked before it leaves the browser', () => {
  test('empty fields and an invalid email are named, focus goes to the first, and nothing is sent', async ({ page, open, server, tag }) => {
    const form = await open();
    await form.humanPause();
    await form.button.click();
    await expect(form.name).toBeFocused();
    await expect(form.name).toHaveAttribute('aria-invalid', 'true');
    await expect(form.name).toHaveAccessibleDescription(problem('Please fill in “Name”.'));
    await expect(form.email).toHaveAccessibleDescription(problem('Please fill in “Email”.'));
    await expect(form.consent).toHaveAccessibleDescription(problem('Please tick the box, so that we may contact you.'));
    await expect(form.phone, 'an optional field left empty is fine').not.toHaveAttribute('aria-invalid', 'true');
    await expect(form.section.getByRole('alert')).toHaveText('Please check the highlighted fields.');

    await form.fill({ ...ANN, email: 'ann@dental' });
    await expect(form.name, 'a fixed field loses its error at once').not.toHaveAttribute('aria-invalid', 'true');
    await form.button.click();
    await expect(form.email).toBeFocused();
    await expect(form.email).toHaveAttribute('aria-invalid', 'true');
    await expect(form.email).toHaveAccessibleDescription(problem('Please enter an email address like name@example.com.'));
    await expect(form.consent).not.toHaveAttribute('aria-invalid', 'true');
    await expectNothingSent(server, tag, page);
  });

  test('an unticked consent box is named, focused, and nothing is sent until it is ticked', async ({ page, open, server, tag }) => {
    const form = await open();
    await form.fill(ANN, false);
    await send(form);
    await expect(form.consent).toBeFocused();
    await expect(form.consent).toHaveAttribute('aria-invalid', 'true');
    await expect(form.consent).toHaveAccessibleDescription(problem('Please tick the box, so that we may contact you.'));
    await expect(form.email).not.toHaveAttribute('aria-invalid', 'true');
    await expectNothingSent(server, tag, page);

    await form.consent.check();
    await form.button.click();
    await expect(form.sent).toHaveText(SENT);
    expect(JSON.parse((await server.waitForPosts(tag, 1))[0].body!).consent).toBe(true);
  });
});

test.describe('when the lead does not get through', () => {
  test('a 500 is told plainly, nothing typed is lost (also across a reload), and the retry after recovery sends one lead', async ({
    page, open, reload, server, tag, endpoint,
  }) => {
    const log = consoleLog(page);
    await recordHostEvents(page);
    const form = await open({ behaviour: '/flaky' });
    await form.fill(ANN);
    await send(form);
    await expect(form.failure).toHaveText(failed('our server did not accept it'));
    await expect(form.button).toHaveText('Try again');
    await expect(form.emailLink, 'the email fallback stays').toBeVisible();
    await expect(form.copyButton).toBeEnabled();
    expect(await form.values()).toEqual({ ...annContact, consent: true });
    await expect
      .poll(() => log.join('\n'))
      .toContain(`contract-fit: the lead to ${endpoint('/flaky')} was refused: the endpoint answered HTTP 500 (only 2xx counts as received).`);

    // Trying again while the server still refuses sends one more, and says so again.
    await form.button.click();
    await server.waitForPosts(tag, 2);
    await expect(form.failure).toBeVisible();
    await expect(form.button).toHaveText('Try again');

    await reload(form);
    expect(await form.values(), 'restored from storage after a reload').toEqual({ ...annContact, consent: true });

    await server.control('flaky', tag, { status: '200' });
    await form.button.click();
    await expect(form.sent).toHaveText(SENT);
    await page.waitForTimeout(500);
    const posts = await server.posts(tag);
    expect(posts.length, 'two refused, then exactly one received').toBe(3);
    expect(JSON.parse(posts[2].body!).contact).toEqual(annContact);
    const times = posts.map((p) => JSON.parse(p.body!).submitted_at);
    expect(new Set(times).size, 'each try has its own submitted_at').toBe(3);
    expect(await page.evaluate((k) => localStorage.getItem(k), LEAD_STORE)).toBeNull();
    expect((await hostEvents(page, 'lead')).length).toBe(1);
  });

  test('an endpoint that never answers is given up after 15 s and told plainly', async ({ page, open, server, tag, endpoint }) => {
    const log = consoleLog(page);
    await recordHostEvents(page);
    const form = await open({ behaviour: '/hang' });
    await form.fill(ANN);
    await form.humanPause();
    const clicked = Date.now();
    await form.button.click();
    await expect(form.button).toHaveText('Sending…');
    await expect(form.button).toBeDisabled();
    // The request went out, so the lead may have arrived: the prospect is not told it was not sent.
    await expect(form.failure).toHaveText(
      'We could not confirm that Harbour IT received your estimate: our server took too long to answer. ' +
        'Nothing you typed is lost. Try again (they may then get it twice), or email or copy the estimate below.',
      { timeout: 25_000 },
    );
    const waited = Date.now() - clicked;
    expect(waited, 'the time limit').toBeGreaterThanOrEqual(14_500);
    expect(waited).toBeLessThan(22_000);
    expect(await form.values()).toEqual({ ...annContact, consent: true });
    expect(log.join('\n')).toContain(`contract-fit: the lead to ${endpoint('/hang')} timed out after 15 s without an answer.`);
    const [event] = await hostEvents(page, 'lead-failed');
    expect(event.detail).toMatchObject({ cause: 'timeout', endpoint: endpoint('/hang'), lead: { contact: annContact } });
    expect(event.detail).not.toHaveProperty('status');
    await server.control('release', tag);
  });

  for (const format of ['json', 'form'] as const) {
    test(`an endpoint without CORS headers (${format}) is told plainly, and the console names CORS`, async ({
      page, open, server, tag, endpoint,
    }) => {
      const log = consoleLog(page);
      await recordHostEvents(page);
      const form = await open({ behaviour: '/nocors', lead: { format } });
      await form.fill(ANN);
      await send(form);
      await expect(form.failure).toHaveText(failed('our server could not be reached'));
      expect(await form.values()).toEqual({ ...annContact, consent: true });
      await expect.poll(() => log.join('\n')).toContain(
        `contract-fit: the lead to ${endpoint('/nocors')} did not reach the server: it is unreachable, or it does not allow this origin (CORS:`,
      );
      expect((await hostEvents(page, 'lead-failed'))[0].detail).toMatchObject({ cause: 'blocked', endpoint: endpoint('/nocors') });
      const methods = (await server.requests(tag)).map((r) => r.method);
      if (format === 'json') {
        // The preflight is refused, so the lead itself never leaves.
        expect(methods).toEqual(['OPTIONS']);
      } else {
        // A form post needs no preflight: the server gets the lead, the browser hides its answer,
        // and the prospect is told it failed (a retry would send it twice).
        expect(methods).toEqual(['POST']);
      }
    });
  }

  test('an offline browser is told plainly, and nothing typed is lost', async ({ page, context, open, server, tag, endpoint }) => {
    const log = consoleLog(page);
    await recordHostEvents(page);
    const form = await open();
    await form.fill(ANN);
    await form.humanPause();
    await context.setOffline(true);
    await form.button.click();
    await expect(form.failure).toHaveText(failed('there is no internet connection'));
    expect(await form.values()).toEqual({ ...annContact, consent: true });
    expect(log.join('\n')).toContain(`contract-fit: the lead to ${endpoint('/ok')} was not sent: the browser is offline.`);
    expect((await hostEvents(page, 'lead-failed'))[0].detail).toMatchObject({ cause: 'offline' });
    await context.setOffline(false);
    await form.button.click();
    await expect(form.sent).toHaveText(SENT);
    expect((await server.posts(tag)).length).toBe(1);
  });

  test("the page's Content-Security-Policy blocking the endpoint is told plainly, and the console says connect-src", async ({
    page, open, server, tag, endpoint,
  }) => {
    const log = consoleLog(page);
    await recordHostEvents(page);
    const form = await open({ url: '/site/strict/lead.html' });
    await form.fill(ANN);
    await send(form);
    await expect(form.failure).toHaveText(failed('our server could not be reached'));
    await expect.poll(() => log.join('\n')).toContain(
      `contract-fit: the lead to ${endpoint('/ok')} was blocked by this page's Content-Security-Policy: add the endpoint's origin to connect-src.`,
    );
    expect((await hostEvents(page, 'lead-failed'))[0].detail).toMatchObject({ cause: 'csp' });
    await expectNothingSent(server, tag, page);
  });
});

test.describe('one lead, from people only', () => {
  test('a double click sends one lead', async ({ page, open, server, tag }) => {
    const form = await open({ behaviour: '/ok' });
    await form.fill(ANN);
    await form.humanPause();
    await form.button.dblclick();
    await expect(form.sent).toHaveText(SENT);
    await page.waitForTimeout(1_000);
    expect((await server.posts(tag)).length).toBe(1);
  });

  test('two submits in the same moment send one lead', async ({ page, open, server, tag }) => {
    const form = await open({ behaviour: '/ok' });
    await form.fill(ANN);
    await form.humanPause();
    await form.section.locator('form').evaluate((f: HTMLFormElement) => {
      f.requestSubmit();
      f.requestSubmit();
    });
    await expect(form.sent).toHaveText(SENT);
    await page.waitForTimeout(1_000);
    expect((await server.posts(tag)).length).toBe(1);
  });

  test('a filled trap field shows "sent" and sends nothing', async ({ page, open, server, tag }) => {
    await recordHostEvents(page);
    const form = await open();
    await expect(form.trap).toHaveAttribute('tabindex', '-1');
    await expect(form.trap, 'out of the accessibility tree').toHaveCount(1);
    await expect(form.section.getByRole('textbox', { name: 'Leave this field empty' })).toHaveCount(0);
    await form.fill(ANN);
    await form.trap.fill('https://cheap-pills.example', { force: true });
    await send(form);
    await expect(form.sent).toHaveText(SENT);
    await expectNothingSent(server, tag, page);
    expect(await hostEvents(page, 'lead')).toEqual([]);
  });

  test('a form sent within 3 s of appearing shows "sent" and sends nothing', async ({ page, open, server, tag }) => {
    await recordHostEvents(page);
    const form = await open();
    await form.name.fill(ANN.name);
    await form.email.fill(ANN.email);
    await form.consent.check();
    await form.email.press('Enter');
    await expect(form.sent).toHaveText(SENT);
    expect(Date.now() - form.shownAt, 'the test was faster than a person').toBeLessThan(MIN_FILL_MS);
    await expectNothingSent(server, tag, page);
    expect(await hostEvents(page, 'lead')).toEqual([]);
  });
});

test.describe('events for the host page', () => {
  test('start, verdict, lead-failed and lead reach the host element with their payloads, and nothing before the prospect acts', async ({
    page, open, reload, server, tag, endpoint,
  }) => {
    await recordHostEvents(page);
    const form = await open({ behaviour: '/flaky' });
    await form.users.fill('15');
    await expect.poll(async () => (await hostEvents(page, 'start')).length).toBe(1);
    await page.waitForTimeout(600); // the answers are saved

    // Answers saved earlier reopen without telling anyone anything.
    await reload(form);
    await expect(form.users).toHaveValue('15');
    await page.waitForTimeout(1_000);
    expect(await hostEvents(page), 'no event before the prospect acts').toEqual([]);

    await form.users.fill('16');
    await expect.poll(async () => (await hostEvents(page, 'start')).length).toBe(1);
    const [start] = await hostEvents(page, 'start');
    expect(start.target).toBe('calc');
    expect(start.detail.answers).toMatchObject({ users: 16, choices: {} });
    expect(start.detail.report).toMatchObject({ band: null, score: null, verdict_ready: false });
    expect(await hostEvents(page, 'verdict'), 'no verdict before the questions are answered').toEqual([]);

    await form.answerQuestions();
    await expect.poll(async () => (await hostEvents(page, 'verdict')).length).toBe(1);
    const [verdict] = await hostEvents(page, 'verdict');
    expect(verdict.target).toBe('calc');
    expect(verdict.detail.report).toMatchObject({ verdict_ready: true, answered_questions: 6, band: { id: 'strong' }, score: 100 });
    expect(verdict.detail.answers.choices).toEqual(Object.fromEntries(QUESTION_IDS.map((id) => [id, 0])));

    await form.fill(ANN);
    await form.humanPause();
    await form.button.click();
    await expect(form.failure).toBeVisible();
    const [refused] = await server.waitForPosts(tag, 1);
    const failedEvents = await hostEvents(page, 'lead-failed');
    expect(failedEvents.length).toBe(1);
    expect(failedEvents[0].target).toBe('calc');
    expect(Object.keys(failedEvents[0].detail)).toEqual(['cause', 'endpoint', 'status', 'lead']);
    expect(failedEvents[0].detail).toEqual({ cause: 'refused', endpoint: endpoint('/flaky'), status: 500, lead: JSON.parse(refused.body!) });

    await server.control('flaky', tag, { status: '200' });
    await form.button.click();
    await expect(form.sent).toBeVisible();
    const [, received] = await server.waitForPosts(tag, 2);
    const leads = await hostEvents(page, 'lead');
    expect(leads.length).toBe(1);
    expect(leads[0].target).toBe('calc');
    expect(leads[0].detail, 'the lead event carries what the endpoint received').toEqual(JSON.parse(received.body!));
    expect((await hostEvents(page, 'start')).length, 'start is told once').toBe(1);
    expect((await hostEvents(page, 'verdict')).length, 'verdict is told once').toBe(1);
  });
});

test.describe('iframe mode under the strict Content-Security-Policy', () => {
  const FRAME_URL = `/site/strict/lead-frame.html?${UTM_QUERY}`;

  test('a lead is sent from the frame, and "Email this estimate" leaves the frame showing the calculator', async ({
    page, open, server, tag,
  }) => {
    const log = consoleLog(page);
    await recordHostEvents(page);
    const form = await open({ url: FRAME_URL, frame: '#frame' });
    const hostUrl = page.url();
    expect((await page.request.get(FRAME_URL)).headers()['content-security-policy']).toBe(STRICT_CSP);
    await form.users.fill('12');
    await form.fill(ANN);
    await send(form);
    await expect(form.sent).toHaveText(SENT);
    const [post] = await server.waitForPosts(tag, 1);
    const lead = JSON.parse(post.body!);
    expect(lead.contact).toEqual(annContact);
    expect(lead.answers.users).toBe(12);
    expect(header(post, 'Origin')).toBe(new URL(hostUrl).origin);

    await expect(form.emailLink).toHaveAttribute('target', '_top');
    await expect(form.emailLink).toHaveAttribute('href', /^mailto:hello@harbour-it\.example\?subject=/);
    await form.emailLink.click();
    await expect
      .poll(async () => (await hostEvents(page, 'next-step')).map((e) => [e.target, e.detail.action]))
      .toEqual([['frame', 'email']]);
    await page.waitForTimeout(500);
    expect(page.url(), 'the host page stays').toBe(hostUrl);
    const frame = page.frames().find((f) => f !== page.mainFrame())!;
    expect(frame.url(), 'the frame was not navigated to mailto:').toMatch(/\/embed\.html\?config=/);
    await expect(form.scope.getByRole('heading', { name: 'Is an IT service contract right for you?' })).toBeVisible();
    await expect(form.sent).toBeVisible();
    expect(log.filter((l) => /Content Security Policy|Refused/.test(l)), 'nothing the CSP refused').toEqual([]);
  });

  for (const allowed of [true, false]) {
    test(`the frame's own CSP decides where a lead may go: embed.html ${allowed ? 'with' : 'without'} connect-src for the endpoint`, async ({
      page, server, tag, endpoint,
    }) => {
      const framePolicy = allowed ? `${STRICT_CSP}; connect-src 'self' ${server.origin}` : STRICT_CSP;
      const site = await startPython(
        'tests/e2e/support/csp_site.py',
        ['--port', '0', '--csp', '/site/strict/', STRICT_CSP, '--csp', '/embed.html', framePolicy],
        /listening on http:\/\/127\.0\.0\.1:(\d+)\//,
      );
      try {
        const log = consoleLog(page);
        await routeLeadConfig(page, { endpoint: endpoint('/ok') });
        await page.goto(`http://127.0.0.1:${site.port}/site/strict/lead-frame.html`);
        const form = new LeadForm(page, page.frameLocator('#frame'));
        await form.ready();
        await page.unrouteAll({ behavior: 'wait' });
        const frame = page.frames().find((f) => f !== page.mainFrame())!;
        expect((await page.request.get(frame.url())).headers()['content-security-policy']).toBe(framePolicy);
        await form.fill(ANN);
        await send(form);
        if (allowed) {
          await expect(form.sent).toHaveText(SENT);
          expect((await server.posts(tag)).length).toBe(1);
        } else {
          await expect(form.failure).toHaveText(failed('our server could not be reached'));
          await expect.poll(() => log.join('\n')).toContain("was blocked by this page's Content-Security-Policy: add the endpoint's origin to connect-src.");
          await expectNothingSent(server, tag, page);
        }
      } finally {
        site.stop();
      }
    });
  }

  test('a lead from the frame names the host page: its address, referrer and UTM parameters', async ({ page, open, server, tag }) => {
    const form = await open({ url: FRAME_URL, frame: '#frame', referer: REFERER });
    await form.fill(ANN);
    await send(form);
    await expect(form.sent).toBeVisible();
    const lead = JSON.parse((await server.waitForPosts(tag, 1))[0].body!);
    expect(lead.page).toEqual({ url: page.url(), referrer: REFERER, utm: UTM });
  });

  test('start, verdict, lead and lead-failed reach the iframe element', async ({ page, open, server, tag }) => {
    await recordHostEvents(page);
    const form = await open({ url: FRAME_URL, frame: '#frame', behaviour: '/flaky' });
    await form.users.fill('12');
    await form.answerQuestions();
    await form.fill(ANN);
    await send(form);
    await expect(form.failure).toBeVisible();
    await server.control('flaky', tag, { status: '200' });
    await form.button.click();
    await expect(form.sent).toBeVisible();
    // The frame does tell the page (only its origin)…
    const told = await page.evaluate(() => (window as any).frameMessages.map((m: { type: string }) => m.type));
    expect(told.filter((t: string) => t !== 'report' && t !== 'ready')).toEqual(['start', 'verdict', 'lead-failed', 'lead']);
    // …and the iframe element should pass it on, as it does for report and next-step.
    await expect
      .poll(async () => (await hostEvents(page)).filter((e) => e.type !== 'report').map((e) => [e.target, e.type]))
      .toEqual([['frame', 'start'], ['frame', 'verdict'], ['frame', 'lead-failed'], ['frame', 'lead']]);
  });
});

test.describe('accessible in every state', () => {
  for (const width of [375, 1280]) {
    test(`no axe violation in the empty, errors, failed, sending and sent states at ${width} px (screenshots)`, async ({
      page, open, server, tag,
    }, testInfo) => {
      await page.setViewportSize({ width, height: 900 });
      const form = await open({ behaviour: '/flaky' });
      const states: Record<string, string[]> = {};
      const capture = async (state: string) => {
        await form.section.scrollIntoViewIfNeeded();
        states[state] = await axeViolations(page, '.cf-next');
        await shot(form.section, testInfo, `lead-${state}-${width}px`);
      };
      await capture('empty');

      await form.humanPause();
      await form.button.click();
      await expect(form.section.getByRole('alert')).toHaveText('Please check the highlighted fields.');
      await capture('errors');

      await form.fill(ANN);
      await form.button.click();
      await expect(form.failure).toBeVisible();
      await capture('failed');

      await server.control('flaky', tag, { status: '0' }); // hold the next answer
      await form.button.click();
      await expect(form.button).toHaveText('Sending…');
      await expect(form.section.locator('form')).toHaveAttribute('aria-busy', 'true');
      await capture('sending');

      await server.control('release', tag);
      await expect(form.sent).toHaveText(SENT);
      await capture('sent');

      expect(states).toEqual({ empty: [], errors: [], failed: [], sending: [], sent: [] });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, 'nothing scrolls sideways').toBeLessThanOrEqual(0);
    });
  }

  test('the whole form works from the keyboard: Tab to each field, Space on the consent box, Enter on the button', async ({
    page, open, server, tag,
  }) => {
    const form = await open();
    const tab = async (to: typeof form.name) => {
      await page.keyboard.press('Tab');
      await expect(to).toBeFocused();
    };
    await form.name.focus();
    // Empty: Tab along to the button and press Enter; the first problem gets the focus.
    for (const next of [form.email, form.phone, form.company, form.message, form.consent]) await tab(next);
    await tab(form.section.getByRole('link', { name: 'Privacy notice' }));
    await tab(form.button);
    await form.humanPause();
    await page.keyboard.press('Enter');
    await expect(form.name).toBeFocused();
    await expect(form.name).toHaveAttribute('aria-invalid', 'true');

    await page.keyboard.type(ANN.name);
    await tab(form.email);
    await page.keyboard.type(ANN.email);
    await tab(form.phone);
    await page.keyboard.type(ANN.phone!);
    await tab(form.company);
    await page.keyboard.type(ANN.company!);
    await tab(form.message);
    await page.keyboard.type('Call me.');
    await tab(form.consent); // the trap field is skipped
    await page.keyboard.press('Space');
    await expect(form.consent).toBeChecked();
    await tab(form.section.getByRole('link', { name: 'Privacy notice' }));
    await tab(form.button);
    await page.keyboard.press('Enter');
    await expect(form.sent).toHaveText(SENT);
    const lead = JSON.parse((await server.waitForPosts(tag, 1))[0].body!);
    expect(lead.contact).toEqual({ ...annContact, message: 'Call me.' });
  });
});

test.describe('recipes of docs/receiving-leads.md', () => {
  test('connect-src naming the endpoint lets a lead through a strict Content-Security-Policy', async ({ page, server, tag, endpoint }) => {
    const policy = `${STRICT_CSP}; connect-src 'self' ${server.origin}`;
    const site = await startPython('tests/e2e/support/csp_site.py', ['--port', '0', '--csp', '/site/strict/', policy], /listening on http:\/\/127\.0\.0\.1:(\d+)\//);
    try {
      const log = consoleLog(page);
      await routeLeadConfig(page, { endpoint: endpoint('/ok') });
      const response = await page.goto(`http://127.0.0.1:${site.port}/site/strict/lead.html`);
      expect(response!.headers()['content-security-policy']).toBe(policy);
      const form = new LeadForm(page);
      await form.ready();
      await page.unrouteAll({ behavior: 'wait' });
      await form.fill(ANN);
      await send(form);
      await expect(form.sent).toHaveText(SENT);
      const requests = await server.requests(tag);
      expect(requests.map((r) => r.method)).toEqual(['OPTIONS', 'POST']);
      expect(header(requests[1], 'Origin')).toBe(`http://127.0.0.1:${site.port}`);
      expect(log.filter((l) => /Content Security Policy|Refused/.test(l))).toEqual([]);
    } finally {
      site.stop();
    }
  });

  test('lead_mailer.py receives the JSON lead and emails the summary and the contact details', async ({ page, context, open }, testInfo) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const mailbox = testInfo.outputPath('mailbox.jsonl');
    const smtp = await startPython('tests/e2e/support/fake_smtp.py', ['--port', '0', '--out', mailbox], /listening on 127\.0\.0\.1:(\d+)/);
    const mailer = await startPython('docs/recipes/lead_mailer.py', [], /listening on http:\/\/127\.0\.0\.1:(\d+)\//, {
      LEAD_PORT: '0',
      LEAD_ALLOW_ORIGIN: new URL(testInfo.project.use.baseURL!).origin,
      LEAD_SMTP_HOST: '127.0.0.1',
      LEAD_SMTP_PORT: String(smtp.port),
      LEAD_MAIL_FROM: 'calculator@harbour-it.example',
      LEAD_MAIL_TO: 'sales@harbour-it.example',
    });
    try {
      await routeLeadConfig(page, { endpoint: `http://127.0.0.1:${mailer.port}/lead` });
      await page.goto('/site/lead.html?utm_campaign=spring');
      const form = new LeadForm(page);
      await form.ready();
      await page.unrouteAll({ behavior: 'wait' });
      await form.users.fill('12');
      await form.answerQuestions();
      await form.fill(ANN);
      const summary = await copiedSummary(form);
      await send(form);
      await expect(form.sent).toHaveText(SENT);

      let mails: { from: string; to: string[]; headers: Record<string, string>; text: string }[] = [];
      await expect.poll(() => {
        try {
          mails = readFileSync(mailbox, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
        } catch {
          mails = [];
        }
        return mails.length;
      }, { message: 'one email' }).toBe(1);
      const [mail] = mails;
      expect(mail.from).toBe('calculator@harbour-it.example');
      expect(mail.to).toEqual(['sales@harbour-it.example']);
      expect(mail.headers.Subject).toBe('Estimate request from Ann Lee');
      expect(mail.headers['Reply-To']).toBe(ANN.email);
      const text = mail.text.replace(/\r\n/g, '\n');
      for (const line of [`Name: ${ANN.name}`, `Email: ${ANN.email}`, `Phone: ${ANN.phone}`, `Company: ${ANN.company}`,
        `Message: ${ANN.message}`, `Page: ${page.url()}`]) {
        expect(text).toContain(line);
      }
      expect(text, 'the summary the prospect could copy').toContain(summary);

      // The preflight is answered as the browser needs it, and a mail that cannot go out is a 500
      // (which the widget tells the prospect).
      const mailerUrl = `http://127.0.0.1:${mailer.port}/lead`;
      const preflight = await fetch(mailerUrl, { method: 'OPTIONS' });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe(new URL(testInfo.project.use.baseURL!).origin);
      expect(preflight.headers.get('access-control-allow-methods')).toBe('POST');
      expect(preflight.headers.get('access-control-allow-headers')).toBe('Content-Type');
      smtp.stop();
      await new Promise((resolve) => smtp.proc.once('exit', resolve));
      const lead = { contact: { name: 'B', email: 'b@example.com', phone: '', company: '', message: '' }, page: { url: 'x' }, summary: 'S' };
      const refused = await fetch(mailerUrl, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(lead) });
      expect(refused.status, 'no mail server, no 2xx').toBe(500);
    } finally {
      mailer.stop();
      smtp.stop();
    }
  });

  test('a form service (form format) gets the lead as form fields and its 200 counts as received', async ({ open, server, tag }) => {
    const form = await open({ behaviour: '/f/harbour-estimates', lead: { format: 'form' } });
    await form.users.fill('12');
    await form.fill(ANN);
    await send(form);
    await expect(form.sent).toHaveText(SENT);
    const requests = await server.requests(tag);
    expect(requests.map((r) => r.method), 'no preflight').toEqual(['POST']);
    const fields = requests[0].fields!;
    expect(fields).toMatchObject({ name: ANN.name, email: ANN.email, phone: ANN.phone, company: ANN.company, users: '12', consent: 'true' });
    expect(fields.summary).toContain('Business: 12 people, 10 computers and 1 server.');
  });

  test('a form service that redirects to its thank-you page unless asked for JSON still counts the lead as received', async ({
    open, server, tag,
  }) => {
    const form = await open({ behaviour: '/f/harbour-estimates?classic=1', lead: { format: 'form' } });
    await form.fill(ANN);
    await send(form);
    const [post] = await server.waitForPosts(tag, 1);
    expect(post.fields, 'the service stored the lead').toMatchObject({ email: ANN.email });
    await expect(form.sent, 'and the prospect is told so').toHaveText(SENT);
  });

  test('the CRM snippet hands a received lead to the CRM: identify with the contact, track with the estimate', async ({ page, open, server, tag }) => {
    const form = await open({ url: `/site/lead-crm.html?${UTM_QUERY}`, behaviour: '/flaky' });
    await form.users.fill('12');
    await form.answerQuestions();
    await form.fill(ANN);
    await send(form);
    await expect(form.failure).toBeVisible();
    expect(await page.evaluate(() => (window as any).crmCalls), 'nothing for a lead that did not arrive').toEqual([]);

    await server.control('flaky', tag, { status: '200' });
    await form.button.click();
    await expect(form.sent).toBeVisible();
    const lead = JSON.parse((await server.waitForPosts(tag, 2))[1].body!);
    const plan = lead.report.plans.find((p: { id: string }) => p.id === lead.report.recommendation.plan_id);
    expect(await page.evaluate(() => (window as any).crmCalls)).toEqual([
      ['identify', ANN.email, { name: ANN.name, phone: ANN.phone, company: ANN.company }],
      ['track', 'Estimate sent', {
        users: 12, computers: 10, servers: 1, fit: 'strong', recommended_plan: plan.name, monthly: plan.monthly,
        currency: 'USD', utm_campaign: UTM.campaign,
      }],
    ]);
  });

  test('the analytics snippet tells gtag and Plausible the funnel: start, verdict, next step, lead failed, lead', async ({
    page, context, open, server, tag,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const form = await open({ url: '/site/lead-analytics.html', behaviour: '/flaky' });
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => (window as any).analyticsCalls), 'nothing before the prospect acts').toEqual([]);
    await form.users.fill('12');
    await form.answerQuestions();
    await copiedSummary(form);
    await form.fill(ANN);
    await send(form);
    await expect(form.failure).toBeVisible();
    await server.control('flaky', tag, { status: '200' });
    await form.button.click();
    await expect(form.sent).toBeVisible();
    const lead = JSON.parse((await server.waitForPosts(tag, 2))[1].body!);
    const plan = lead.report.plans.find((p: { id: string }) => p.id === lead.report.recommendation.plan_id);

    const calls: unknown[][] = await page.evaluate(() => (window as any).analyticsCalls);
    const expected: [string, Record<string, unknown>][] = [
      ['estimate_start', {}],
      ['estimate_verdict', { fit: 'strong', score: 100 }],
      ['estimate_next_step', { action: 'copy' }],
      ['estimate_lead_failed', { cause: 'refused' }],
      ['generate_lead', { currency: 'USD', value: plan.monthly }],
    ];
    expect(calls).toEqual(expected.flatMap(([name, params]) => [['gtag', 'event', name, params], ['plausible', name, { props: params }]]));
    const sent = JSON.stringify(calls);
    for (const typed of [ANN.name, ANN.email, ANN.phone!]) expect(sent, 'no contact details go to analytics').not.toContain(typed);
  });

  test('the recipe files are the ones docs/receiving-leads.md shows, and its example bodies have the real shape', async ({
    open, server, tag,
  }, testInfo) => {
    // A real lead against the examples in the document (which were made by this very test).
    const form = await open({ url: `/site/lead.html?${UTM_QUERY}`, referer: REFERER });
    await form.users.fill('12');
    await form.answerQuestions();
    await form.fill(ANN);
    await send(form);
    await expect(form.sent).toBeVisible();
    const [post] = await server.waitForPosts(tag, 1);
    await keep(testInfo, 'example.json', post.body!);
    const real = JSON.parse(post.body!);

    const doc = repoFile('docs', 'receiving-leads.md');
    for (const file of ['lead_mailer.py', 'crm-lead.js', 'analytics-funnel.js']) {
      expect(doc, `docs/recipes/${file} shown as it is`).toContain(repoFile('docs', 'recipes', file).trim());
    }

    const jsonExample = doc.match(/<!-- example: json -->\s*```json\n([\s\S]*?)\n```/);
    expect(jsonExample, 'the JSON example block').not.toBeNull();
    expect(shape(JSON.parse(jsonExample![1]))).toEqual(shape(real));

    const formExample = doc.match(/<!-- example: form -->\s*```text\n([\s\S]*?)\n```/);
    expect(formExample, 'the form example block').not.toBeNull();
    expect(formExample![1].split('\n').map((l) => l.split('=')[0])).toEqual(FORM_KEYS);
  });
});

/** The keys of a JSON value, all the way down (an array by its first item). */
function shape(v: unknown): unknown {
  if (Array.isArray(v)) return v.length ? [shape(v[0])] : [];
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, shape(x)]));
  return v === null ? null : typeof v;
}
