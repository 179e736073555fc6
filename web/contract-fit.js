// Contract Fit loader. One <script type="module" src=".../contract-fit.js"> starts the calculator in
// every <div data-contract-fit> on the page and defines the <contract-fit> element. Each widget
// lives in a shadow root on its host element, so no rule of the host page reaches in; one
// stylesheet is shared by every widget on the page. Inside embed.html it also runs the frame's
// side of the iframe mode.
//
// Config, first found wins: data-config-script="ID" (an inline <script type="application/json">),
// data-config="URL" (resolved against the page; same origin, or a server that allows CORS), else the
// built-in default.

const base = new URL('.', import.meta.url);
const files = {
  glue: new URL('contract-fit-web.js', base).href,
  wasm: new URL('contract-fit-web_bg.wasm', base).href,
  css: new URL('contract-fit.css', base).href,
};
// One registry per page, however many copies of the loader it includes: each host starts once.
const registry = (globalThis[Symbol.for('contract-fit')] ??= { hosts: new WeakSet(), instances: 0 });
const CONFIG_TIMEOUT_MS = 10000;

// Fetch the WebAssembly at once, in parallel with the glue, rather than after it.
let instance;
function startInstance(generation = 0) {
  const wasm = fetch(files.wasm, { credentials: 'same-origin' });
  // A restart imports the glue under another address: a new module, a new WebAssembly instance.
  instance = import(generation ? `${files.glue}?restart=${generation}` : files.glue).then(async (glue) => {
    await glue.default({ module_or_path: wasm });
    // Compiling and instantiating the WebAssembly is one task, the first render another: one long
    // task would keep the page from answering a tap for their sum.
    await new Promise((resolve) => setTimeout(resolve, 0));
    return glue;
  });
  return instance;
}
startInstance();
// A page's first Intl.NumberFormat costs 20 to 70 ms on a fast machine: the browser loads its
// locale data and lists the locales it has, once per process, and every price goes through Intl.
// Do that now, while the WebAssembly downloads and compiles, so the first render does not wait
// for it, and in two tasks (the locale data, then the number formats' share), neither of which
// blocks a tap for long. Dates are left to the first use: only the printed quote shows one, after
// the first price. (A worker would do it off the main thread, but starts too late to help: 150 ms
// and more after the loader, and its Intl is its own.)
const warm = [() => new Intl.Locale('en').maximize(), () => new Intl.NumberFormat('en')];
const warmNext = () => {
  try {
    warm.shift()();
  } catch {
    // This part of Intl is missing: nothing to prepare (without Intl the widget writes plain digits).
  }
  if (warm.length) setTimeout(warmNext, 0);
};
setTimeout(warmNext, 0);

// Every widget started, to mount again after a restart.
const mounted = [];
const MAX_RESTARTS = 3;
let restarts = 0;
let restarting = null;

/** After a panic the instance every widget shares is gone: start a new one and mount every
 * widget again (each restores the prospect's answers from storage), into a fresh element, so
 * that nothing of the old instance (its listeners on the old element) can act again. One restart
 * at a time, however many panics arrive together; past a few panics, say so plainly instead of
 * trying forever. */
window.addEventListener('contract-fit:panic', () => {
  restarts += 1;
  if (restarting) return;
  const replace = (m) => {
    const fresh = freshContainer();
    m.container.replaceWith(fresh);
    m.container = fresh;
    return fresh;
  };
  const giveUp = () => {
    for (const m of mounted) {
      const note = document.createElement('p');
      note.className = 'cf-loading';
      note.setAttribute('role', 'alert');
      note.textContent = 'Something went wrong with the calculator. Please reload the page.';
      replace(m).append(note);
    }
    // No restart after this one.
    restarting = Promise.resolve();
  };
  if (restarts > MAX_RESTARTS) {
    giveUp();
    return;
  }
  // Let the failing call unwind first.
  restarting = new Promise((resolve) => setTimeout(resolve, 0))
    .then(() => (restarts > MAX_RESTARTS ? null : startInstance(restarts)))
    .then((glue) => {
      restarting = null;
      if (!glue || restarts > MAX_RESTARTS) {
        giveUp();
        return;
      }
      for (const m of mounted) m.start(glue, true, replace(m));
    });
});

/** The stylesheet every shadow root adopts: built once from the CSS file (CSP-safe), or `null`
 * where constructable stylesheets are missing (each root then links the file). */
let sharedSheet;
function stylesheet() {
  sharedSheet ??= (async () => {
    if (!('adoptedStyleSheets' in Document.prototype) || typeof CSSStyleSheet.prototype.replaceSync !== 'function') return null;
    try {
      const response = await fetch(files.css, { credentials: 'same-origin' });
      if (!response.ok) return null;
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(await response.text());
      return sheet;
    } catch {
      return null;
    }
  })();
  return sharedSheet;
}

