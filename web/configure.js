// Contract Fit configurator loader (configure.html): starts the configurator's own WebAssembly in
// <main id="configurator">. It is separate from contract-fit.js, so the widget's visitors never
// load any of it. No inline script: the page runs under the same strict Content-Security-Policy.

const base = new URL('.', import.meta.url);
const host = document.getElementById('configurator');

/** Replaces the page's content with a plain message (the work itself is kept in the browser). */
function say(message) {
  const p = document.createElement('p');
  p.className = 'cfg-loading';
  p.setAttribute('role', 'alert');
  p.textContent = message;
  host.replaceChildren(p);
}

// A panic stops the WebAssembly; every change was already saved, so a reload continues the work.
window.addEventListener('contract-fit:panic', () => {
  say('Something went wrong in the configurator. Your work is kept in this browser: reload the page to continue.');
});

try {
  const glue = await import(new URL('contract-fit-configure.js', base).href);
  await glue.default({ module_or_path: new URL('contract-fit-configure_bg.wasm', base) });
  glue.mount_configurator(host);
} catch (e) {
  console.error('contract-fit: the configurator could not start:', e);
  say('The configurator could not start in this browser. It needs WebAssembly, which all current browsers have; check that the .wasm file is served as application/wasm.');
}
