// A stand-in for a CRM's tracking script (HubSpot, Pipedrive, Brevo… each has its own names):
// window.crm.identify(email, traits) and window.crm.track(event, properties), recorded in order.
window.crmCalls = [];
window.crm = {
  identify: (email, traits) => window.crmCalls.push(['identify', email, traits]),
  track: (event, properties) => window.crmCalls.push(['track', event, properties]),
};
