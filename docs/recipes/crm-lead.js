// Contract Fit → your CRM. When a lead has reached your endpoint (it answered 2xx), hand the
// contact and the estimate to the CRM's own tracking script, which your page already loads.
// `window.crm.identify` / `window.crm.track` stand for your CRM's calls: HubSpot
// `_hsq.push(['identify', { email }])`, Segment-style `analytics.identify(email, traits)`, …
document.addEventListener('contract-fit:lead', (event) => {
  const lead = event.detail; // the same document your endpoint received
  if (!window.crm) return; // the CRM script is blocked or missing: your endpoint has the lead anyway
  const report = lead.report;
  const plan = report.plans.find((p) => p.id === report.recommendation.plan_id);
  window.crm.identify(lead.contact.email, {
    name: lead.contact.name,
    phone: lead.contact.phone,
    company: lead.contact.company,
  });
  window.crm.track('Estimate sent', {
    users: lead.answers.users,
    computers: lead.answers.computers,
    servers: lead.answers.servers,
    fit: report.band ? report.band.id : null, // null until every question is answered
    recommended_plan: plan ? plan.name : 'Pay as you go',
    monthly: plan ? plan.monthly : null,
    currency: report.currency,
    utm_campaign: lead.page.utm.campaign,
  });
});
