// The browser half of the benchmark (scripts/bench.sh runs it; see BENCHMARKS.md for the method):
// which files each app loads and their sizes, cold start-up to the first price, the longest
// main-thread task before it, and input -> result time, in Debian's headless Chromium.
//
//   node bench/measure.mjs --base http://127.0.0.1:PORT --dist dist \
//     --minimal-path /minimal/ --minimal-dist target/bench/minimal/dist \
//     [--loads 20] [--edits 200] [--out target/bench/browser.json]
//
// A paired run of two builds of the widget (a change against what it changes): serve the other build
// at --minimal-path, give its dist as --minimal-dist, and add --paired: the "minimal" app is then
// that widget, found and edited as the widget is, and every ratio is this build / that build.
//
// Both apps must be served by one server (scripts/static_server.py --precompressed), the widget
// at --widget-path (default /) and the minimal Yew counter at --minimal-path.
import { chromium } from '@playwright/test';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { brotli, gzip } from '../scripts/precompress.mjs';

const args = parseArgs(process.argv.slice(2), {
  base: '',
  'widget-path': '/',
  'minimal-path': '/minimal/',
  dist: 'dist',
  'minimal-dist': 'target/bench/minimal/dist',
  loads: '20',
  edits: '200',
  out: 'target/bench/browser.json',
  paired: false,
});
if (!args.base) {
  console.error('measure: --base http://127.0.0.1:PORT is required');
  process.exit(2);
}
const LOADS = Number(args.loads);
const EDITS = Number(args.edits);

// Chrome DevTools' "Fast 4G" preset (front_end/core/sdk/NetworkManager.ts): 9 Mbit/s down,
// 1.5 Mbit/s up, 60 ms RTT, with the preset's factors for throttling per request instead of per
// packet (throughput x 0.9, latency x 2.75), as Lighthouse does for its own presets.
export const FAST_4G = {
  offline: false,
  latency: 60 * 2.75, // 165 ms added to every request
  downloadThroughput: (9 * 1000 * 1000 / 8) * 0.9, // 1,012,500 bytes/s
  uploadThroughput: (1.5 * 1000 * 1000 / 8) * 0.9, // 168,750 bytes/s
  connectionType: 'cellular4g',
};
const CONDITIONS = {
  unthrottled: { cpu: 1, network: null },
  throttled: { cpu: 4, network: FAST_4G },
};
const LAUNCH_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
const APPS = {
  widget: {
    url: new URL(args['widget-path'], args.base).href,
    dist: args.dist,
    // The widget is asked to mark its first price with data-bench="first-price"; until it does,
    // the first plan's monthly price is the same element.
    selectors: ['[data-bench="first-price"]', '.cf-plan__monthly'],
  },
  minimal: {
    url: new URL(args['minimal-path'], args.base).href,
    dist: args['minimal-dist'],
    selectors: ['[data-bench="first-render"]'],
  },
};
if (args.paired) APPS.minimal.selectors = APPS.widget.selectors;
const TRACE_CATEGORIES = [
  'devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'blink.user_timing', 'loading',
];

// ------------------------------------------------------------------------------------------------

function parseArgs(argv, defaults) {
  const out = { ...defaults };
  for (let i = 0; i < argv.length; i += 1) {
    const key = argv[i].replace(/^--/, '');
    if (!(key in defaults)) {
      console.error(`measure: unknown option ${argv[i]}`);
      process.exit(2);
    }
    // A flag (its default is `false`) takes no value.
    if (defaults[key] === false) {
      out[key] = true;
      continue;
    }
    out[key] = argv[i + 1];
    i += 1;
  }
  return out;
}

