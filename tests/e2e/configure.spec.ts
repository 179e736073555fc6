// The configurator (configure.html): a consultancy builds its config from scratch in the browser,
// exports it, and the widget loaded with that file prices exactly as `contract-fit evaluate` does
// and as the preview showed; broken imports list their problems; the work survives a reload;
// every snippet makes a working page; axe-core finds nothing in any state; the keyboard reaches
// everything; and the widget's visitors load none of it.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { test, expect, type Locator, type Page } from '@playwright/test';

const REPO = path.resolve(__dirname, '..', '..');
const AXE = path.join(REPO, 'node_modules', 'axe-core', 'axe.min.js');

// --- helpers --------------------------------------------------------------------------------------

/** Runs the command-line tool: its exit code and its output lines. */
function cli(args: string[]): { code: number; out: string; err: string[] } {
  try {
    const out = execFileSync('cargo', ['run', '--quiet', '--offline', '--locked', '--bin', 'contract-fit', '--', ...args], {
      cwd: REPO,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return { code: 0, out, err: [] };
  } catch (e) {
    const err = e as { status: number; stdout: string; stderr: string };
    return { code: err.status, out: err.stdout, err: err.stderr.split('\n').filter((l) => l.length > 0) };
  }
}

/** `contract-fit check FILE`'s problem lines, without the file name in front. */
function checkLines(file: string): string[] {
  const r = cli(['check', file]);
  return r.err.map((l) => l.slice(`${file}: `.length));
}

function tempDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'contract-fit-configure-'));
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

/** Opens the configurator with nothing kept from before, and waits for it to run. */
async function open(page: Page): Promise<void> {
  await page.goto('/configure.html');
  await expect(page.getByRole('heading', { level: 1, name: 'Set up your calculator' })).toBeVisible();
}

/** Every console error and page error, to assert that nothing ever crashes. */
function recordErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  return errors;
}

