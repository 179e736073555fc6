// Stand-ins for Google Analytics' gtag() and Plausible's plausible(), recording every call.
window.analyticsCalls = [];
window.gtag = (...args) => window.analyticsCalls.push(['gtag', ...args]);
window.plausible = (...args) => window.analyticsCalls.push(['plausible', ...args]);