/** Quantile with linear interpolation between closest ranks (numpy's default). */
export function quantile(values, q) {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const pos = (v.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return v[lo] + (v[hi] - v[lo]) * (pos - lo);
}

function stats(samples) {
  const ok = samples.filter((x) => Number.isFinite(x));
  return {
    n: ok.length,
    failed: samples.length - ok.length,
    min: quantile(ok, 0),
    p25: quantile(ok, 0.25),
    median: quantile(ok, 0.5),
    p75: quantile(ok, 0.75),
    p99: quantile(ok, 0.99),
    max: quantile(ok, 1),
  };
}

/**
 * Runs in every page before its own scripts: records when the first element matching one of
 * `selectors` (with text) enters the DOM, and the next animation frame after that, which is the
 * nearest a page can see to "painted". The frame is also a performance mark, so a trace can be
 * cut at the same moment.
 */
function firstPriceProbe(selectors) {
  const state = { inDom: null, painted: null, selector: null };
  window.__bench = state;
  const find = () => {
    for (const s of selectors) {
      const el = document.querySelector(s);
      if (el && el.textContent.trim() !== '') return s;
    }
    return null;
  };
  const observer = new MutationObserver(() => {
    const hit = find();
    if (!hit) return;
    observer.disconnect();
    state.inDom = performance.now();
    state.selector = hit;
    requestAnimationFrame(() => {
      state.painted = performance.now();
      performance.mark('bench-first-price');
    });
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
}

async function newPage(browser, condition) {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (condition.cpu !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: condition.cpu });
  if (condition.network) await cdp.send('Network.emulateNetworkConditions', condition.network);
  return { context, page, cdp };
}

async function waitPainted(page, timeout) {
  await page.waitForFunction(() => window.__bench && window.__bench.painted !== null, null, {
    timeout,
    polling: 100,
  });
  return page.evaluate(() => ({ ...window.__bench }));
}

/** One cold load: fresh context, no cache, no service worker. Returns ms from navigation start. */
async function coldLoad(browser, app, condition, trace = false) {
  const { context, page } = await newPage(browser, condition);
  try {
    await context.addInitScript(firstPriceProbe, app.selectors);
    if (trace) await browser.startTracing(page, { categories: TRACE_CATEGORIES });
    await page.goto(app.url, { waitUntil: 'commit', timeout: 60_000 });
    const probe = await waitPainted(page, 60_000);
    let longest = null;
    if (trace) {
      // Let the frame with the mark finish before the trace is cut.
      await page.waitForTimeout(200);
      const buffer = await browser.stopTracing();
      longest = longestTaskBefore(JSON.parse(buffer.toString('utf8')), app.url, probe.painted);
    }
    return { painted: probe.painted, inDom: probe.inDom, selector: probe.selector, longest };
  } finally {
    await context.close();
  }
}

/**
 * The longest top-level task on the page's main thread from navigation start to the first-price
 * mark, with what took longest inside it. The main thread is the one that recorded the mark.
 */
export function longestTaskBefore(trace, url, paintedMs) {
  const events = Array.isArray(trace) ? trace : trace.traceEvents;
  const mark = events.filter((e) => e.name === 'bench-first-price' && String(e.cat).includes('blink.user_timing')).pop();
  if (!mark) return { ms: null, error: 'no bench-first-price mark in the trace' };
  const { pid, tid } = mark;
  const navs = events.filter(
    (e) => e.name === 'navigationStart' && e.pid === pid && e.ts <= mark.ts
      && (!e.args?.data?.documentLoaderURL || e.args.data.documentLoaderURL === url),
  );
  const navStart = navs.length ? navs[navs.length - 1].ts : mark.ts - paintedMs * 1000;
  const onThread = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X');
  const tasks = onThread.filter(
    (e) => (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') && e.ts >= navStart && e.ts <= mark.ts,
  );
  if (!tasks.length) return { ms: null, error: 'no RunTask events on the main thread' };
  const top = tasks.reduce((a, b) => ((b.dur || 0) > (a.dur || 0) ? b : a));
  const inside = onThread
    .filter((e) => e !== top && !/RunTask/.test(e.name) && e.ts >= top.ts && e.ts + (e.dur || 0) <= top.ts + top.dur)
    .sort((a, b) => (b.dur || 0) - (a.dur || 0));
  const parts = [];
  for (const e of inside) {
    if (parts.length >= 3) break;
    if (!parts.some((p) => p.name === e.name)) parts.push({ name: e.name, ms: (e.dur || 0) / 1000 });
  }
  return {
    ms: top.dur / 1000,
    at_ms: (top.ts - navStart) / 1000,
    tasks: tasks.length,
    nav_start_from_trace: navs.length > 0,
    parts,
  };
}

/** The files each app loads, found by watching one load, with their sizes on disk. */
async function discoverFiles(browser, name, app) {
  const { context, page } = await newPage(browser, CONDITIONS.unthrottled);
  const seen = new Map();
  page.on('requestfinished', async (request) => {
    const url = new URL(request.url());
    if (request.resourceType() === 'document') return;
    if (url.origin !== new URL(app.url).origin) return;
    const file = url.pathname.split('/').pop();
    // Not the widget's own weight: the page, the favicon, the offline cache, configs.
    if (file === '' || file.startsWith('favicon.') || file === 'sw.js' || file.endsWith('.json')) return;
    const response = await request.response();
    const sizes = await request.sizes().catch(() => null);
    if (!seen.has(url.pathname)) {
      seen.set(url.pathname, {
        url: url.href,
        type: request.resourceType(),
        served_encoding: (await response?.headerValue('content-encoding')) || 'identity',
        transferred_body: sizes ? sizes.responseBodySize : null,
      });
    }
  });
  try {
    await context.addInitScript(firstPriceProbe, app.selectors);
    await page.goto(app.url, { waitUntil: 'commit' });
    await waitPainted(page, 60_000);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(300);
  } finally {
    await context.close();
  }
  const prefix = new URL(app.url).pathname.replace(/[^/]*$/, '');
  const files = [];
  for (const [path, info] of seen) {
    const rel = decodeURIComponent(path.startsWith(prefix) ? path.slice(prefix.length) : path.slice(1));
    const local = join(app.dist, rel);
    if (!existsSync(local)) {
      files.push({ file: rel, ...info, error: `not found in ${app.dist}` });
      continue;
    }
    const data = readFileSync(local);
    const gz = gzip(data).length;
    const br = brotli(data, !rel.endsWith('.wasm')).length;
    const sibling = (ext) => (existsSync(local + ext) ? statSync(local + ext).size : null);
    files.push({
      file: rel, ...info, raw: data.length, gzip: gz, brotli: br,
      gz_on_disk: sibling('.gz'), br_on_disk: sibling('.br'),
    });
  }
  files.sort((a, b) => (b.raw || 0) - (a.raw || 0));
  const total = (key) => files.reduce((sum, f) => sum + (f[key] || 0), 0);
  console.error(`measure: ${name} loads ${files.map((f) => f.file).join(', ')}`);
  return { files, total: { raw: total('raw'), gzip: total('gzip'), brotli: total('brotli') } };
}

/**
 * Inside the page: sets the "People who use computers" field and times, per edit, the way from
 * the input event to the first price showing the new figure (and to the end of the task, when
 * everything the edit started has run). Values cycle through 10..300, where every step changes
 * the first plan's price (below 6 people its minimum would hold it still).
 */
async function timeEdits(page, edits, timeoutMs) {
  return page.evaluate(async ({ edits, timeoutMs }) => {
    const label = [...document.querySelectorAll('label')].find((l) => l.textContent.trim().startsWith('People who use computers'));
    if (!label) throw new Error('no label "People who use computers"');
    const input = label.control || document.getElementById(label.htmlFor);
    const price = () => document.querySelector('[data-bench="first-price"]') || document.querySelector('.cf-plan__monthly');
    const root = input.closest('[data-contract-fit]') || document.body;
    const toResult = [];
    const toIdle = [];
    let timeouts = 0;
    const tick = () => new Promise((r) => setTimeout(r, 0));
    const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
    for (let i = 0; i < edits; i += 1) {
      let value = String(10 + (i % 291));
      if (value === input.value) value = String(Number(value) + 1);
      const before = price()?.textContent;
      let changedAt = null;
      let resolve;
      const changed = new Promise((r) => { resolve = r; });
      const observer = new MutationObserver(() => {
        const now = performance.now();
        const el = price();
        if (el && el.textContent !== before) {
          changedAt = now;
          observer.disconnect();
          resolve();
        }
      });
      observer.observe(root, { childList: true, subtree: true, characterData: true });
      const timer = setTimeout(() => resolve(), timeoutMs);
      const start = performance.now();
      input.value = value;
      input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: value }));
      await changed;
      clearTimeout(timer);
      observer.disconnect();
      await tick();
      const idle = performance.now();
      if (changedAt === null) timeouts += 1;
      toResult.push(changedAt === null ? null : changedAt - start);
      toIdle.push(idle - start);
      // Each edit starts on a fresh frame, as typing does.
      await frame();
      await tick();
    }
    return { toResult, toIdle, timeouts };
  }, { edits, timeoutMs });
}