async function violations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    // @ts-expect-error axe is injected above
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    });
    return result.violations.map((v: { id: string; nodes: { target: string[] }[] }) =>
      `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

const preview = (page: Page): Locator => page.locator('#cfg-preview');
const plansRegion = (scope: Locator): Locator => scope.getByRole('region', { name: 'Plans for your business' });

/** The monthly price line of a plan in a widget ("$1,234.00 per month"). */
function monthly(scope: Locator, plan: string): Locator {
  return plansRegion(scope).getByRole('listitem', { name: plan, exact: true }).getByRole('paragraph').filter({ hasText: /per month$/ });
}

const usd = (x: number): string =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(x);

/** Answers a widget's business fields and every fit question with its option `pick`. */
async function answer(scope: Locator, sizes: { users: string; computers: string; servers: string }, picks: number[]): Promise<void> {
  await scope.getByLabel('People who use computers', { exact: true }).fill(sizes.users);
  await scope.getByLabel('Computers', { exact: true }).fill(sizes.computers);
  await scope.getByLabel('Servers', { exact: true }).fill(sizes.servers);
  const groups = scope.locator('.cf-question');
  await expect(groups).toHaveCount(picks.length);
  for (const [i, pick] of picks.entries()) {
    await groups.nth(i).getByRole('radio').nth(pick).check();
  }
}

/** Clicks `button` and returns the text of the file it downloads. */
async function downloaded(page: Page, button: Locator, dir: string, name: string): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  expect(download.suggestedFilename()).toBe(name);
  const file = path.join(dir, name);
  await download.saveAs(file);
  return file;
}

/** A page of the fixture site with `body` in it, and files served from memory beside it. */
async function routeSite(page: Page, files: Record<string, { body: string; type: string }>): Promise<void> {
  await page.route('**/cfg-test/**', async (route) => {
    const name = new URL(route.request().url()).pathname.replace('/cfg-test/', '');
    const f = files[name];
    if (f) await route.fulfill({ status: 200, contentType: f.type, body: f.body });
    else await route.fulfill({ status: 404, body: 'not found' });
  });
}

const CHECK_OK = 'contract-fit check says ok: this config is ready.';

// --- the journey from scratch ---------------------------------------------------------------------

test.describe('from scratch to a working calculator', () => {
  test.setTimeout(180_000);

  test('two plans, three questions and a lead endpoint: the export prices as evaluate does, as the preview showed', async ({ page }) => {
    const errors = recordErrors(page);
    const dir = tempDir();
    await open(page);
    await page.getByRole('button', { name: 'A blank config with placeholders' }).click();
    await expect(page.getByText('Started over from a blank config.')).toBeVisible();

    await page.getByLabel('Company name').fill('Lakeside IT');
    await page.getByLabel('Sales email').fill('hello@lakeside-it.example');

    // Two plans: the blank one renamed, and one added.
    const plan1 = page.getByRole('group', { name: /^Plan 1:/ });
    await plan1.getByLabel('Name', { exact: true }).fill('Basic');
    await plan1.getByLabel('Id', { exact: true }).fill('basic');
    await plan1.getByLabel('Guaranteed response (hours)').fill('8');
    await plan1.getByLabel('Per person').fill('45');
    await plan1.getByLabel('Per server').fill('120.50');
    await page.getByRole('button', { name: 'Add a plan' }).click();
    const plan2 = page.getByRole('group', { name: /^Plan 2:/ });
    await expect(plan2.getByLabel('Name', { exact: true })).toBeFocused();
    await plan2.getByLabel('Name', { exact: true }).fill('Complete');
    await plan2.getByLabel('Id', { exact: true }).fill('complete');
    await plan2.getByLabel('Guaranteed response (hours)').fill('2');
    await plan2.getByLabel('Per person').fill('80');
    await plan2.getByLabel('Per computer').fill('5');
    await plan2.getByLabel('Minimum a month').fill('900');

    // Three questions, each with its options and points.
    const questions = [
      { text: 'How do you pay for IT today?', options: [['A monthly fee', 3], ['Per job', -2]] },
      { text: 'How long do you plan to work with us?', options: [['Years', 2], ['Months', 0], ['One job', -3]] },
      { text: 'What does an hour without email cost you?', options: [['A lot', 3], ['Little', -1]] },
    ] as const;
    for (const [i, q] of questions.entries()) {
      await page.getByRole('button', { name: 'Add a question' }).click();
      const group = page.getByRole('group', { name: new RegExp(`^Question ${i + 1}:`) });
      await group.getByLabel('Question', { exact: true }).fill(q.text);
      await group.getByLabel('Id', { exact: true }).fill(`q${i + 1}`);
      const options = group.getByRole('group', { name: new RegExp(`^Options of question ${i + 1}`) });
      for (const [j, [label, points]] of q.options.entries()) {
        if (j >= 2) await options.getByRole('button', { name: `Add an option to question ${i + 1}` }).click();
        await options.getByLabel(`Option ${j + 1}`, { exact: true }).fill(label);
        await options.getByLabel(`Points for option ${j + 1}`).fill(String(points));
        await options.getByLabel(`Reason for option ${j + 1}`).fill(points > 0 ? `You said: ${label}.` : '');
      }
    }

    // A lead endpoint.
    await page.getByLabel('Send leads to your own endpoint (adds a contact form)').check();
    await page.getByLabel('Endpoint', { exact: true }).fill('http://127.0.0.1:4199/ok');
    await expect(page.getByText(CHECK_OK)).toBeVisible();

    // The preview shows the new plans at once; a sample prospect answers in it.
    const shown = preview(page);
    await expect(monthly(shown, 'Basic')).toBeVisible();
    // The preview starts again a moment after each edit: wait for the one with the endpoint (its
    // contact form shows), so the sample answers go into the widget that stays.
    await expect(shown.getByRole('button', { name: 'Send my estimate' })).toBeVisible();
    const sizes = { users: '12', computers: '15', servers: '2' };
    await answer(shown, sizes, [0, 1, 0]);
    const previewPrices = { Basic: await monthly(shown, 'Basic').textContent(), Complete: await monthly(shown, 'Complete').textContent() };

    // Export: contract-fit check accepts the file as it is.
    const config = await downloaded(page, page.getByRole('button', { name: 'Download config.json' }), dir, 'config.json');
    expect(cli(['check', config])).toMatchObject({ code: 0, out: 'ok\n' });
    const answers = await downloaded(page, page.getByRole('button', { name: 'Download the sample answers' }), dir, 'answers.json');
    const saved = JSON.parse(readFileSync(answers, 'utf8'));
    expect(saved).toMatchObject({ users: 12, computers: 15, servers: 2, choices: { q1: 0, q2: 1, q3: 0 } });

    // evaluate prices those answers exactly as the preview showed.
    const report = JSON.parse(cli(['evaluate', '--config', config, '--answers', answers]).out);
    const expected = Object.fromEntries(report.plans.map((p: { name: string; monthly: number }) => [p.name, `${usd(p.monthly)} per month`]));
    expect(Object.keys(expected)).toEqual(['Basic', 'Complete']);
    expect(previewPrices).toEqual(expected);

    // The widget loaded with the exported file by data-config shows the same prices.
    const configText = readFileSync(config, 'utf8');
    await routeSite(page, {
      'page.html': {
        type: 'text/html',
        body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Lakeside IT</title>
          <script type="module" src="/tools/estimate/contract-fit.js" data-offline="off"></script></head>
          <body><main><div data-contract-fit data-config="/cfg-test/config.json" data-storage="off"></div></main></body></html>`,
      },
      'config.json': { type: 'application/json', body: configText },
    });
    await page.goto('/cfg-test/page.html');
    const widget = page.locator('[data-contract-fit]');
    await expect(widget.getByText('Answer a few questions to see how well a contract with Lakeside IT fits your business', { exact: false })).toBeVisible();
    await answer(widget, sizes, [0, 1, 0]);
    for (const [name, line] of Object.entries(expected)) {
      await expect(monthly(widget, name), name).toHaveText(line as string);
    }
    expect(errors).toEqual([]);
  });
});

