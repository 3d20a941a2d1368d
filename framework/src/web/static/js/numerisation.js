// « Mes documents numérisés »: files dropped on the labelled zone are sent like the chosen ones, one
// request per file with its progress in the status line; the page is then reloaded to show the list.
// Without script, the form posts the chosen files as it is.
(function () {
  'use strict';

  function setup(form) {
    var zone = form.querySelector('[data-numerisation-zone]');
    var input = form.querySelector('input[type="file"]');
    var status = form.querySelector('[role="status"]');
    var token = form.querySelector('input[name="_csrf"]');
    if (!zone || !input || !status || !token || !window.FormData || !window.XMLHttpRequest) return;
    var template = form.getAttribute('data-progression') || '';
    var finished = form.getAttribute('data-termine') || '';
    var busy = false;

    function say(text, errors) {
      status.textContent = text;
      if (errors && errors.length) {
        var list = document.createElement('ul');
        errors.forEach(function (error) {
          var item = document.createElement('li');
          item.textContent = error;
          list.appendChild(item);
        });
        status.appendChild(list);
      }
    }

    function sendOne(file, done) {
      var body = new FormData();
      body.append('_csrf', token.value);
      body.append(input.name, file, file.name);
      var request = new XMLHttpRequest();
      var lastStep = -1;
      request.open('POST', form.getAttribute('action') || window.location.pathname);
      request.setRequestHeader('Accept', 'application/json');
      request.setRequestHeader('X-CSRF-Token', token.value);
      request.upload.addEventListener('progress', function (event) {
        if (!event.lengthComputable) return;
        var percent = Math.round((event.loaded / event.total) * 100);
        var step = Math.floor(percent / 10);
        if (step === lastStep) return;
        lastStep = step;
        say(template.replace('{name}', file.name).replace('{percent}', String(percent)));
      });
      request.addEventListener('load', function () {
        var answer = null;
        try { answer = JSON.parse(request.responseText); } catch (error) { answer = null; }
        done(answer && answer.erreurs ? answer.erreurs : (request.status >= 400 ? [file.name + ' : ' + request.status] : []));
      });
      request.addEventListener('error', function () { done([file.name]); });
      request.send(body);
    }

    function sendAll(files) {
      if (busy || !files.length) return;
      busy = true;
      var errors = [];
      var index = 0;
      (function next() {
        if (index >= files.length) {
          busy = false;
          if (errors.length === 0) { window.location.reload(); return; }
          say(finished, errors);
          return;
        }
        var file = files[index++];
        sendOne(file, function (refused) {
          errors = errors.concat(refused);
          next();
        });
      })();
    }

    ['dragenter', 'dragover'].forEach(function (name) {
      zone.addEventListener(name, function (event) {
        event.preventDefault();
        zone.classList.add('survol');
      });
    });
    ['dragleave', 'drop'].forEach(function (name) {
      zone.addEventListener(name, function () { zone.classList.remove('survol'); });
    });
    zone.addEventListener('drop', function (event) {
      event.preventDefault();
      if (event.dataTransfer && event.dataTransfer.files) sendAll(Array.prototype.slice.call(event.dataTransfer.files));
    });
    form.addEventListener('submit', function (event) {
      if (!input.files || !input.files.length) return;
      event.preventDefault();
      sendAll(Array.prototype.slice.call(input.files));
    });
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll('form[data-numerisation]'), setup);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