/** The counter's click -> DOM update, for context: what one Yew update costs at the least. */
async function timeClicks(page, clicks, timeoutMs) {
  return page.evaluate(async ({ clicks, timeoutMs }) => {
    const button = document.querySelector('button');
    const value = () => document.querySelector('[data-bench="first-render"]');
    const times = [];
    for (let i = 0; i < clicks; i += 1) {
      const before = value().textContent;
      let changedAt = null;
      let resolve;
      const changed = new Promise((r) => { resolve = r; });
      const observer = new MutationObserver(() => {
        const now = performance.now();
        if (value().textContent !== before) {
          changedAt = now;
          resolve();
        }
      });
      observer.observe(document.body, { childList: true, subtree: true, characterData: true });
      const timer = setTimeout(() => resolve(), timeoutMs);
      const start = performance.now();
      button.click();
      await changed;
      clearTimeout(timer);
      observer.disconnect();
      times.push(changedAt === null ? null : changedAt - start);
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    }
    return times;
  }, { clicks, timeoutMs });
}

async function interaction(browser, app, cpu, run) {
  const { context, page, cdp } = await newPage(browser, CONDITIONS.unthrottled);
  try {
    await context.addInitScript(firstPriceProbe, app.selectors);
    await page.goto(app.url, { waitUntil: 'commit' });
    await waitPainted(page, 60_000);
    await page.waitForLoadState('load');
    if (cpu !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
    return await run(page);
  } finally {
    await context.close();
  }
}

function progress(text) {
  process.stderr.write(`measure: ${text}\n`);
}

// ------------------------------------------------------------------------------------------------

async function main() {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: LAUNCH_ARGS, headless: true });
  const result = {
    meta: {
      date: new Date().toISOString(),
      chromium: browser.version(),
      loads: LOADS,
      edits: EDITS,
      conditions: CONDITIONS,
      widget_url: APPS.widget.url,
      minimal_url: APPS.minimal.url,
      // Timings are only as good as the machine was quiet: the load is kept with the figures.
      cores: cpus().length,
      load_at_start: loadavg(),
    },
  };
  try {
    // Sizes, from the files the browser actually asked for.
    result.bytes = {
      widget: await discoverFiles(browser, 'widget', APPS.widget),
      minimal: await discoverFiles(browser, 'minimal', APPS.minimal),
    };

    // One unmeasured load of each, so the first measured one does not pay for a cold disk cache.
    for (const app of Object.values(APPS)) await coldLoad(browser, app, CONDITIONS.unthrottled);

    // Start-up: alternating cold loads, unthrottled, then CPU 4x + fast 4G.
    result.startup = {};
    for (const [condName, condition] of Object.entries(CONDITIONS)) {
      const samples = { widget: [], minimal: [], widget_in_dom: [], minimal_in_dom: [] };
      for (let i = 0; i < LOADS; i += 1) {
        for (const name of ['widget', 'minimal']) {
          try {
            const r = await coldLoad(browser, APPS[name], condition);
            samples[name].push(r.painted);
            samples[`${name}_in_dom`].push(r.inDom);
          } catch (e) {
            progress(`${condName} ${name} load ${i + 1} failed: ${e.message.split('\n')[0]}`);
            samples[name].push(null);
          }
        }
        progress(`start-up ${condName} ${i + 1}/${LOADS}: widget ${fmt(samples.widget.at(-1))} ms, minimal ${fmt(samples.minimal.at(-1))} ms`);
      }
      const w = stats(samples.widget);
      const m = stats(samples.minimal);
      result.startup[condName] = {
        widget: { ...w, samples: samples.widget, in_dom_median: quantile(samples.widget_in_dom, 0.5) },
        minimal: { ...m, samples: samples.minimal, in_dom_median: quantile(samples.minimal_in_dom, 0.5) },
        ratio: w.median && m.median ? w.median / m.median : null,
      };
    }

    // Longest main-thread task before the first price, unthrottled, traced loads of their own
    // (tracing costs a little time, so these loads are not part of the start-up figures).
    const traced = { widget: [], minimal: [] };
    for (let i = 0; i < LOADS; i += 1) {
      for (const name of ['widget', 'minimal']) {
        try {
          const r = await coldLoad(browser, APPS[name], CONDITIONS.unthrottled, true);
          traced[name].push(r.longest);
        } catch (e) {
          progress(`traced ${name} load ${i + 1} failed: ${e.message.split('\n')[0]}`);
          traced[name].push({ ms: null, error: e.message.split('\n')[0] });
        }
      }
      progress(`longest task ${i + 1}/${LOADS}: widget ${fmt(traced.widget.at(-1)?.ms)} ms, minimal ${fmt(traced.minimal.at(-1)?.ms)} ms`);
    }
    result.longest_task = {};
    for (const name of ['widget', 'minimal']) {
      const ms = traced[name].map((t) => t?.ms ?? null);
      const medianMs = quantile(ms, 0.5);
      // The run nearest the median, to show what such a task is made of.
      const typical = traced[name].filter((t) => t && t.ms !== null)
        .sort((a, b) => Math.abs(a.ms - medianMs) - Math.abs(b.ms - medianMs))[0] || null;
      result.longest_task[name] = { ...stats(ms), samples: ms, typical, errors: traced[name].filter((t) => t?.error).map((t) => t.error) };
    }

    // Input -> result on the widget, and click -> update on the counter, at CPU 1x and 6x.
    result.input = {};
    for (const cpu of [1, 6]) {
      const key = cpu === 1 ? 'unthrottled' : 'cpu6x';
      const edits = await interaction(browser, APPS.widget, cpu, (page) => timeEdits(page, EDITS, 2000));
      const clicks = args.paired
        ? (await interaction(browser, APPS.minimal, cpu, (page) => timeEdits(page, EDITS, 2000))).toResult
        : await interaction(browser, APPS.minimal, cpu, (page) => timeClicks(page, EDITS, 2000));
      result.input[key] = {
        cpu,
        widget: { ...stats(edits.toResult), samples: edits.toResult, timeouts: edits.timeouts },
        widget_to_idle: stats(edits.toIdle),
        minimal_click: { ...stats(clicks), samples: clicks },
      };
      progress(`input ${key}: median ${fmt(result.input[key].widget.median)} ms, p99 ${fmt(result.input[key].widget.p99)} ms over ${EDITS} edits`);
    }
  } finally {
    await browser.close();
  }
  result.meta.load_at_end = loadavg();
  mkdirSync(dirname(args.out), { recursive: true });
  writeFileSync(args.out, JSON.stringify(result, null, 1));
  progress(`wrote ${args.out}`);
}

function fmt(x) {
  return Number.isFinite(x) ? x.toFixed(1) : 'n/a';
}

main().catch((e) => {
  console.error(`measure: ${e.stack || e}`);
  process.exit(1);
});