// --- import ----------------------------------------------------------------------------------------

test.describe('import', () => {
  test('a broken file lists its problems in check\'s words, each at its field; never a crash', async ({ page }) => {
    const errors = recordErrors(page);
    await open(page);
    const file = path.join(REPO, 'tests/fixtures/bad-configs/at-least.json');
    await page.getByLabel('Choose a config file (or drop it here)').setInputFiles(file);
    const result = page.locator('#cfg-import-result');
    await expect(result).toContainText('Imported at-least.json, with 1 problem');
    const lines = checkLines(file);
    expect(lines).toEqual(['plans[1].per_user: must be >= 0, got -5']);
    for (const line of lines) await expect(result.getByText(line, { exact: true })).toBeVisible();
    // At its field, and in the check panel with a way to it.
    const field = page.getByRole('group', { name: /^Plan 2:/ }).getByLabel('Per person');
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('.cfg-field--invalid').getByText(lines[0], { exact: true })).toBeVisible();
    await page.locator('#cfg-problems').getByRole('button', { name: 'Show the field' }).click();
    await expect(field).toBeFocused();
    // The preview keeps the last version that worked, and says so.
    await expect(preview(page).getByText('Your config has problems: this is the last version that worked.')).toBeVisible();
    await field.fill('5');
    await expect(page.getByText(CHECK_OK)).toBeVisible();
    expect(errors).toEqual([]);
  });

  test('a file that is not JSON changes nothing and says where it breaks, as check does', async ({ page }) => {
    const errors = recordErrors(page);
    await open(page);
    await page.getByLabel('Company name').fill('Kept IT');
    const file = path.join(REPO, 'tests/fixtures/bad-configs/invalid-json.json');
    await page.getByLabel('Choose a config file (or drop it here)').setInputFiles(file);
    const result = page.locator('#cfg-import-result');
    await expect(result).toContainText('invalid-json.json was not imported; your work is unchanged');
    await expect(result.getByText(checkLines(file)[0], { exact: true })).toBeVisible();
    await expect(page.getByLabel('Company name')).toHaveValue('Kept IT');
    // The text waits in the paste box, to be fixed there.
    await expect(page.getByLabel('…or paste its JSON')).toHaveValue(readFileSync(file, 'utf8'));
    await page.getByLabel('…or paste its JSON').fill('{ "rates": { "hourly": 150 } }');
    await page.getByRole('button', { name: 'Import the pasted JSON' }).click();
    await expect(result).toContainText('Imported the pasted JSON: contract-fit check says ok.');
    // A list, not an object.
    await page.getByLabel('…or paste its JSON').fill('[1, 2]');
    await page.getByRole('button', { name: 'Import the pasted JSON' }).click();
    await expect(result.getByText('must be an object, got a list', { exact: true })).toBeVisible();
    // The earlier import's notice no longer reads as the latest news; its undo stays.
    const notice = page.locator('.cfg-notice');
    await expect(notice).not.toContainText('Imported the pasted JSON');
    await expect(notice.getByRole('button', { name: 'Undo: bring back what was there before' })).toBeVisible();
    expect(errors).toEqual([]);
  });

  test('switching the currency switches its decimals, unless they were chosen', async ({ page }) => {
    const errors = recordErrors(page);
    await open(page);
    const decimals = page.getByLabel('Decimals of the currency');
    // The shipped config writes USD's own 2 decimals; yen has none.
    await expect(decimals).toHaveValue('2');
    await page.getByLabel('Currency', { exact: true }).fill('JPY');
    await expect(decimals).toHaveValue('');
    await expect(decimals).toHaveAttribute('placeholder', '0 (the currency\'s own)');
    await expect(page.locator('.cfg-sample')).toHaveText(/^Sample: 1234567 is shown as .*1,234,567$/);
    await expect(page.getByText(CHECK_OK)).toBeVisible();
    // Decimals chosen on purpose stay when the currency changes again.
    await decimals.fill('1');
    await page.getByLabel('Currency', { exact: true }).fill('EUR');
    await expect(decimals).toHaveValue('1');
    expect(errors).toEqual([]);
  });

  test('a file with a thousand plans stays usable: the first twelve are shown, one button keeps them', async ({ page }) => {
    const errors = recordErrors(page);
    await open(page);
    const plans = Array.from({ length: 1000 }, (_, i) => ({ id: `p${i}`, name: `Plan ${i}`, response_hours: 4 }));
    await page.getByLabel('…or paste its JSON').fill(JSON.stringify({ plans }));
    await page.getByRole('button', { name: 'Import the pasted JSON' }).click();
    await expect(page.locator('#cfg-import-result').getByText('plans: must list at most 12 entries', { exact: true })).toBeVisible();
    await expect(page.locator('.cfg-item legend').filter({ hasText: /^Plan \d+:/ })).toHaveCount(12);
    await page.getByRole('button', { name: 'Keep only the first 12 plans' }).click();
    await expect(page.getByText(CHECK_OK)).toBeVisible();
    expect(errors).toEqual([]);
  });

  test('a dropped file is imported; unknown fields can be removed', async ({ page }) => {
    await open(page);
    const text = JSON.stringify({ company: { name: 'Dropped IT' }, rates: { hourlyy: 99 } });
    await page.locator('.cfg-drop').evaluate((zone, body) => {
      const dt = new DataTransfer();
      dt.items.add(new File([body], 'dropped.json', { type: 'application/json' }));
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, text);
    await expect(page.locator('#cfg-import-result')).toContainText('Imported dropped.json, with 1 problem');
    await expect(page.getByLabel('Company name')).toHaveValue('Dropped IT');
    const panel = page.locator('#cfg-problems');
    await expect(panel.getByText('rates.hourlyy: unknown field; did you mean "hourly"?')).toBeVisible();
    await panel.getByRole('button', { name: 'Remove rates.hourlyy' }).click();
    await expect(page.getByText(CHECK_OK)).toBeVisible();
  });
});

