// Counts this page view (GovSite visitor figures): no cookie, nothing stored in the browser.
// The server keys the visitor by a hash that changes every day; see docs/visits.md.
(function () {
    var script = document.currentScript;
    if (!script || !window.fetch) { return; }
    var body = JSON.stringify({
        s: script.getAttribute('data-site'),
        p: location.pathname,
        c: script.getAttribute('data-column') || null,
        r: document.referrer || ''
    });
    try {
        // text/plain keeps it a simple request (no preflight), and credentials stay home.
        fetch(script.getAttribute('data-stat'), { method: 'POST', body: body, keepalive: true, credentials: 'omit',
            headers: { 'Content-Type': 'text/plain;charset=UTF-8' } })['catch'](function () { });
    } catch (e) { }
})();
