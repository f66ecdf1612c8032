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

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