// --- kept work ---------------------------------------------------------------------------------------

test.describe('work in progress', () => {
  test('survives a reload; starting over can be undone', async ({ page }) => {
    await open(page);
    await page.getByLabel('Company name').fill('Reloaded IT');
    await page.getByRole('group', { name: /^Plan 1:/ }).getByLabel('Per person').fill('99');
    await page.reload();
    await expect(page.getByLabel('Company name')).toHaveValue('Reloaded IT');
    await expect(page.getByRole('group', { name: /^Plan 1:/ }).getByLabel('Per person')).toHaveValue('99');
    await expect(preview(page).getByText(/how well a contract with Reloaded IT fits/)).toBeVisible();
    const keys = await page.evaluate(() => Object.keys(localStorage));
    expect(keys.every((k) => k.startsWith('contract-fit:v1:'))).toBe(true);
    expect(keys).toContain('contract-fit:v1:configure:draft');

    await page.getByRole('button', { name: 'The German example (Rheinwerk IT, euros)' }).click();
    await expect(page.getByLabel('Company name')).toHaveValue('Rheinwerk IT GmbH');
    await expect(page.getByRole('button', { name: 'Undo: bring back what was there before' })).toBeFocused();
    await page.reload();
    await page.getByRole('button', { name: 'Undo: bring back what was there before' }).click();
    await expect(page.getByLabel('Company name')).toHaveValue('Reloaded IT');
    await expect(page.getByRole('group', { name: /^Plan 1:/ }).getByLabel('Per person')).toHaveValue('99');
  });

  test('with storage that throws, the configurator works and says the work is not kept', async ({ page }) => {
    await page.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        },
      });
    });
    const errors = recordErrors(page);
    await open(page);
    await expect(page.getByRole('alert').filter({ hasText: 'does not let the configurator keep your work' })).toBeVisible();
    await page.getByLabel('Company name').fill('No Storage IT');
    await expect(preview(page).getByText(/how well a contract with No Storage IT fits/)).toBeVisible();
    expect(errors).toEqual([]);
  });

  test('saved work that cannot be read is offered for repair, not thrown away', async ({ page }) => {
    await page.goto('/configure.html');
    await page.evaluate(() => localStorage.setItem('contract-fit:v1:configure:draft', '{"company": {"name": "Half'));
    await page.reload();
    await expect(page.getByLabel('…or paste its JSON')).toHaveValue('{"company": {"name": "Half');
    await expect(page.getByLabel('Company name')).toHaveValue('Northwind IT');
  });
});

