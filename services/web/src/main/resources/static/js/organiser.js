// The organiser's console: draws its bar charts (uPlot, from its webjar) from the figures the page carries in
// data attributes: the event's attendance (confirmed and checked in per day) and the review report's model sites
// (previous phase and this one per level); the table under each has the same figures for anyone who cannot see it.
(function () {
  'use strict';

  function numbers(text) {
    return (text || '').split(',').filter(function (s) { return s !== ''; }).map(Number);
  }

  function bars(u, seriesIdx, idx0, idx1) {
    return uPlot.paths.bars({size: [0.35, 60], align: seriesIdx === 1 ? -1 : 1})(u, seriesIdx, idx0, idx1);
  }

  function draw(el) {
    if (typeof uPlot === 'undefined') {
      return;
    }
    var labels = (el.dataset.labels || '').split(',');
    if (labels.length === 0 || labels[0] === '') {
      return;
    }
    var x = labels.map(function (_, i) { return i; });
    var width = Math.max(280, el.clientWidth || 320);
    var options = {
      width: width,
      height: 240,
      legend: {show: false},
      cursor: {show: false},
      scales: {x: {time: false, range: function () { return [-0.5, labels.length - 0.5]; }}, y: {range: function (u, min, max) { return [0, Math.max(1, max)]; }}},
      axes: [
        {values: function (u, ticks) { return ticks.map(function (t) { return labels[t] || ''; }); }, incrs: [1]},
        {}
      ],
      series: [
        {},
        {label: el.dataset.seriesFirst || el.dataset.seriesConfirmed, fill: '#0b5394', stroke: '#0b5394', paths: bars, points: {show: false}},
        {label: el.dataset.seriesSecond || el.dataset.seriesAttended, fill: '#1e6b33', stroke: '#1e6b33', paths: bars, points: {show: false}}
      ]
    };
    // uPlot's own DOM is decoration: the figure's label and the table say what it shows
    var holder = document.createElement('div');
    holder.setAttribute('aria-hidden', 'true');
    el.appendChild(holder);
    var first = el.dataset.first !== undefined ? el.dataset.first : el.dataset.confirmed;
    var second = el.dataset.second !== undefined ? el.dataset.second : el.dataset.attended;
    new uPlot(options, [x, numbers(first), numbers(second)], holder);
    el.dataset.drawn = 'true';
  }

  function start() {
    importWithProgress();
    officialRows();
    document.querySelectorAll('.chart[data-labels]').forEach(draw);
    document.querySelectorAll('[data-print]').forEach(function (button) {
      button.addEventListener('click', function () { window.print(); });
    });
    // selections: a "select all" box and the number the confirmation will state
    document.querySelectorAll('[data-select-all]').forEach(function (all) {
      var form = document.getElementById(all.dataset.selectAll);
      all.addEventListener('change', function () {
        form.querySelectorAll('input[name=ids]').forEach(function (box) { box.checked = all.checked; });
      });
    });
  }

  // The CSV import: the form is sent with XMLHttpRequest, whose upload events move the progress bar; once the
  // file is sent the bar has no value (the rows are being imported) until the page comes back, whose
  // #import-outcome (the per-row table, or the problem) replaces this page's. The status line says each step to
  // screen readers. Without script the form posts and the page comes back with the same outcome.
  function importWithProgress() {
    var form = document.getElementById('import-form');
    if (!form || !window.XMLHttpRequest || !window.FormData || !window.DOMParser) { return; }
    var input = document.getElementById('file');
    var field = document.getElementById('import-progress-field');
    var bar = document.getElementById('import-progress');
    var status = document.getElementById('import-status');
    var button = document.getElementById('import-submit');
    function say(text) { status.textContent = text; }
    function finish(state) {
      button.disabled = false;
      form.setAttribute('data-import', state);
    }
    form.addEventListener('submit', function (e) {
      if (!input.files || !input.files[0]) { return; } // the server answers "choose a file"
      e.preventDefault();
      var xhr = new XMLHttpRequest();
      xhr.open('POST', form.getAttribute('action'));
      xhr.setRequestHeader('X-Requested-With', 'XMLHttpRequest');
      var token = form.querySelector('input[name="_csrf"]');
      if (token) { xhr.setRequestHeader('X-CSRF-TOKEN', token.value); }
      xhr.upload.addEventListener('progress', function (p) {
        if (p.lengthComputable) { bar.value = Math.round(100 * p.loaded / p.total); }
      });
      xhr.upload.addEventListener('load', function () {
        bar.removeAttribute('value');
        say(form.getAttribute('data-processing'));
      });
      xhr.addEventListener('load', function () {
        var page = new DOMParser().parseFromString(xhr.responseText || '', 'text/html');
        var answer = page.getElementById('import-outcome');
        var outcome = document.getElementById('import-outcome');
        if (!answer || !outcome) {
          field.hidden = true;
          say(form.getAttribute('data-failed'));
          finish('failed');
          return;
        }
        outcome.innerHTML = answer.innerHTML;
        bar.value = 100;
        field.hidden = true;
        var summary = document.getElementById('import-summary');
        var heading = document.getElementById('result-title');
        if (summary && heading) {
          say(form.getAttribute('data-done') + ' ' + summary.textContent);
          heading.focus();
          finish('done');
        } else {
          var problem = outcome.querySelector('[role="alert"]');
          say(problem ? problem.textContent.trim() : form.getAttribute('data-failed'));
          finish('failed');
        }
      });
      xhr.addEventListener('error', function () {
        field.hidden = true;
        say(form.getAttribute('data-failed'));
        finish('failed');
      });
      bar.value = 0;
      field.hidden = false;
      button.disabled = true;
      form.setAttribute('data-import', 'sending');
      say(form.getAttribute('data-sending'));
      xhr.send(new FormData(form));
    });
  }

  // The event form's officials: a button adds an empty row (its fields numbered on from the last, the labels from
  // the catalogue's patterns the fieldset carries), says so in the status line and puts the cursor in its name.
  function officialRows() {
    var fieldset = document.getElementById('officials');
    var add = document.getElementById('add-official');
    if (!fieldset || !add) { return; }
    var status = document.getElementById('official-status');
    add.parentNode.hidden = false;
    add.addEventListener('click', function () {
      var rows = fieldset.querySelectorAll('.official');
      var last = rows[rows.length - 1];
      var index = rows.length;
      var row = last.cloneNode(true);
      row.querySelectorAll('.error').forEach(function (error) { error.parentNode.removeChild(error); });
      row.querySelectorAll('label').forEach(function (label) {
        var kind = label.getAttribute('for').replace(/-\d+$/, '');
        label.setAttribute('for', kind + '-' + index);
        label.textContent = fieldset.getAttribute('data-label-' + kind.toLowerCase()).replace('{n}', String(index + 1));
      });
      row.querySelectorAll('input, select').forEach(function (el) {
        el.id = el.id.replace(/-\d+$/, '-' + index);
        el.removeAttribute('aria-invalid');
        el.removeAttribute('aria-describedby');
        if (el.tagName === 'SELECT') { el.selectedIndex = 0; } else { el.value = ''; }
      });
      last.parentNode.insertBefore(row, last.nextSibling);
      status.textContent = fieldset.getAttribute('data-added').replace('{n}', String(index + 1));
      row.querySelector('input').focus();
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
