/*
 * Check-in at the door (templates/checkin/day.html). Every check-in, whether scanned with the camera
 * (jsQR reads the frames), typed or chosen from the name list, is posted by one function, which shows the
 * answer at once. A check-in that cannot reach the site (no network) waits in this browser's localStorage,
 * one queue per event, and is sent when the connection returns (the "online" event, and a retry every few
 * seconds): the registrations service checks a delegate in once per day, so a queued scan sent twice, or a
 * badge scanned twice, records one check-in. No inline script (the Content-Security-Policy).
 */
(function () {
  'use strict';
  var root = document.getElementById('checkin');
  if (!root) {
    return;
  }
  var endpoint = root.getAttribute('data-endpoint');
  var csrf = root.getAttribute('data-csrf');
  var csrfHeader = root.getAttribute('data-csrf-header') || 'X-CSRF-TOKEN';
  var key = 'hoithao.checkin.queue.' + root.getAttribute('data-event');
  var resultBox = document.getElementById('checkin-result');
  var queueLine = document.getElementById('checkin-queue');
  var daySelect = document.getElementById('day');
  var flushing = false;

  function text(name) {
    return root.getAttribute('data-text-' + name) || '';
  }

  function day() {
    return daySelect ? daySelect.value : '';
  }

  function queue() {
    try {
      return JSON.parse(window.localStorage.getItem(key) || '[]');
    } catch (e) {
      return [];
    }
  }

  function saveQueue(items) {
    window.localStorage.setItem(key, JSON.stringify(items));
    showQueue();
  }

  function showQueue() {
    var n = queue().length;
    queueLine.setAttribute('data-count', String(n));
    queueLine.textContent = text('queue').replace('{0}', String(n));
    queueLine.hidden = n === 0;
  }

  function show(kind, fullName, unit, message) {
    resultBox.className = 'checkin-result ' + kind;
    resultBox.setAttribute('data-kind', kind);
    resultBox.textContent = '';
    [[fullName, 'checkin-name'], [unit, 'checkin-unit'], [message, 'checkin-message']].forEach(function (part) {
      if (part[0]) {
        var p = document.createElement('p');
        p.className = part[1];
        p.textContent = part[0];
        resultBox.appendChild(p);
      }
    });
  }

  /* Resolves with the answer, or rejects when the site could not be reached (then the caller queues). */
  function send(code, forDay) {
    var body = new URLSearchParams();
    body.set('code', code);
    body.set('day', forDay);
    var headers = {'X-Requested-With': 'XMLHttpRequest', 'Accept': 'application/json'};
    headers[csrfHeader] = csrf;
    // a sign-in that is over answers with a redirect to the issuer: seen, not followed
    return fetch(endpoint, {method: 'POST', body: body, headers: headers, credentials: 'same-origin', redirect: 'manual'})
      .then(function (response) {
        if (response.type === 'opaqueredirect' || response.status === 401 || response.status === 403 && !isJson(response)) {
          return {kind: 'signin'};
        }
        if (!isJson(response)) {
          throw new Error('no answer');
        }
        return response.json().then(function (answer) {
          answer.status = response.status;
          return answer;
        });
      });
  }

  function isJson(response) {
    return (response.headers.get('Content-Type') || '').indexOf('application/json') === 0;
  }

  function queued(code, forDay) {
    var items = queue();
    var already = items.some(function (item) {
      return item.code === code && item.day === forDay;
    });
    if (!already) {
      items.push({code: code, day: forDay, at: new Date().toISOString()});
      saveQueue(items);
    }
    show('queued', null, null, text('queued').replace('{0}', code));
  }

  function checkIn(code) {
    code = (code || '').trim().toUpperCase();
    if (!code) {
      return;
    }
    var forDay = day();
    if (navigator.onLine === false) {
      queued(code, forDay);
      return;
    }
    show('sending', null, null, text('sending'));
    send(code, forDay).then(function (answer) {
      if (answer.kind === 'signin') {
        show('problem', null, null, text('sign-in'));
      } else if (answer.status === 503) {
        queued(code, forDay);
      } else {
        show(answer.kind, answer.fullName, answer.unit, answer.message);
      }
    }, function () {
      queued(code, forDay);
    });
  }

  /* Sends the waiting check-ins in order; stops at the first that still cannot be sent. */
  function flush() {
    if (flushing || navigator.onLine === false || queue().length === 0) {
      return;
    }
    flushing = true;
    var item = queue()[0];
    send(item.code, item.day).then(function (answer) {
      if (answer.kind === 'signin' || answer.status === 503) {
        flushing = false;
        if (answer.kind === 'signin') {
          show('problem', null, null, text('sign-in'));
        }
        return;
      }
      saveQueue(queue().filter(function (other) {
        return !(other.code === item.code && other.day === item.day);
      }));
      show(answer.kind, answer.fullName, answer.unit, answer.message);
      flushing = false;
      flush();
    }, function () {
      flushing = false;
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll('form.checkin-form'), function (form) {
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var field = form.querySelector('[name=code]');
      checkIn(field.value);
      if (field.type !== 'hidden') {
        field.value = '';
        field.focus();
      }
    });
  });

  window.addEventListener('online', flush);
  window.setInterval(flush, 3000);
  showQueue();
  flush();

  /* The camera: frames drawn into a canvas, read by jsQR; the same code is not sent again within 5 s. */
  var start = document.getElementById('camera-start');
  var stop = document.getElementById('camera-stop');
  var video = document.getElementById('camera');
  var cameraStatus = document.getElementById('camera-status');
  var canvas = document.createElement('canvas');
  var stream = null;
  var last = {code: null, at: 0};

  if (!window.isSecureContext || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia || typeof jsQR !== 'function') {
    start.hidden = true;
    cameraStatus.textContent = text('camera-insecure');
    return;
  }

  function scan() {
    if (!stream) {
      return;
    }
    if (video.readyState >= 2 && video.videoWidth > 0) {
      canvas.width = video.videoWidth;
      canvas.height = video.videoHeight;
      var context = canvas.getContext('2d', {willReadFrequently: true});
      context.drawImage(video, 0, 0, canvas.width, canvas.height);
      var frame = context.getImageData(0, 0, canvas.width, canvas.height);
      var found = jsQR(frame.data, frame.width, frame.height, {inversionAttempts: 'dontInvert'});
      var now = Date.now();
      if (found && found.data && (found.data !== last.code || now - last.at > 5000)) {
        last = {code: found.data, at: now};
        checkIn(found.data);
      }
    }
    window.setTimeout(scan, 250);
  }

  start.addEventListener('click', function () {
    navigator.mediaDevices.getUserMedia({video: {facingMode: 'environment'}, audio: false}).then(function (media) {
      stream = media;
      video.srcObject = media;
      video.hidden = false;
      start.hidden = true;
      stop.hidden = false;
      cameraStatus.textContent = text('camera-on');
      return video.play();
    }).then(scan, function () {
      cameraStatus.textContent = text('camera-denied');
    });
  });

  stop.addEventListener('click', function () {
    if (stream) {
      stream.getTracks().forEach(function (track) {
        track.stop();
      });
    }
    stream = null;
    video.hidden = true;
    stop.hidden = true;
    start.hidden = false;
    cameraStatus.textContent = '';
  });
}());