// --- lists ------------------------------------------------------------------------------------------

test('plans reorder, duplicate and remove, with focus on what was acted on', async ({ page }) => {
  await open(page);
  const names = () => page.locator('.cfg-item legend').filter({ hasText: /^Plan \d/ }).allTextContents();
  expect(await names()).toEqual(['Plan 1: Essential', 'Plan 2: Priority', 'Plan 3: Premium']);
  await page.getByRole('button', { name: 'Move up: Premium' }).click();
  expect(await names()).toEqual(['Plan 1: Essential', 'Plan 2: Premium', 'Plan 3: Priority']);
  await expect(page.getByRole('button', { name: 'Move up: Premium' })).toBeFocused();
  await page.getByRole('button', { name: 'Duplicate Essential' }).click();
  expect(await names()).toEqual(['Plan 1: Essential', 'Plan 2: Essential', 'Plan 3: Premium', 'Plan 4: Priority']);
  await expect(page.getByRole('group', { name: /^Plan 2:/ }).getByLabel('Id', { exact: true })).toHaveValue('essential-copy');
  await page.getByRole('button', { name: 'Remove Priority' }).click();
  expect(await names()).toEqual(['Plan 1: Essential', 'Plan 2: Essential', 'Plan 3: Premium']);
  await expect(page.getByText(CHECK_OK)).toBeVisible();
  // The preview follows.
  const cards = plansRegion(preview(page));
  await expect(cards.getByRole('listitem', { name: 'Essential', exact: true })).toHaveCount(2);
  await expect(cards.getByRole('listitem', { name: 'Priority', exact: true })).toHaveCount(0);
});

// --- the lead endpoint test ------------------------------------------------------------------------

