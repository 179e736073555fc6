// Records the widget's host events so the tests can read them.
window.contractFitEvents = [];
for (const type of ['contract-fit:report', 'contract-fit:next-step']) {
  document.addEventListener(type, (e) => {
    const host = e.target.closest ? (e.target.closest('[data-contract-fit], contract-fit, iframe') || e.target) : e.target;
    window.contractFitEvents.push({ type, host: host.id || host.tagName.toLowerCase(), detail: e.detail });
  });
}