/** Adds the widget's stylesheet to the page once (the light-DOM opt-out needs it there). */
function ensureDocumentStylesheet() {
  if ([...document.querySelectorAll('link[rel="stylesheet"]')].some((l) => l.href === files.css)) return;
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = files.css;
  document.head.append(link);
}

/** Whether the site owner is looking: on this machine, with #contract-fit-debug, or data-debug. */
function ownerView(host) {
  return ['localhost', '127.0.0.1', '[::1]'].includes(location.hostname)
    || location.hash.includes('contract-fit-debug')
    || host.hasAttribute('data-debug');
}

/** Every mount option of one host, read once, with its default: the one place they are decided. */
function readOptions(host, frame) {
  const attr = (name) => host.getAttribute(`data-${name}`) ?? (name === 'config' ? host.getAttribute('config') : null);
  const index = registry.instances++;
  const configScript = attr('config-script');
  const configUrl = attr('config');
  const storage = attr('storage');
  const share = attr('share');
  return {
    configScript,
    configUrl,
    isolate: attr('isolation') !== 'off',
    wasm: {
      idPrefix: host.id ? `cf-${host.id}` : `cf${index}`,
      headingLevel: Math.min(Math.max(Number(attr('heading-level')) || (frame ? 1 : 2), 1), 5),
      // Several widgets on one page keep their answers apart; `data-storage="off"` keeps nothing.
      storageKey: storage === 'off' ? null : storage || `answers:${configScript ? `#${configScript}` : configUrl || 'default'}`,
      // Only the first widget on a page reads a shared link, unless the page says otherwise.
      readFragment: share ? share !== 'off' : index === 0,
      eventTarget: host,
      configSource: configScript ? `#${configScript}` : configUrl,
      debug: ownerView(host),
      contactEmail: attr('contact-email'),
      contactPhone: attr('contact-phone'),
      parentOrigin: null,
    },
  };
}

// Same-origin config addresses fetched, to fetch again once a service worker controls the page.
const fetchedConfigs = new Set();

/** The config text for a host: { text } or { error, source } or {} for the default. */
async function readConfig(options, onlySameOrigin) {
  if (options.configScript) {
    const script = document.getElementById(options.configScript);
    if (!script) return { error: 'there is no element with this id', source: `#${options.configScript}` };
    return { text: script.textContent, source: `#${options.configScript}` };
  }
  const url = options.configUrl;
  if (!url) return {};
  let resolved;
  try {
    resolved = new URL(url, document.baseURI);
  } catch {
    return { error: 'this is not an address', source: url };
  }
  if (onlySameOrigin && resolved.origin !== location.origin) {
    // The refused address is not quoted: a link could put any words in it.
    return { error: `the calculator's frame only loads configs from its own site (${location.origin})`, source: 'the config= of this frame\'s address' };
  }
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), CONFIG_TIMEOUT_MS);
  try {
    if (resolved.origin === location.origin) fetchedConfigs.add(resolved.href);
    const response = await fetch(resolved, { credentials: 'same-origin', signal: controller.signal });
    if (!response.ok) return { error: `the server answered ${response.status} ${response.statusText}`.trim(), source: url };
    return { text: await response.text(), source: url };
  } catch (e) {
    if (controller.signal.aborted) return { error: `the server did not answer within ${CONFIG_TIMEOUT_MS / 1000} seconds`, source: url };
    return { error: `the network request failed (${e && e.message ? e.message : e})`, source: url };
  } finally {
    clearTimeout(timer);
  }
}

/** A fresh element for a widget to render into. */
function freshContainer() {
  const container = document.createElement('div');
  container.className = 'cf-root';
  return container;
}

/** The element the widget renders into: in a shadow root on the host, or inside the host itself
 * when the page opts out of isolation (or the host element cannot have a shadow root). The
 * host's own content (a "Loading…" line for browsers without JavaScript) makes way. */
async function prepare(host, isolate) {
  const container = freshContainer();
  const loading = document.createElement('p');
  loading.className = 'cf-loading';
  loading.textContent = 'Loading the calculator…';
  container.append(loading);
  if (isolate) {
    let shadow = host.shadowRoot;
    if (!shadow) {
      try {
        shadow = host.attachShadow({ mode: 'open' });
      } catch {
        shadow = null;
      }
    }
    if (shadow) {
      host.replaceChildren();
      const sheet = await stylesheet();
      if (sheet) {
        shadow.adoptedStyleSheets = [sheet];
        shadow.replaceChildren(container);
      } else {
        const link = document.createElement('link');
        link.rel = 'stylesheet';
        link.href = files.css;
        shadow.replaceChildren(link, container);
      }
      return container;
    }
  }
  ensureDocumentStylesheet();
  host.replaceChildren(container);
  return container;
}

