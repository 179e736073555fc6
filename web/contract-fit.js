// Contract Fit loader. One <script type="module" src=".../contract-fit.js"> starts the calculator in
// every <div data-contract-fit> on the page and defines the <contract-fit> element (shadow DOM).
// Inside embed.html it also keeps the parent page informed of the frame's height.
//
// Config, first found wins: data-config-script="ID" (an inline <script type="application/json">),
// data-config="URL" (same origin, or a server that allows CORS), else the built-in default.
import init, { mount, mount_load_error } from './contract-fit-web.js';

const base = new URL('.', import.meta.url);
const stylesheetUrl = new URL('contract-fit.css', base).href;
let started;
let instances = 0;

/** Adds the widget's stylesheet to the page once, unless the page links it already. */
function ensureStylesheet() {
  const linked = [...document.querySelectorAll('link[rel="stylesheet"]')].some((l) => l.href === stylesheetUrl);
  if (linked) return;
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = stylesheetUrl;
  document.head.append(link);
}

/** Loads the WebAssembly once, however many widgets the page has. */
function start() {
  started ??= init({ module_or_path: new URL('contract-fit-web_bg.wasm', base) });
  return started;
}

/** The config text for a host element: { text } or { error, source } or {} for the default. */
async function readConfig(host) {
  const scriptId = host.getAttribute('data-config-script');
  if (scriptId) {
    const script = document.getElementById(scriptId);
    if (!script) return { error: 'there is no element with this id', source: `#${scriptId}` };
    return { text: script.textContent, source: `#${scriptId}` };
  }
  const url = host.getAttribute('data-config') || host.getAttribute('config');
  if (!url) return {};
  try {
    const response = await fetch(new URL(url, document.baseURI), { credentials: 'same-origin' });
    if (!response.ok) return { error: `the server answered ${response.status} ${response.statusText}`.trim(), source: url };
    return { text: await response.text(), source: url };
  } catch (e) {
    return { error: `the network request failed (${e && e.message ? e.message : e})`, source: url };
  }
}

/** Starts one widget rendering into `container`, configured and heard through `host`. */
async function startWidget(host, container, extra = {}) {
  const index = instances++;
  const [config] = await Promise.all([readConfig(host), start()]);
  if (config.error) {
    mount_load_error(container, config.source, config.error);
    return;
  }
  const storage = host.getAttribute('data-storage');
  mount(container, config.text ?? null, {
    idPrefix: host.id ? `cf-${host.id}` : `cf${index}`,
    headingLevel: Number(host.getAttribute('data-heading-level')) || 2,
    // Several widgets on one page keep their answers apart; `data-storage="off"` saves nothing.
    storageKey: storage === 'off' ? null : storage || `answers:${host.getAttribute('data-config') || host.getAttribute('config') || host.getAttribute('data-config-script') || 'default'}`,
    // Only the first widget reads a shared link, unless a page says otherwise.
    readFragment: host.hasAttribute('data-share') ? host.getAttribute('data-share') !== 'off' : index === 0,
    eventTarget: host,
    configSource: config.source ?? null,
    ...extra,
  });
}

/** Inside embed.html: report the page height to the parent so the iframe fits its content. */
function reportFrameHeight() {
  if (window.parent === window) return;
  let last = 0;
  const send = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height !== last) {
      last = height;
      // The height says nothing about the prospect, so any parent may have it.
      window.parent.postMessage({ source: 'contract-fit', type: 'height', height }, '*');
    }
  };
  new ResizeObserver(send).observe(document.documentElement);
  send();
}

class ContractFitElement extends HTMLElement {
  connectedCallback() {
    if (this.shadowRoot) return;
    const shadow = this.attachShadow({ mode: 'open' });
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = stylesheetUrl;
    const container = document.createElement('div');
    shadow.append(link, container);
    startWidget(this, container);
  }
}

/** Keeps the widget's own files available offline after the first visit. */
function registerOfflineCache() {
  const script = document.querySelector('script[src$="contract-fit.js"]');
  if (script && script.hasAttribute('data-offline') && script.getAttribute('data-offline') === 'off') return;
  if (!('serviceWorker' in navigator) || new URL(base).origin !== location.origin) return;
  navigator.serviceWorker.register(new URL('sw.js', base), { scope: base.pathname }).catch(() => {
    // Without a service worker the widget still works online.
  });
}

if (!customElements.get('contract-fit')) customElements.define('contract-fit', ContractFitElement);

const frame = document.querySelector('[data-contract-fit][data-frame]');
if (frame) {
  // embed.html: the config and the parent's origin come from the frame's own address.
  const params = new URLSearchParams(location.search);
  if (params.get('config') && !frame.hasAttribute('data-config')) frame.setAttribute('data-config', params.get('config'));
  reportFrameHeight();
  startWidget(frame, frame, { parentOrigin: params.get('origin') || null, headingLevel: 1 });
}
const hosts = document.querySelectorAll('[data-contract-fit]:not([data-frame])');
if (hosts.length) ensureStylesheet();
for (const host of hosts) {
  startWidget(host, host);
}
registerOfflineCache();
