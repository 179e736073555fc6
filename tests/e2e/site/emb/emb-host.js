// A consultancy's page with the calculator on it, built from this page's query so that the tests
// can vary one thing at a time:
//
//   mode=element | custom | iframe | none   how the widget is embedded (none: the page alone)
//   css=URL (repeatable)                     the site's own stylesheets, in order
//   w=ATTRS (repeatable)                     one widget each: its attributes as a query string,
//                                            e.g. w=id%3Dcalc%26config%3Demb-config.json
//
// Widget attributes: `config` becomes data-config (element), config (custom element) or
// embed.html?config=… in the iframe's data-src; `frame-hash` is added to that data-src; `src`
// replaces it altogether; every other attribute is set as written (data-debug, data-contact-email,
// data-share, …). The loader (or, for iframes, contract-fit-frame.js) is added after the widgets,
// as a page that includes it at the end of its body would.
(function () {
  'use strict';
  var WIDGET = '/tools/estimate/';
  var params = new URLSearchParams(location.search);
  var mode = params.get('mode') || 'element';

  params.getAll('css').forEach(function (href) {
    var link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    document.head.append(link);
  });

  var main = document.getElementById('site-main');
  params.getAll('w').forEach(function (spec, i) {
    var attrs = new URLSearchParams(spec);
    var el;
    if (mode === 'element') {
      el = document.createElement('div');
      el.setAttribute('data-contract-fit', '');
    } else if (mode === 'custom') {
      el = document.createElement('contract-fit');
    } else if (mode === 'iframe') {
      el = document.createElement('iframe');
      el.setAttribute('data-contract-fit-frame', '');
      el.title = 'IT service contract calculator';
      var src = WIDGET + 'embed.html';
      if (attrs.get('config')) src += '?config=' + encodeURIComponent(attrs.get('config'));
      if (attrs.get('frame-hash')) src += '#' + attrs.get('frame-hash');
      el.setAttribute('data-src', attrs.get('src') || src);
    } else {
      return;
    }
    el.id = 'w' + i;
    attrs.forEach(function (value, name) {
      if (name === 'config') {
        if (mode === 'element') el.setAttribute('data-config', value);
        if (mode === 'custom') el.setAttribute('config', value);
      } else if (name !== 'frame-hash' && name !== 'src') {
        el.setAttribute(name, value);
      }
    });
    main.append(el);
  });

  var script = document.createElement('script');
  if (mode === 'iframe') {
    script.src = WIDGET + 'contract-fit-frame.js';
  } else if (mode !== 'none') {
    script.type = 'module';
    script.src = WIDGET + 'contract-fit.js';
  } else {
    return;
  }
  document.body.append(script);
})();
