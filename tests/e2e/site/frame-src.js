// Points the fixture's iframe at the widget, telling it which origin may hear its events.
for (const frame of document.querySelectorAll('iframe[data-src]')) {
  const src = new URL(frame.getAttribute('data-src'), location.href);
  src.searchParams.set('origin', location.origin);
  frame.src = src.href;
}
