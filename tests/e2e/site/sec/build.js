// Builds the test page a spec describes in window.__secPage (set by page.addInitScript before
// any script of the page runs): one host element per widget, each config inline in a
// <script type="application/json">, then the loader (once, or as often as the spec says).
(function () {
  'use strict';
  var spec = window.__secPage || { widgets: [{ id: 'w' }] };
  var box = document.getElementById('widgets');
  (spec.widgets || []).forEach(function (w) {
    var attrs = Object.assign({}, w.attrs || {});
    if (w.config !== undefined || w.configText !== undefined) {
      var script = document.createElement('script');
      script.type = 'application/json';
      script.id = w.id + '-config';
      script.textContent = w.configText !== undefined ? w.configText : JSON.stringify(w.config);
      box.appendChild(script);
      attrs['data-config-script'] = script.id;
    }
    var host = document.createElement(w.tag || 'div');
    host.id = w.id;
    if ((w.tag || 'div') === 'div') host.setAttribute('data-contract-fit', '');
    Object.keys(attrs).forEach(function (k) { host.setAttribute(k, attrs[k]); });
    box.appendChild(host);
  });
  (spec.loaders || ['/contract-fit.js']).forEach(function (src) {
    var s = document.createElement('script');
    s.type = 'module';
    s.src = src;
    document.body.appendChild(s);
  });
})();
