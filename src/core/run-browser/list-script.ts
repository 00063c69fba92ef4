/**
 * The list page's script (plain ES2017, no libraries): virtual scrolling over `/api/runs`
 * (only the rows in view are in the page; windows of rows are fetched as they scroll in), the
 * filters applied as typed, and the filters and ticked runs kept in the URL with
 * `history.replaceState`, so a view can be shared and going back finds it as it was.
 */
export const LIST_SCRIPT = `(function () {
  'use strict';
  var config = JSON.parse(document.getElementById('list-state').textContent);
  var params = new URLSearchParams(location.search);
  var scroller = document.getElementById('scroller');
  var tbody = document.getElementById('rows');
  var form = document.getElementById('filters');
  var count = document.getElementById('count');
  var compareLink = document.getElementById('compare-link');
  var more = document.getElementById('more');
  if (more) more.remove();
  var total = config.total;
  var windowSize = config.window;
  var columns = config.columns;
  var rowHeight = config.rowHeight;
  var sample = tbody.querySelector('tr[data-id]');
  if (sample) rowHeight = sample.getBoundingClientRect().height || rowHeight;
  var windows = {};
  var pending = {};
  var generation = 0;
  var loaded = 0;
  var drawn = '';
  // The server drew the first window: keep it instead of asking again.
  if (total > 0) windows[0] = Array.prototype.map.call(tbody.rows, function (row) { return row.outerHTML; });

  function selected() {
    return (params.get('selected') || '').split(',').filter(Boolean);
  }

  function remember() {
    var text = params.toString();
    history.replaceState(null, '', text ? '?' + text : location.pathname);
    var runs = selected();
    compareLink.href = '/compare?runs=' + runs.map(encodeURIComponent).join(',');
    compareLink.textContent = 'Compare selected (' + runs.length + ')';
    var sort = params.get('sort') || '-start';
    document.querySelectorAll('th a[data-sort]').forEach(function (link) {
      var key = link.getAttribute('data-sort');
      var next = new URLSearchParams(params);
      next.set('sort', sort === key ? '-' + key : key);
      link.href = '/?' + next.toString();
    });
    var kept = form.querySelector('input[name=selected]');
    if (kept) kept.value = runs.join(',');
  }

  function load(index) {
    if (windows[index] || pending[index]) return;
    pending[index] = true;
    var mine = generation;
    var query = new URLSearchParams(params);
    query.delete('selected');
    query.set('offset', String(index * windowSize));
    query.set('limit', String(windowSize));
    query.set('html', '1');
    fetch('/api/runs?' + query.toString())
      .then(function (response) {
        if (!response.ok) throw new Error('/api/runs answered ' + response.status);
        return response.json();
      })
      .then(function (page) {
        if (mine !== generation) return;
        delete pending[index];
        windows[index] = page.html;
        loaded++;
        total = page.total;
        count.textContent = page.total + ' of ' + page.runCount + ' run' + (page.runCount === 1 ? '' : 's');
        draw();
      })
      .catch(function (error) {
        delete pending[index];
        count.textContent = 'Could not load runs: ' + error.message;
      });
  }

  function spacer(height) {
    return height > 0
      ? '<tr aria-hidden="true" class="spacer"><td colspan="' + columns + '" style="height:' + height + 'px;padding:0;border:0"></td></tr>'
      : '';
  }

  function draw() {
    var top = scroller.scrollTop;
    var height = scroller.clientHeight || 600;
    var first = Math.max(0, Math.floor(top / rowHeight) - 30);
    var last = Math.min(total, Math.ceil((top + height) / rowHeight) + 30);
    for (var index = Math.floor(first / windowSize); index * windowSize < last; index++) load(index);
    var key = first + ':' + last + ':' + loaded + ':' + generation;
    if (key === drawn) return;
    drawn = key;
    var html = [spacer(first * rowHeight)];
    for (var i = first; i < last; i++) {
      var rows = windows[Math.floor(i / windowSize)];
      html.push(rows && rows[i % windowSize] ? rows[i % windowSize] : '<tr><td colspan="' + columns + '" class="muted">loading…</td></tr>');
    }
    html.push(spacer((total - last) * rowHeight));
    // Keep the keyboard focus on the same run's checkbox or link when rows are redrawn.
    var active = document.activeElement;
    var focusRow = active && tbody.contains(active) ? active.closest('tr').getAttribute('data-id') : null;
    var focusTag = active ? active.tagName : '';
    tbody.innerHTML = html.join('');
    var chosen = selected();
    tbody.querySelectorAll('input[name=runs]').forEach(function (box) {
      box.checked = chosen.indexOf(box.value) >= 0;
    });
    if (focusRow !== null) {
      var row = tbody.querySelector('tr[data-id="' + CSS.escape(focusRow) + '"]');
      var target = row && row.querySelector(focusTag === 'A' ? 'a' : 'input');
      if (target) target.focus({ preventScroll: true });
    }
  }

  function applyFilters() {
    ['q', 'state', 'pipeline'].forEach(function (name) {
      var value = form.elements[name].value.trim();
      if (value) params.set(name, value);
      else params.delete(name);
    });
    generation++;
    windows = {};
    pending = {};
    scroller.scrollTop = 0;
    remember();
    load(0);
  }

  var typing;
  form.elements.q.addEventListener('input', function () {
    clearTimeout(typing);
    typing = setTimeout(applyFilters, 150);
  });
  form.elements.state.addEventListener('change', applyFilters);
  form.elements.pipeline.addEventListener('change', applyFilters);
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    applyFilters();
  });
  tbody.addEventListener('change', function (event) {
    var box = event.target;
    if (!box.matches('input[name=runs]')) return;
    var runs = selected().filter(function (id) { return id !== box.value; });
    if (box.checked) runs.push(box.value);
    if (runs.length) params.set('selected', runs.join(','));
    else params.delete('selected');
    remember();
  });
  // Ticked runs scrolled out of view are no longer in the form: compare what the URL holds.
  document.getElementById('compare-form').addEventListener('submit', function (event) {
    event.preventDefault();
    location.href = compareLink.href;
  });
  var frame = 0;
  scroller.addEventListener('scroll', function () {
    if (!frame) frame = requestAnimationFrame(function () { frame = 0; draw(); });
  });
  remember();
  draw();
})();
`;