/** Starts one widget in `host`, once. */
async function startWidget(host, frame = null) {
  if (registry.hosts.has(host)) return;
  registry.hosts.add(host);
  const options = readOptions(host, frame);
  if (frame) Object.assign(options.wasm, frame.options);
  const container = await prepare(host, options.isolate);
  const [config, glue] = await Promise.all([readConfig(options, Boolean(frame)), instance]);
  // After a restart the answers come from storage, which is newer than any shared link.
  const start = (g, again = false, into = container) => {
    const wasmOptions = { ...options.wasm, readFragment: again ? false : options.wasm.readFragment };
    if (config.error) {
      g.mount_load_error(into, config.source, config.error, wasmOptions);
    } else {
      g.mount(into, config.text ?? null, { ...wasmOptions, configSource: config.source ?? null });
    }
  };
  mounted.push({ container, start });
  start(glue);
}

class ContractFitElement extends HTMLElement {
  connectedCallback() {
    startWidget(this);
  }
}

/** On a first visit the config arrives before any service worker controls the page, so none
 * keeps it: fetch it once more when one takes control (the widget's own, or the site's). */
if ('serviceWorker' in navigator) {
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    for (const url of fetchedConfigs) fetch(url, { credentials: 'same-origin' }).catch(() => {});
  }, { once: true });
}

/** Keeps the widget's own files available offline after the first visit. */
function registerOfflineCache() {
  const script = document.querySelector('script[src$="contract-fit.js"]');
  if (script && script.getAttribute('data-offline') === 'off') return;
  if (!('serviceWorker' in navigator) || base.origin !== location.origin) return;
  navigator.serviceWorker.register(new URL('sw.js', base), { scope: base.pathname }).catch(() => {
    // Without a service worker the widget still works online.
  });
}

/** Inside embed.html: who the parent is, what it may hear, and the frame's height. */
function frameSide(host) {
  const params = new URLSearchParams(location.search);
  const named = params.get('origin');
  // The embedding page's origin as this frame sees it (Firefox lacks ancestorOrigins).
  let seen = location.ancestorOrigins && location.ancestorOrigins.length ? location.ancestorOrigins[0] : null;
  if (!seen && document.referrer) {
    try { seen = new URL(document.referrer).origin; } catch { seen = null; }
  }
  let parentOrigin = null;
  if (window.parent !== window) {
    if (!named) {
      console.warn('contract-fit: embed.html has no origin= parameter, so it sends no events to the page that embeds it. Include contract-fit-frame.js on that page, or add origin=<its origin>.');
    } else if (seen && named !== seen) {
      console.warn(`contract-fit: embed.html was told origin=${named}, but it is embedded by ${seen}; it sends no events. Set origin= to the embedding page's origin.`);
    } else {
      parentOrigin = named;
    }
  }
  const config = params.get('config');
  if (config) host.setAttribute('data-config', config);
  if (params.get('debug') === '1') host.setAttribute('data-debug', '');
  for (const name of ['contact-email', 'contact-phone']) {
    const value = params.get(name);
    if (value) host.setAttribute(`data-${name}`, value.slice(0, 120));
  }
  // The embedding page's address resolves a relative logo, when the page is the verified parent.
  let logoBase = null;
  try {
    const given = params.get('base');
    if (given && parentOrigin && new URL(given).origin === parentOrigin) logoBase = given;
  } catch {
    logoBase = null;
  }
  // The embedding page tells the frame its own address (for a lead's page and share links).
  window.addEventListener('message', (event) => {
    const data = event.data;
    if (!parentOrigin || event.source !== window.parent || event.origin !== parentOrigin) return;
    if (!data || data.source !== 'contract-fit-host' || data.type !== 'page') return;
    if (typeof data.url === 'string') host.setAttribute('data-page-url', data.url.slice(0, 2000));
    if (typeof data.referrer === 'string') host.setAttribute('data-page-referrer', data.referrer.slice(0, 2000));
  });
  if (parentOrigin) window.parent.postMessage({ source: 'contract-fit', type: 'ready' }, parentOrigin);
  // The height says nothing about the prospect, so any parent may have it.
  if (window.parent !== window) {
    let last = 0;
    const send = () => {
      const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
      if (height !== last) {
        last = height;
        window.parent.postMessage({ source: 'contract-fit', type: 'height', height }, '*');
      }
    };
    new ResizeObserver(send).observe(document.documentElement);
    send();
  }
  return { options: { parentOrigin, headingLevel: 1, logoBase } };
}

if (!customElements.get('contract-fit')) customElements.define('contract-fit', ContractFitElement);

const frameHost = document.querySelector('[data-contract-fit][data-frame]');
if (frameHost) startWidget(frameHost, frameSide(frameHost));
for (const host of document.querySelectorAll('[data-contract-fit]:not([data-frame])')) startWidget(host);
registerOfflineCache();
