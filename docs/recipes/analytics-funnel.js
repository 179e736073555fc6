// Contract Fit funnel → Google Analytics 4 (gtag.js) and/or Plausible, whichever the page loads.
// Only the step reached is sent, never what the prospect typed into the contact form.
(function () {
  function track(name, params) {
    if (typeof window.gtag === 'function') window.gtag('event', name, params);
    if (typeof window.plausible === 'function') window.plausible(name, { props: params });
  }
  function on(type, handler) {
    document.addEventListener('contract-fit:' + type, function (event) { handler(event.detail); });
  }
  on('start', function () { track('estimate_start', {}); });
  on('verdict', function (d) { track('estimate_verdict', { fit: d.report.band.id, score: d.report.score }); });
  on('next-step', function (d) { track('estimate_next_step', { action: d.action }); });
  on('lead-failed', function (d) { track('estimate_lead_failed', { cause: d.cause }); });
  on('lead', function (d) {
    var plan = d.report.plans.filter(function (p) { return p.id === d.report.recommendation.plan_id; })[0];
    // GA4's recommended lead event; value: the recommended plan's monthly price.
    track('generate_lead', { currency: d.report.currency, value: plan ? plan.monthly : 0 });
  });
})();
