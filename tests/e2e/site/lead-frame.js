// Points each <iframe data-lead-frame> at the widget's embed.html, with the absolute address of
// the config named in data-config and the origin of this page (the only one the frame may tell).
for (const frame of document.querySelectorAll('iframe[data-lead-frame]')) {
  const src = new URL(frame.getAttribute('data-embed') || '/embed.html', location.href);
  src.searchParams.set('config', new URL(frame.getAttribute('data-config'), location.href).href);
  src.searchParams.set('origin', location.origin);
  frame.src = src.href;
}
