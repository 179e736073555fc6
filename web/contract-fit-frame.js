// Contract Fit for iframes, on the host page. For each <iframe data-contract-fit-frame> it:
// - points the frame at embed.html with the config resolved against THIS page (as in the other
//   modes), this page's origin (the only one the frame will send events to) and this page's shared
//   answers (#users=…), from data-src (or src);
// - sizes the frame to its content;
// - tells the frame this page's address (for a lead's page and UTM, and for share links);
// - turns the frame's messages into DOM events on the iframe element: contract-fit:report,
//   next-step, start, verdict, lead and lead-failed, with the same `detail` as the other modes.
(function () {
  'use strict';
  var EVENTS = ['report', 'next-step', 'start', 'verdict', 'lead', 'lead-failed'];

  function frames() {
    return Array.prototype.slice.call(document.querySelectorAll('iframe[data-contract-fit-frame]'));
  }

  function prepare(frame) {
    if (frame.getAttribute('data-contract-fit-ready')) return;
    frame.setAttribute('data-contract-fit-ready', '1');
    if (!frame.title) frame.title = 'IT service contract calculator';
    frame.setAttribute('scrolling', 'no');
    // Set through the CSS object model, which a strict Content-Security-Policy allows.
    if (!frame.hasAttribute('width') && !frame.style.width) frame.style.width = '100%';
    frame.style.border = '0';
    frame.style.display = 'block';
    var given = frame.getAttribute('data-src') || frame.getAttribute('src');
    if (!given) return;
    var src = new URL(given, document.baseURI);
    var config = src.searchParams.get('config');
    if (config) src.searchParams.set('config', new URL(config, document.baseURI).href);
    if (!src.searchParams.get('origin')) src.searchParams.set('origin', location.origin);
    // This page's address, against which the frame resolves a relative logo (as the other ways do).
    src.searchParams.set('base', location.href.split('#')[0]);
    // The owner's view and the contact for visitors, as on the other ways' elements.
    if (location.hash.indexOf('contract-fit-debug') >= 0 || frame.hasAttribute('data-debug')) src.searchParams.set('debug', '1');
    ['contact-email', 'contact-phone'].forEach(function (name) {
      var value = frame.getAttribute('data-' + name);
      if (value) src.searchParams.set(name, value);
    });
    if (!src.hash && /(^|&|#)users=/.test(location.hash)) src.hash = location.hash;
    if (frame.src !== src.href) frame.src = src.href;
  }

  function tellPage(frame) {
    try {
      var origin = new URL(frame.src, document.baseURI).origin;
      frame.contentWindow.postMessage(
        { source: 'contract-fit-host', type: 'page', url: location.href, referrer: document.referrer },
        origin
      );
    } catch (e) {
      // A frame without an address has no one to tell.
    }
  }

  frames().forEach(prepare);
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || data.source !== 'contract-fit') return;
    var frame = frames().filter(function (f) { return f.contentWindow === event.source; })[0];
    if (!frame) return;
    var frameOrigin = new URL(frame.src, document.baseURI).origin;
    if (event.origin !== frameOrigin) return;
    if (data.type === 'height' && typeof data.height === 'number' && data.height > 0) {
      frame.style.height = Math.ceil(data.height) + 'px';
    } else if (data.type === 'ready') {
      tellPage(frame);
    } else if (EVENTS.indexOf(data.type) >= 0) {
      frame.dispatchEvent(new CustomEvent('contract-fit:' + data.type, { bubbles: true, detail: data.detail }));
    }
  });
})();