test.describe('test your lead endpoint', () => {
  let server: ChildProcess;
  let port: number;
  test.beforeAll(async () => {
    port = await freePort();
    server = spawn('python3', [path.join(REPO, 'tests/e2e/support/lead_server.py'), '--port', String(port)], { stdio: 'ignore' });
    for (let i = 0; i < 50; i += 1) {
      try {
        await fetch(`http://127.0.0.1:${port}/control/requests`);
        return;
      } catch {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  });
  test.afterAll(() => {
    server?.kill();
  });

  test('says whether the lead arrived, was refused, or met CORS, in plain words', async ({ page }) => {
    test.setTimeout(60_000);
    await open(page);
    await page.getByLabel('Send leads to your own endpoint (adds a contact form)').check();
    const endpoint = page.getByLabel('Endpoint', { exact: true });
    const send = page.getByRole('button', { name: 'Send a test lead' });
    const result = page.locator('.cfg-lead-test__result');
    await expect(send).toBeDisabled();

    await endpoint.fill(`http://127.0.0.1:${port}/ok`);
    await send.click();
    await expect(result).toContainText('Received: your endpoint answered 200.');
    await expect(result).toContainText(`connect-src 'self' http://127.0.0.1:${port}`);
    const requests = await (await fetch(`http://127.0.0.1:${port}/control/requests`)).json();
    const lead = JSON.parse(requests.find((r: { method: string }) => r.method === 'POST').body);
    expect(lead.contact.email).toBe('test@example.com');
    expect(lead.report.plans.map((p: { name: string }) => p.name)).toEqual(['Essential', 'Priority', 'Premium']);
    expect(await violations(page), 'with a result').toEqual([]);

    await endpoint.fill(`http://127.0.0.1:${port}/fail`);
    await send.click();
    await expect(result).toContainText('Not received: your endpoint answered 500');
    await endpoint.fill(`http://127.0.0.1:${port}/nocors`);
    await send.click();
    await expect(result).toContainText('does not allow this page to send leads (CORS)');
    const closed = await freePort();
    await endpoint.fill(`http://127.0.0.1:${closed}/lead`);
    await send.click();
    await expect(result).toContainText('Not received: no server answered at this address.');
  });
});

// --- snippets ----------------------------------------------------------------------------------------

const SNIPPETS = [
  { mode: 'Script and element', source: 'A file on your site (config.json)' },
  { mode: 'Script and element', source: 'Inline, in the page' },
  { mode: 'Custom element', source: 'A file on your site (config.json)' },
  { mode: 'Custom element', source: 'Inline, in the page' },
  { mode: 'iframe', source: 'A file on your site (config.json)' },
] as const;

test.describe('snippets', () => {
  // The pages and configs here are served by page.route, which a service worker's own requests
  // bypass; the offline cache has its own tests in embed.spec.ts.
  test.use({ serviceWorkers: 'block' });
  for (const { mode, source } of SNIPPETS) {
    test(`${mode}, config ${source.startsWith('Inline') ? 'inline' : 'by address'}: the copied snippet makes a page that works`, async ({ page, context }) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      await open(page);
      await page.getByLabel('Company name').fill('Snippet IT');
      await page.getByLabel('Hourly rate').fill('123');
      await page.getByLabel(mode, { exact: true }).check();
      await page.getByLabel(source).check();
      await page.getByLabel("Folder of the widget's files on your site").fill('/tools/estimate/');
      if (!source.startsWith('Inline')) await page.getByLabel('Address of your config.json').fill('/cfg-test/config.json');
      await page.getByRole('button', { name: 'Copy the snippet' }).click();
      await expect(page.getByText('Copied the snippet.')).toBeVisible();
      const snippet = await page.evaluate(() => navigator.clipboard.readText());
      expect(snippet).toBe(await page.getByLabel(/^Snippet:/).inputValue());
      if (mode !== 'iframe') expect(snippet).toContain('<link rel="modulepreload" href="/tools/estimate/contract-fit-web.js">');

      const config = await page.evaluate(() => localStorage.getItem('contract-fit:v1:configure:draft'));
      await routeSite(page, {
        'page.html': {
          type: 'text/html',
          body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Our prices</title></head><body><main><h1>Our prices</h1>\n${snippet}</main></body></html>`,
        },
        'config.json': { type: 'application/json', body: config ?? '{}' },
      });
      const errors = recordErrors(page);
      await page.goto('/cfg-test/page.html');
      const widget = mode === 'iframe' ? page.frameLocator('iframe[data-contract-fit-frame]').locator('body') : page.locator('main');
      await expect(widget.getByText('how well a contract with Snippet IT fits your business', { exact: false })).toBeVisible();
      await expect(monthly(widget, 'Essential')).toHaveText('$1,000.00 per month');
      expect(errors).toEqual([]);
    });
  }
});

// --- accessibility, keyboard, screenshots -------------------------------------------------------

test.describe('accessibility', () => {
  test('axe-core finds no violation in any state', async ({ page }) => {
    test.setTimeout(90_000);
    await open(page);
    await expect(monthly(preview(page), 'Essential')).toBeVisible();
    expect(await violations(page), 'the default').toEqual([]);

    await page.getByRole('group', { name: /^Plan 1:/ }).getByLabel('Per person').fill('-5');
    await page.getByLabel('Accent colour', { exact: true }).fill('red');
    await expect(page.locator('#cfg-problems')).toContainText('2 problems to fix');
    expect(await violations(page), 'with problems').toEqual([]);

    await page.getByLabel('Choose a config file (or drop it here)').setInputFiles(path.join(REPO, 'tests/fixtures/bad-configs/invalid-json.json'));
    await expect(page.locator('#cfg-import-result')).toContainText('was not imported');
    expect(await violations(page), 'after a refused import').toEqual([]);

    await page.getByRole('button', { name: 'The British example (pounds sterling)' }).click();
    await page.getByText('Show every text key').click();
    await page.getByLabel('Filter by key or words').fill('plan');
    await expect(page.getByText(/^Showing \d+ of \d+ texts\.$/)).toBeVisible();
    await page.getByLabel('iframe', { exact: true }).check();
    await page.getByLabel('Say how prices relate to a tax').check();
    expect(await violations(page), 'the British example, texts open, iframe snippet, tax').toEqual([]);

    await page.getByRole('button', { name: 'A blank config with placeholders' }).click();
    await page.getByRole('button', { name: 'Add a question' }).click();
    expect(await violations(page), 'a blank config with a question').toEqual([]);
  });

  test('the whole configurator is usable from the keyboard', async ({ page }) => {
    test.setTimeout(240_000);
    await open(page);
    // Every control outside the preview is reached by Tab, in order, and nothing traps focus.
    const controls = await page.locator('.cfg-main').evaluate((main) =>
      [...main.querySelectorAll('a[href], button:not([disabled]), input:not([disabled]):not([type=radio]:not(:checked)), select, textarea, summary')]
        .filter((el) => (el as HTMLElement).offsetParent !== null && !el.closest('details:not([open]) > :not(summary)'))
        .map((el) => el.id || el.textContent?.trim() || el.getAttribute('aria-label') || el.tagName));
    await page.locator('.cfg-nav a').first().focus();
    const reached = new Set<string>();
    for (let i = 0; i < controls.length + 60; i += 1) {
      const here = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || !el.closest('.cfg-app')) return null;
        return el.id || el.textContent?.trim() || el.getAttribute('aria-label') || el.tagName;
      });
      if (here) reached.add(here);
      await page.keyboard.press('Tab');
    }
    const missed = controls.filter((c) => !reached.has(c));
    expect(missed, 'controls Tab never reaches').toEqual([]);

    // A whole edit from the keyboard: rename, add a plan, move it, export.
    const name = page.getByLabel('Company name');
    await name.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Keyboard IT');
    const add = page.getByRole('button', { name: 'Add a plan' });
    await add.focus();
    await page.keyboard.press('Enter');
    const plan4 = page.getByRole('group', { name: /^Plan 4:/ }).getByLabel('Name', { exact: true });
    await expect(plan4).toBeFocused();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Rapid');
    await page.getByRole('button', { name: 'Move up: Rapid' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: 'Move up: Rapid' })).toBeFocused();
    await expect(page.getByRole('group', { name: 'Plan 3: Rapid' })).toBeVisible();
    await page.getByLabel('Send leads to your own endpoint (adds a contact form)').focus();
    await page.keyboard.press('Space');
    await expect(page.getByLabel('Endpoint', { exact: true })).toBeVisible();
    await page.getByRole('button', { name: 'Show the field' }).first().focus();
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('Endpoint', { exact: true })).toBeFocused();
    await page.keyboard.type('https://forms.example.net/f/abc');
    await expect(page.getByText(CHECK_OK)).toBeVisible();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download config.json' }).focus();
    await page.keyboard.press('Enter');
    expect((await download).suggestedFilename()).toBe('config.json');
  });

  for (const width of [375, 1280]) {
    test(`readable at ${width} px (screenshot)`, async ({ page }, testInfo) => {
      await page.setViewportSize({ width, height: width < 600 ? 800 : 900 });
      await open(page);
      await expect(monthly(preview(page), 'Essential')).toBeVisible();
      const field = page.getByRole('group', { name: /^Plan 2:/ }).getByLabel('Per person');
      await field.fill('-5');
      await expect(preview(page).getByText('Your config has problems: this is the last version that worked.')).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, 'no sideways scrolling').toBeLessThanOrEqual(0);
      const shots: [string, () => Promise<void>][] = [
        [`configure-${width}px.png`, async () => { await page.evaluate(() => window.scrollTo(0, 0)); }],
        [`configure-${width}px-problem.png`, async () => {
          await field.evaluate((el) => el.scrollIntoView({ block: 'center' }));
        }],
      ];
      for (const [name, place] of shots) {
        await place();
        const file = testInfo.outputPath(name);
        await page.screenshot({ path: file, fullPage: width < 600 && !name.includes('problem') });
        await testInfo.attach(name, { path: file, contentType: 'image/png' });
        writeFileSync(path.join(REPO, 'test-results', name), readFileSync(file));
      }
    });
  }
});

// --- the strict Content-Security-Policy --------------------------------------------------------------

test('configure.html runs under the strict Content-Security-Policy; a lead it blocks is named as CSP', async ({ page }) => {
  const csp = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
  await page.route('**/tools/estimate/configure.html', async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': csp } });
  });
  const errors = recordErrors(page);
  await page.goto('/tools/estimate/configure.html');
  await expect(page.getByRole('heading', { level: 1, name: 'Set up your calculator' })).toBeVisible();
  await page.getByLabel('Company name').fill('Strict IT');
  await expect(preview(page).getByText(/how well a contract with Strict IT fits/)).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download config.json' }).click();
  expect((await download).suggestedFilename()).toBe('config.json');

  await page.getByLabel('Send leads to your own endpoint (adds a contact form)').check();
  const endpoint = `http://127.0.0.1:${await freePort()}/lead`;
  await page.getByLabel('Endpoint', { exact: true }).fill(endpoint);
  await page.getByRole('button', { name: 'Send a test lead' }).click();
  await expect(page.locator('.cfg-lead-test__result')).toContainText("Not sent: this page's Content-Security-Policy does not allow connecting to your endpoint.");
  // The one refusal is the lead's; nothing else on the page breaks the policy.
  expect(errors.filter((e) => !e.includes(endpoint))).toEqual([]);
});

// --- what the widget's visitors load ------------------------------------------------------------------

test('the widget\'s visitors load nothing of the configurator, and the build ships the schema', async ({ page, request }) => {
  const urls: string[] = [];
  page.on('request', (r) => urls.push(r.url()));
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.goto('/site/iframe.html');
  await expect(page.frameLocator('iframe').first().getByRole('heading', { level: 1 })).toBeVisible();
  expect(urls.filter((u) => /configure/.test(u))).toEqual([]);

  const widget = Buffer.from(await (await request.get('/contract-fit-web_bg.wasm')).body());
  const configurator = Buffer.from(await (await request.get('/contract-fit-configure_bg.wasm')).body());
  for (const marker of ['Set up your calculator', 'Download config.json', 'Send a test lead']) {
    expect(configurator.includes(marker), `the configurator has "${marker}"`).toBe(true);
    expect(widget.includes(marker), `the widget does not have "${marker}"`).toBe(false);
  }
  const schema = await request.get('/config.schema.json');
  expect(schema.ok()).toBe(true);
  expect((await schema.json()).title).toBe('Contract Fit config');
  const example = await (await request.get('/examples/de-DE.json')).json();
  expect(new URL(example.$schema, 'http://x/examples/de-DE.json').pathname).toBe('/config.schema.json');
});
