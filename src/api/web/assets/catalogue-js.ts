// The catalogue's browser script, served as /assets/<hash>/catalogue.js.
// Kept as a string in a module so the build carries it into dist/ (the Docker image holds no src/);
// it must hold no backtick and no dollar-brace.
export const CATALOGUE_JS = String.raw`// breachfeed catalogue: the chart and as-you-type filtering, on top of a page that works without them.
// Loaded from 'self' (the CSP allows no inline script); everything shown from data goes through textContent.
'use strict';
(function () {
  var form = document.getElementById('filters');
  var timeline = document.getElementById('timeline');
  if (!form || !timeline) return;
  var COLORS = ['#0b57d0', '#c5221f', '#188038', '#b06000', '#8430ce'];
  var OTHER = '#80868b';
  var chart = null;
  var timelineRequest = null;
  var pageRequest = null;
  var typingTimer = null;

  function byId(id) { return document.getElementById(id); }

  function drawTimeline(url) {
    if (timelineRequest) timelineRequest.abort();
    timelineRequest = new AbortController();
    fetch(url, { headers: { accept: 'application/json' }, signal: timelineRequest.signal })
      .then(function (r) { return r.ok ? r.json() : Promise.reject(new Error('timeline: HTTP ' + r.status)); })
      .then(renderTimeline)
      .catch(function (err) { if (err.name !== 'AbortError') byId('chart-caption').textContent = 'The timeline could not be loaded.'; });
  }

  function renderTimeline(t) {
    // Nothing dated to chart (no match, say): no empty axes.
    timeline.hidden = !t.months.length;
    if (timeline.hidden) return;
    var datasets = t.series.map(function (s, i) {
      return { label: s.label, data: s.counts, backgroundColor: s.type === 'other' ? OTHER : COLORS[i % COLORS.length], stack: 'incidents' };
    });
    if (chart) {
      chart.data.labels = t.months;
      chart.data.datasets = datasets;
      chart.update();
    } else {
      chart = new window.Chart(byId('chart'), {
        type: 'bar',
        data: { labels: t.months, datasets: datasets },
        options: {
          responsive: true,
          maintainAspectRatio: false,
          animation: false,
          interaction: { mode: 'index', intersect: false },
          scales: {
            x: { stacked: true, ticks: { maxRotation: 0, autoSkip: true } },
            y: { stacked: true, beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: 'incidents' } },
          },
          plugins: {
            legend: { position: 'bottom', labels: { boxWidth: 12 } },
            tooltip: {
              filter: function (item) { return item.raw > 0; },
              callbacks: { footer: function (items) { return 'Total: ' + (items.length ? t.totals[items[0].dataIndex] : 0) + ' incidents'; } },
            },
          },
        },
      });
    }
    var span = t.months.length ? t.months[0] + ' to ' + t.months[t.months.length - 1] : 'no dated incidents';
    var summary = t.incidents + ' incidents, ' + span + (t.undated ? '; ' + t.undated + ' without a disclosure date are not charted' : '');
    byId('chart').setAttribute('aria-label', 'Incidents per month of disclosure, stacked by data type: ' + summary);
    byId('chart-caption').textContent = summary + '. Each incident is counted once, under its most common data type.';
    fillTable(t);
    var list = byId('top-types');
    list.textContent = '';
    t.topTypes.forEach(function (d) {
      var li = document.createElement('li');
      var name = document.createElement('span');
      name.textContent = d.label;
      var n = document.createElement('span');
      n.className = 'muted';
      n.textContent = String(d.incidents);
      li.append(name, n);
      list.append(li);
    });
  }

  // The chart's figures for keyboards and screen readers: one row per month that has incidents.
  function fillTable(t) {
    var table = byId('months-table');
    var head = document.createElement('tr');
    ['Month'].concat(t.series.map(function (s) { return s.label; }), ['Total']).forEach(function (text) {
      var th = document.createElement('th');
      th.scope = 'col';
      th.textContent = text;
      head.append(th);
    });
    table.tHead.replaceChildren(head);
    var rows = [];
    t.months.forEach(function (month, m) {
      if (!t.totals[m]) return;
      var tr = document.createElement('tr');
      var th = document.createElement('th');
      th.scope = 'row';
      th.textContent = month;
      tr.append(th);
      t.series.map(function (s) { return s.counts[m]; }).concat([t.totals[m]]).forEach(function (n) {
        var td = document.createElement('td');
        td.textContent = String(n);
        tr.append(td);
      });
      rows.push(tr);
    });
    table.tBodies[0].replaceChildren.apply(table.tBodies[0], rows);
  }

  function searchOf() {
    var params = new URLSearchParams();
    new FormData(form).forEach(function (value, key) {
      var v = String(value).trim();
      if (v) params.set(key, v);
    });
    var s = params.toString();
    return s ? '?' + s : '';
  }

  function replaceFrom(doc, id) {
    var fresh = doc.getElementById(id);
    var current = byId(id);
    if (fresh && current) current.replaceWith(document.importNode(fresh, true));
  }

  function refresh() {
    var url = '/' + searchOf();
    if (pageRequest) pageRequest.abort();
    pageRequest = new AbortController();
    fetch(url, { headers: { accept: 'text/html' }, signal: pageRequest.signal })
      .then(function (r) { return r.status >= 500 ? Promise.reject(new Error('catalogue: HTTP ' + r.status)) : r.text(); })
      .then(function (text) {
        var doc = new DOMParser().parseFromString(text, 'text/html');
        // Not the catalogue (a sign-in form, say): go there as a page.
        if (!doc.getElementById('results-list')) return location.assign(url);
        replaceFrom(doc, 'results-list');
        replaceFrom(doc, 'problems');
        var status = doc.getElementById('results-status');
        if (status) byId('results-status').textContent = status.textContent;
        document.title = doc.title;
        history.replaceState(null, '', url);
        byId('clear').hidden = url === '/';
        var fresh = doc.getElementById('timeline');
        if (fresh) drawTimeline(fresh.getAttribute('data-src'));
      })
      .catch(function (err) { if (err.name !== 'AbortError') byId('results-status').textContent = 'The list could not be updated; press Filter to try again.'; });
  }

  byId('q').addEventListener('input', function () {
    clearTimeout(typingTimer);
    typingTimer = setTimeout(refresh, 150);
  });
  form.addEventListener('change', function (e) { if (e.target.id !== 'q') refresh(); });
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    clearTimeout(typingTimer);
    refresh();
  });
  drawTimeline(timeline.getAttribute('data-src'));
})();
`;
