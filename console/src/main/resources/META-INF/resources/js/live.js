/* Live figures on the analyst's pages, without a framework. The page listens to /live/indicators (server-sent
   events: only updates of units the person may read). When an indicator shown in a live region ([data-live-unit],
   [data-live-year], [data-live-indicators]) changes, the page fetches itself again and swaps those regions, so every
   figure stays rendered by the server. EventSource reconnects by itself when the connection drops. */
(function () {
  'use strict';
  if (!window.EventSource || !document.querySelector('[data-live-unit]')) {
    return;
  }
  var status = document.getElementById('estado-vivo');
  var pending = null;
  var updates = 0;

  function shows(update) {
    var regions = document.querySelectorAll('[data-live-unit]');
    for (var i = 0; i < regions.length; i++) {
      var r = regions[i];
      if (r.getAttribute('data-live-unit') === update.orgUnit
          && r.getAttribute('data-live-year') === String(update.fiscalYear)
          && (' ' + r.getAttribute('data-live-indicators') + ' ').indexOf(' ' + update.indicator + ' ') >= 0) {
        return true;
      }
    }
    return false;
  }

  function refresh() {
    pending = null;
    fetch(window.location.href, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error('HTTP ' + response.status);
        }
        return response.text();
      })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, 'text/html');
        document.querySelectorAll('[data-live-unit]').forEach(function (old) {
          var replacement = old.id && fresh.getElementById(old.id);
          if (replacement) {
            var open = old.querySelector('details[open]');
            if (open) {
              var details = replacement.querySelector('details');
              if (details) { details.open = true; }
            }
            old.replaceWith(document.importNode(replacement, true));
          }
        });
        updates++;
        document.body.setAttribute('data-live-updates', String(updates));
        if (status) {
          status.textContent = 'Cifras actualizadas (' + new Date().toLocaleTimeString('es-MX') + ')';
        }
      })
      .catch(function () {
        if (status) {
          status.textContent = 'No se pudieron actualizar las cifras; se intentará con el siguiente reporte.';
        }
      });
  }

  var source = new EventSource('/live/indicators');
  source.addEventListener('open', function () {
    document.body.setAttribute('data-live', 'open');
  });
  source.addEventListener('error', function () {
    document.body.setAttribute('data-live', 'reconnecting');
  });
  source.addEventListener('indicator', function (event) {
    var update;
    try {
      update = JSON.parse(event.data);
    } catch (e) {
      return;
    }
    if (shows(update) && !pending) {
      pending = window.setTimeout(refresh, 300);
    }
  });
}());
