// Contract Fit for iframes, on the host page: sizes each <iframe data-contract-fit-frame> to its
// content and turns the frame's messages into DOM events on the iframe element:
// `contract-fit:report` and `contract-fit:next-step`, with the same `detail` as the other modes.
(function () {
  'use strict';
  function frames() {
    return Array.prototype.slice.call(document.querySelectorAll('iframe[data-contract-fit-frame]'));
  }
  function prepare(frame) {
    if (!frame.title) frame.title = 'IT service contract calculator';
    frame.setAttribute('scrolling', 'no');
    // Set through the CSS object model, which a strict Content-Security-Policy allows.
    if (!frame.hasAttribute('width') && !frame.style.width) frame.style.width = '100%';
    frame.style.border = '0';
    frame.style.display = 'block';
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
    } else if (data.type === 'report' || data.type === 'next-step') {
      frame.dispatchEvent(new CustomEvent('contract-fit:' + data.type, { bubbles: true, detail: data.detail }));
    }
  });
})();
