// Live programme: when the events service reports a change, the programme is fetched again and
// swapped in (htmx), and screen readers hear that it changed. No reload, no inline script (CSP).
(function () {
  function start() {
    var programme = document.getElementById('programme');
    if (!programme || !window.EventSource) { return; }
    var source = new EventSource(programme.getAttribute('data-changes'));
    var pending = null;
    source.addEventListener('changed', function () {
      if (pending) { return; }
      pending = setTimeout(function () {
        pending = null;
        var url = document.getElementById('programme').getAttribute('data-programme');
        htmx.ajax('GET', url, { target: '#programme', swap: 'outerHTML' }).then(function () {
          var status = document.getElementById('live-status');
          if (status) { status.textContent = status.getAttribute('data-updated'); }
          document.body.setAttribute('data-programme-updated', String(Date.now()));
        });
      }, 200);
    });
    window.addEventListener('pagehide', function () { source.close(); });
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', start); } else { start(); }
})();

// The badge page's print button (no inline script: CSP).
(function () {
  document.addEventListener('click', function (e) {
    var target = e.target;
    if (target && target.hasAttribute && target.hasAttribute('data-print')) { window.print(); }
  });
})();
