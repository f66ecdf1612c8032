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

// A paper's material: sent as the raw body with XMLHttpRequest, whose upload events drive the progress
// bar; problems (too large, wrong type...) are shown under the file field. Without script the form posts
// multipart/form-data and the server answers with a page.
(function () {
  function start() {
    var form = document.getElementById('upload-form');
    if (!form || !window.XMLHttpRequest) { return; }
    var input = document.getElementById('material');
    var error = document.getElementById('material-error');
    var field = document.getElementById('upload-progress-field');
    var bar = document.getElementById('upload-progress');
    var percent = document.getElementById('upload-percent');
    var button = document.getElementById('upload-submit');
    function fail(message) {
      error.textContent = message;
      error.hidden = false;
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', 'material-error material-hint');
      field.hidden = true;
      button.disabled = false;
      form.setAttribute('data-upload', 'failed');
      input.focus();
    }
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var file = input.files && input.files[0];
      if (!file) { fail(form.getAttribute('data-missing')); return; }
      var max = Number(input.getAttribute('data-max-bytes'));
      if (max && file.size > max) { fail(form.getAttribute('data-too-large')); return; }
      var token = form.querySelector('input[name="_csrf"]');
      var xhr = new XMLHttpRequest();
      xhr.open('POST', form.getAttribute('action') + '?filename=' + encodeURIComponent(file.name));
      xhr.setRequestHeader('X-Requested-With', 'XMLHttpRequest');
      xhr.setRequestHeader('Content-Type', 'application/octet-stream');
      if (token) { xhr.setRequestHeader('X-CSRF-TOKEN', token.value); }
      xhr.upload.addEventListener('progress', function (p) {
        if (!p.lengthComputable) { return; }
        var done = Math.round(100 * p.loaded / p.total);
        bar.value = done;
        percent.textContent = done + '%';
      });
      xhr.addEventListener('load', function () {
        var answer = {};
        try { answer = JSON.parse(xhr.responseText); } catch (ignored) { answer = {}; }
        if (xhr.status === 201 && answer.location) {
          bar.value = 100;
          form.setAttribute('data-upload', 'done');
          window.location.assign(answer.location);
        } else {
          fail(answer.message || form.getAttribute('data-failed'));
        }
      });
      xhr.addEventListener('error', function () { fail(form.getAttribute('data-failed')); });
      error.hidden = true;
      input.removeAttribute('aria-invalid');
      bar.value = 0;
      percent.textContent = form.getAttribute('data-sending');
      field.hidden = false;
      button.disabled = true;
      form.setAttribute('data-upload', 'sending');
      xhr.send(file);
    });
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', start); } else { start(); }
})();
